html-text docs/first.html docs/empty.html docs/second.html
