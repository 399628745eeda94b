extract-amounts -q
