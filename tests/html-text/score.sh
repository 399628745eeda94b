# tests/html-text/score.sh - html-text's accuracy, gated.
#
# 1. Its labelled pages (tests/html-text/pages, invented): no case that
#    passed in the committed baseline fails now (scripts/score-html-text).
# 2. The shared development pages (../shared/eval/declutter, real pages),
#    when ../shared is there: the bars at the level reached.
. "$TOP/tests/lib.sh"
d=$T/html-text-score
mkdir -p "$d"
if python3 "$TOP/scripts/score-html-text" --bin "$WINNOW_BIN" \
    --baseline "$TOP/tests/html-text/pages/baseline.tsv" >"$d/own" 2>&1; then
	ok "html-text labelled pages: no regression ($(tail -n 2 "$d/own" | head -n 1 | sed 's/  */ /g'))"
else
	bad "html-text labelled pages" "$(grep -E 'REGRESSION|below' "$d/own" | head -5)"
fi

S=$TOP/../shared/eval/declutter/score.py
if [ ! -f "$S" ]; then
	skip "html-text on the shared pages" "../shared/eval/declutter is not there"
	exit 0
fi
# $1 name, $2 the command, then "KEY>=BAR" pairs over score.py's summary.
bar() {
	_n=$1 _c=$2
	shift 2
	python3 "$S" --input html -j 2 --save "$d/s.json" -- sh -c "$_c" >/dev/null 2>&1
	if python3 - "$d/s.json" "$@" >"$d/why" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
bad = []
for cond in sys.argv[2:]:
    k, v = cond.split(">=")
    print("%s %.3f (bar %s)" % (k, s[k], v), end="; ")
    if s[k] < float(v) or s["failures"]:
        bad.append(k)
sys.exit(1 if bad else 0)
PY
	then ok "html-text shared pages: $_n: $(cat "$d/why")"
	else bad "html-text shared pages: $_n" "$(cat "$d/why")"
	fi
}
B=$WINNOW_BIN
bar "html-text keeps the article" "$B/html-text" gold_kept\>=0.995 R_mean\>=0.99
bar "html-text | declutter" "$B/html-text | $B/declutter" F1_of_means\>=0.885
bar "html-text --main" "$B/html-text --main" F1_of_means\>=0.97
bar "html-text --main | declutter" "$B/html-text --main | $B/declutter" F1_of_means\>=0.95
