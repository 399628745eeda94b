fix-text
