fix-text -t
