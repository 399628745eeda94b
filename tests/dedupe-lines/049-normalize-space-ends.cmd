dedupe-lines -S -i
