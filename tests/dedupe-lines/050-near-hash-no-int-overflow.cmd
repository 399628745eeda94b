# A fuzz finding: the --near MinHash family multiplied 16-bit values as
# int and overflowed (UBSan).  The run must be clean under make asan.
dedupe-lines --near
