dedupe-lines -k 0
