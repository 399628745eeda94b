split-sentences --list-words | grep -c .
