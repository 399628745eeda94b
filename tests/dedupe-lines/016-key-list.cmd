dedupe-lines -k 1,3
