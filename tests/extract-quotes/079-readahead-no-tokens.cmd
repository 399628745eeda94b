# a batch without tokens (clang UBSan: NULL + 0)
WINNOW_READAHEAD=0 extract-quotes --format=jsonl
