html-text --alt
