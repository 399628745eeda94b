html-text
