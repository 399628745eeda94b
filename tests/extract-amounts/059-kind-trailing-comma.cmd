extract-amounts --kind=money,
