extract-dates --format=tsv --ref=2025-02-10 --each-line
