extract-quotes --attributed-only
