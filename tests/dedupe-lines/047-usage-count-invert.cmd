dedupe-lines -c -v
