extract-amounts --kind=
