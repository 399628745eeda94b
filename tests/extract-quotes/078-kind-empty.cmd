extract-quotes --kind=
