extract-quotes --format=tsv
