html-text docs/first.html - docs/first.html
