fix-text --skip=mojibake,c1
