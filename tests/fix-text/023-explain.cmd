fix-text --explain
