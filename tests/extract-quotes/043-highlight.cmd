extract-quotes --highlight
