extract-dates --format=tsv --ref=1989-10-25 --each-line
