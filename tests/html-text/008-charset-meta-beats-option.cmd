html-text --charset=latin1
