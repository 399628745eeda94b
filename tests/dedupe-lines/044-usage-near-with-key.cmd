dedupe-lines --near -k 2
