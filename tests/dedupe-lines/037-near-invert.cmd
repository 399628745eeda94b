dedupe-lines --near -v
