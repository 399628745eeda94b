extract-dates --format=tsv --ref=2025-06-11T14:00 --each-line
