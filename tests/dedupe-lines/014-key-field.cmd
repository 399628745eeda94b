dedupe-lines -k 2
