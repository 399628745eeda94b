dedupe-lines -d
