extract-amounts --color=always -n
