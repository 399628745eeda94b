# tests/unwrap/labelled.sh - unwrap's labelled cases (tests/unwrap/labelled,
# invented wrapped pages and texts with their gold): every block that
# passed in the committed baseline still passes (scripts/score-unwrap).
. "$TOP/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "unwrap labelled cases" "no python3"
	exit 0
fi
d=$T/unwrap-labelled
mkdir -p "$d"
python3 "$TOP/scripts/score-unwrap" --bin "$WINNOW_BIN" \
    --baseline "$TOP/tests/unwrap/labelled/baseline" >"$d/out" 2>&1
rc=$?
grep '^REGRESSION' "$d/out" | head -20
check "unwrap labelled cases: no block of the baseline lost ($(sed -n 's/.*passed \([0-9]*\) .*/\1/p' "$d/out") passed)" test $rc -eq 0
