extract-quotes --kind=full,loud
