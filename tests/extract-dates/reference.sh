# tests/extract-dates/reference.sh - extract-dates against its references:
# the project's labelled news sentences (every case that passed when the
# baseline was written must still pass, and F1 >= 0.93), the shared dev
# set when ../shared is there (F1 at the level reached), a line longer
# than the read buffer, output independent of read sizes, and the
# form-feed document separator starting a new anchor.
. "$TOP/tests/lib.sh"
d=$T/dates-ref
mkdir -p "$d"
shared=$TOP/../shared
DEV_BAR=0.850

if ! command -v python3 >/dev/null 2>&1; then
	skip "dates labelled" "no python3"
else
	labelled() {
		python3 "$TOP/scripts/score-dates" --cmd extract-dates \
		    --baseline "$TOP/tests/extract-dates/baseline.txt" \
		    --min-f1 0.93 >"$d/labelled.txt" 2>&1
	}
	check "dates labelled baseline and F1 >= 0.93" labelled
fi

if [ ! -f "$shared/eval/dates/score.py" ] || ! command -v python3 >/dev/null 2>&1; then
	skip "dates dev set F1 >= $DEV_BAR" "no ../shared or no python3"
else
	python3 "$shared/eval/dates/score.py" -j 2 --json "$d/dev.json" -- \
	    extract-dates --format=jsonl --each-line >"$d/dev.txt" 2>&1
	check "dates dev set F1 >= $DEV_BAR" python3 -c '
import json, sys
f = json.load(open(sys.argv[1]))["sources"]["OVERALL"]["F1"]
sys.exit(not f >= float(sys.argv[2]))' "$d/dev.json" "$DEV_BAR"
fi

# A line longer than the read buffer, the date at its end.
awk 'BEGIN { s = "x"; while (length(s) < 70000) s = s s; printf "%s on March 3, 2021.\n", s }' \
    >"$d/long.txt"
extract-dates --format=tsv "$d/long.txt" | cut -f 3,5 | tail -n 1 >"$d/long.out"
col=$(awk 'BEGIN { s = "x"; while (length(s) < 70000) s = s s; print length(s) + 5 }')
check "dates long line" test "$(cat "$d/long.out")" = "$col	2021-03-03"

# Expressions joined two by two (compose.c) stay linear on one long line
# of them: each pair is looked at once, and a joined expression is short
# (a chain of "Friday (June 14) Friday (June 14) ..." took minutes).
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "Friday (June 14) "; print ""
    for (i = 0; i < 100000; i++) printf "between 3 and 9am on Monday, from 9:30 to 3 on May 2 "; print "" }' \
    >"$d/chain.txt"
check "dates long line of joined expressions" sh -c \
    'timeout 60 extract-dates --ref=2024-01-01 "$1" | wc -l | grep -qx 300000' \
    - "$d/chain.txt"

# The same output whatever read() returns: a 7-byte buffer.
cat "$TOP"/tests/extract-dates/0*.in >"$d/all.in"
extract-dates --format=jsonl --ref=2025-03-10 <"$d/all.in" >"$d/big.out"
WINNOW_BUFSIZE=7 extract-dates --format=jsonl --ref=2025-03-10 <"$d/all.in" >"$d/small.out"
check "dates output independent of read size" cmp -s "$d/big.out" "$d/small.out"

# A form-feed line ends a document: the dateline's anchor ends with it.
printf 'CAIRO, Jan. 5 (Reuters) - It rained yesterday.\n\f\nIt rained yesterday.\n' |
    extract-dates --format=tsv --ref=2025-06-01 | cut -f 2,5 >"$d/ff.out"
printf 'line\tvalue\n1\t2025-01-05\n1\t2025-01-04\n1\t2025-05-31\n' >"$d/ff.want"
check "dates form feed starts a new anchor" cmp -s "$d/ff.out" "$d/ff.want"
