extract-dates --format=tsv --ref=2025-06-19 --each-line
