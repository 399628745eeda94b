dedupe-lines --near
