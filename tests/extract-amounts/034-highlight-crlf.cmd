extract-amounts --highlight
