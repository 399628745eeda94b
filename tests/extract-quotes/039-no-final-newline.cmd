extract-quotes
