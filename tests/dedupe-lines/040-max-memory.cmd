seq 1 200000 | dedupe-lines --max-memory=1M > /dev/null
