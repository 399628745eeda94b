fix-text --skip=bogus
