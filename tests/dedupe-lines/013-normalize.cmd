dedupe-lines -N
