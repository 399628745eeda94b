extract-quotes -q
