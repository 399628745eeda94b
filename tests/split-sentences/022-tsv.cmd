split-sentences --format=tsv
