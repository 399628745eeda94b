dedupe-lines -a
