dedupe-lines -b
