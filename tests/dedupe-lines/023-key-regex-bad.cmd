dedupe-lines -e "a(b"
