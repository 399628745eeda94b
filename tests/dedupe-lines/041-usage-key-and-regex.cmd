dedupe-lines -k 2 -e x
