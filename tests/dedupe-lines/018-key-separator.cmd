dedupe-lines -t , -k 2
