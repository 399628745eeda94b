dedupe-lines -S
