# tests/extract-quotes/labelled.sh - the labelled hard cases: quote F1 at
# least 0.99 (the level reached: 1.000) and no case field that passed in
# the committed baseline (baseline.tsv: quote found, speaker, kind, role,
# verb, no false positive) failing now (scripts/score-quotes --baseline).
# After an improvement: scripts/score-quotes --write-baseline
# tests/extract-quotes/baseline.tsv, and commit it.
. "$TOP/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "extract-quotes labelled cases" "no python3"
	exit 0
fi
if python3 "$TOP/scripts/score-quotes" --bin "$WINNOW_BIN" --min-f1 0.99 \
    --baseline "$TOP/tests/extract-quotes/baseline.tsv" \
    >"$T/labelled-score" 2>&1; then
	ok "extract-quotes labelled cases: F1 >= 0.99, no regression against baseline.tsv"
else
	bad "extract-quotes labelled cases" "$(grep -E 'REGRESSION|below' "$T/labelled-score" | head -5 | tr '\n' ';')"
fi
