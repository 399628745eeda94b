dedupe-lines --near=1.5
