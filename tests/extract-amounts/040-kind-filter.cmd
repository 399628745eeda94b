extract-amounts --kind=percent
