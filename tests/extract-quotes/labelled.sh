# tests/extract-quotes/labelled.sh - the labelled hard cases score at least
# 0.9 quote F1 (scripts/score-quotes).
. "$TOP/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "extract-quotes labelled cases" "no python3"
	exit 0
fi
check "extract-quotes labelled cases F1 >= 0.9" sh -c \
    "python3 '$TOP/scripts/score-quotes' --bin '$WINNOW_BIN' --min-f1 0.9 >'$T/labelled-score' 2>&1"
