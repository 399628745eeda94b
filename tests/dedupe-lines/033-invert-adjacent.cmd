dedupe-lines -a -v
