dedupe-lines -i -k 2
