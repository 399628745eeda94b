dedupe-lines -e "(x+x+)+y"
