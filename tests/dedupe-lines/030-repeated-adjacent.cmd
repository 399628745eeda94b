dedupe-lines -ad
