dedupe-lines -c
