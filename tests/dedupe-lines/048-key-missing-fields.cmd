dedupe-lines -k 3
