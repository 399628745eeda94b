fix-text --skip=entity,invisible
