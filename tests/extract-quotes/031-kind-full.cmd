extract-quotes --kind=full
