extract-amounts --kind=cash
