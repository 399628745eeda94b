dedupe-lines -a -c
