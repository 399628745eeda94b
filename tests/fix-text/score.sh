# tests/fix-text/score.sh - fix-text against its references: the labelled
# cases of this project (tests/fix-text/labelled: no case that passes in
# the committed baseline may fail, no damage at all), the shared dev set
# (../shared/eval/fixtext, when present: accuracy and damage at the level
# reached, 0.996 and 0), output independent of read sizes, a line longer than the read
# buffer.
. "$TOP/tests/lib.sh"
d=$T/fix-text-score
mkdir -p "$d"
lab=$TOP/tests/fix-text/labelled
dev=$TOP/../shared/eval/fixtext

if ! command -v python3 >/dev/null 2>&1; then
	skip "fix-text labelled cases" "no python3"
else
	python3 "$TOP/scripts/score-fix-text" --cmd fix-text \
	    --baseline "$lab/baseline.tsv" --max-damage 0 --min-acc 0.99 \
	    "$lab/cases.jsonl" >"$d/labelled" 2>&1
	rc=$?
	acc=$(awk '$1 == "overall" { print $5 }' "$d/labelled")
	check "fix-text labelled: baseline kept, acc >= 0.99, no damage (acc $acc)" \
	    test $rc -eq 0
	[ $rc -eq 0 ] || cat "$d/labelled"
	# The case file is what make-cases.py makes of the invented lines.
	python3 "$lab/make-cases.py" >"$d/cases.jsonl"
	check "fix-text labelled: cases.jsonl is make-cases.py's output" \
	    cmp -s "$d/cases.jsonl" "$lab/cases.jsonl"
fi

if [ ! -f "$dev/score.py" ] || ! command -v python3 >/dev/null 2>&1; then
	skip "fix-text shared dev set" "no ../shared/eval/fixtext or no python3"
else
	python3 "$dev/score.py" --json "$d/dev.json" -- fix-text \
	    >"$d/dev.txt" 2>&1
	check "fix-text shared dev set: accuracy >= 0.99, damage 0" python3 -c '
import json, sys
o = json.load(open(sys.argv[1]))["overall"]
print("accuracy %.3f damage %.3f" % (o["accuracy"], o["damage_rate"]))
sys.exit(not (o["accuracy"] >= 0.99 and o["damaged"] == 0))' "$d/dev.json"
fi

# The same output whatever read() returns.
cat "$TOP"/tests/fix-text/0*.in >"$d/all.in"
fix-text <"$d/all.in" >"$d/big.out"
WINNOW_BUFSIZE=7 fix-text <"$d/all.in" >"$d/small.out"
check "fix-text output independent of read size" cmp -s "$d/big.out" "$d/small.out"

# A line longer than the read buffer, repairs at both ends.
awk 'BEGIN { s = "word "; while (length(s) < 70000) s = s s;
    printf "caf\303\203\302\251 %s&amp;\n", s }' >"$d/long.in"
awk 'BEGIN { s = "word "; while (length(s) < 70000) s = s s;
    printf "caf\303\251 %s&\n", s }' >"$d/long.want"
fix-text <"$d/long.in" >"$d/long.out"
check "fix-text long line" cmp -s "$d/long.out" "$d/long.want"

# Every kind of repair at every offset of a 16-byte block and at the end
# of the line: the vector scan of the fast path misses none.
if command -v python3 >/dev/null 2>&1; then
	python3 - "$d/offsets.in" "$d/offsets.want" <<'PY'
import sys
pairs = [("\u0092", "\u2019"), ("\u0085", "\u2026"), ("\u0081", ""),
         ("\u00ad", ""), ("\u200b", ""), ("\u2060", ""), ("\ufeff", ""),
         ("\ufffc", ""), ("\u206a", ""), ("\x07", ""), ("\x7f", ""),
         ("\x1b[1m", ""), ("&amp;", "&"), ("caf\u00c3\u00a9", "caf\u00e9"),
         ("\u00e2\u20ac\u2122", "\u2019")]
with open(sys.argv[1], "w") as i, open(sys.argv[2], "w") as w:
    for k in range(0, 40):
        for n in (0, 1, 5, 17, 30):
            for a, b in pairs:
                i.write("x" * k + a + "y" * n + "\n")
                w.write("x" * k + b + "y" * n + "\n")
PY
	fix-text <"$d/offsets.in" >"$d/offsets.out"
	check "fix-text repairs at every offset" cmp -s "$d/offsets.out" "$d/offsets.want"
fi
