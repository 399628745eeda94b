fix-text --typography
