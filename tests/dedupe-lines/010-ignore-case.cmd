dedupe-lines -i
