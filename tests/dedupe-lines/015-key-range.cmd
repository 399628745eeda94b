dedupe-lines -k 2-3
