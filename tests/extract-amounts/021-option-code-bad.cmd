extract-amounts --dollar=cad
