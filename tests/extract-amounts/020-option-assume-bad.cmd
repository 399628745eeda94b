extract-amounts --assume=xx=CAD
