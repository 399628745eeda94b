dedupe-lines
