fix-text --replace
