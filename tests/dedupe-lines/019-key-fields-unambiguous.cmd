dedupe-lines -t , -k 1,2
