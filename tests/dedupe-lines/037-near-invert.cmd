dedupe-lines --near=0.5 -v
