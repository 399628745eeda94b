extract-quotes --min-words=3
