extract-amounts --dollar=CAD --format=tsv
