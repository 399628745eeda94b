extract-dates --format=tsv
