dedupe-lines --key-regex="user=(\w+)"
