extract-amounts --format=tsv
