dedupe-lines -u
