extract-quotes -H -n
