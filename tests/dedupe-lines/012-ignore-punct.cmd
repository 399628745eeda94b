dedupe-lines -P
