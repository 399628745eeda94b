dedupe-lines -v
