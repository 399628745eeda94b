html-text --charset=no-such-encoding
