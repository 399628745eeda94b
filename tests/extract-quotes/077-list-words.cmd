extract-quotes --list-words | grep -E "^(list|verb|title|det)	(word|said|quipped|agreing|slamed|spokeswoman|professor|the)$"
