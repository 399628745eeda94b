dedupe-lines -t ,
