dedupe-lines --max-memory=lots
