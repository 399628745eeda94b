extract-amounts --assume=kr=DKK --assume=¥=CNY --format=tsv
