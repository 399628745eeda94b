fix-text --explain -t
