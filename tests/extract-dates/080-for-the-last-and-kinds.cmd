extract-dates --format=tsv --ref=2025-03-10 --each-line
