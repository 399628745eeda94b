# tests/extract-amounts/reference.sh - extract-amounts against its
# references: the seed article (exactly its four records), the project's
# labelled sentences (F1 >= 0.99 and no regression against baseline.tsv)
# and the peers' cases (F1 >= 0.99, the level reached: 0.992), a line longer
# than the 64 KiB read buffer, and output independent of read sizes.
. "$TOP/tests/lib.sh"
d=$T/amounts-ref
mkdir -p "$d"
shared=$TOP/../shared

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# The seed article: the same four amounts, field by field.
if [ ! -f "$shared/samples/seed-article.txt" ]; then
	skip "amounts seed article" "no ../shared"
elif [ $have_python = 0 ]; then
	skip "amounts seed article" "no python3"
else
	extract-amounts --format=jsonl "$shared/samples/seed-article.txt" \
	    >"$d/seed.jsonl"
	check "amounts seed article" python3 - "$d/seed.jsonl" \
	    "$shared/samples/seed-article.amounts.jsonl" <<'PY'
import json, sys
keys = ("line", "text", "value", "unit", "kind", "qualifier")
def load(p):
    return [tuple(json.loads(l).get(k) for k in keys) for l in open(p) if l.strip()]
got, want = load(sys.argv[1]), load(sys.argv[2])
if got != want:
    print("got ", got)
    print("want", want)
sys.exit(got != want)
PY
fi

# The labelled news sentences of this project: F1 at the level reached
# (1.000; the bar 0.99) and no case field that passed in the committed
# baseline (baseline.tsv: amount found, span, qualifier, range, no false
# positive) failing now.  After an improvement: scripts/score-amounts
# --write-baseline tests/extract-amounts/baseline.tsv, and commit it.
if [ $have_python = 0 ]; then
	skip "amounts labelled F1 >= 0.99, no regression" "no python3"
else
	labelled() {
		python3 "$TOP/scripts/score-amounts" --min-f1 0.99 \
		    --baseline "$TOP/tests/extract-amounts/baseline.tsv" \
		    --cmd "extract-amounts --format=jsonl" >"$d/labelled.txt" 2>&1
	}
	check "amounts labelled F1 >= 0.99, no regression against baseline.tsv" labelled
fi

# The peers' cases.
if [ ! -f "$shared/eval/amounts/score.py" ] || [ $have_python = 0 ]; then
	skip "amounts peers F1 >= 0.99" "no ../shared or no python3"
else
	python3 "$shared/eval/amounts/score.py" --json "$d/peers.json" -- \
	    extract-amounts --format=jsonl >"$d/peers.txt" 2>&1
	check "amounts peers F1 >= 0.99" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["sources"]["OVERALL"]["F1"]
sys.exit(not f >= 0.99)' "$d/peers.json"
fi

# A line longer than the read buffer, the amount at its end.
awk 'BEGIN { s = "x"; while (length(s) < 70000) s = s s; printf "%s $5 million.\n", s }' \
    >"$d/long.txt"
extract-amounts --format=tsv "$d/long.txt" | cut -f 3,4 | tail -n 1 >"$d/long.out"
col=$(awk 'BEGIN { s = "x"; while (length(s) < 70000) s = s s; print length(s) + 2 }')
check "amounts long line" test "$(cat "$d/long.out")" = "$col	\$5 million"

# The same output whatever read() returns: a 7-byte buffer.
cat "$TOP"/tests/extract-amounts/0*.in >"$d/all.in"
extract-amounts --format=jsonl <"$d/all.in" >"$d/big.out"
WINNOW_BUFSIZE=7 extract-amounts --format=jsonl <"$d/all.in" >"$d/small.out"
check "amounts output independent of read size" cmp -s "$d/big.out" "$d/small.out"

# The man page's currency table is the program's.
extract-amounts --list-currencies | tail -n +2 | cut -f 1 >"$d/codes.prog"
sed -n 's/^\.It \\&\([A-Z][A-Z][A-Z]\) Ta .*/\1/p' "$TOP/filters/extract-amounts.1" \
    >"$d/codes.man"
check "amounts man page currency table" cmp -s "$d/codes.prog" "$d/codes.man"
