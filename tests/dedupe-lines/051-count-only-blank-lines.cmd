# A fuzz finding: -c over input made only of blank lines wrote from a
# text buffer that was never allocated (UBSan: null pointer plus zero).
dedupe-lines -c
