html-text --title
