# tests/unwrap/dev.sh - unwrap on real text: the shared development set
# (95 pages dumped at 80 columns by w3m and lynx, ../shared/eval/unwrap)
# keeps its line F1 (the level reached, see README); text that is not
# hard-wrapped (the shared declutter pages, samples/, the declutter test
# pages) comes out unchanged line for line (99.5% of lines or more); and
# the output does not depend on where read() splits the input.
. "$TOP/tests/lib.sh"
d=$T/unwrap-dev
mkdir -p "$d"
shared=$TOP/../shared
DEV_BAR=0.92

if ! command -v python3 >/dev/null 2>&1; then
	skip "unwrap dev set" "no python3"
	skip "unwrap leaves unwrapped text alone" "no python3"
	exit 0
fi

if [ ! -f "$shared/eval/unwrap/score.py" ]; then
	skip "unwrap dev set F1 >= $DEV_BAR" "no ../shared"
else
	python3 "$shared/eval/unwrap/score.py" -- unwrap >"$d/dev.txt" 2>&1
	f1=$(awk '$1 == "ALL" { print $5 }' "$d/dev.txt")
	check "unwrap dev set F1 >= $DEV_BAR (F1 $f1)" \
	    python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= float(sys.argv[2]))' \
	    "${f1:-0}" "$DEV_BAR"
fi

# Text with one block a line: the fraction of input lines that are also
# output lines (as a multiset).
set -- "$TOP"/samples/*.txt "$TOP"/tests/declutter/pages/*.txt
[ -d "$shared/eval/declutter/pages" ] && set -- "$@" "$shared"/eval/declutter/pages/*.txt
python3 - "$@" >"$d/unchanged.txt" <<'PY'
import collections, subprocess, sys
total = kept = 0
for f in sys.argv[1:]:
    inp = open(f, "rb").read().splitlines()
    out = subprocess.run(["unwrap", f], stdout=subprocess.PIPE,
                         check=True).stdout.splitlines()
    lost = collections.Counter(inp) - collections.Counter(out)
    total += len(inp)
    kept += len(inp) - sum(lost.values())
    if lost:
        print("changed: %s (%d lines)" % (f, sum(lost.values())))
print("%.4f %d" % (kept / total, total))
PY
share=$(tail -n 1 "$d/unchanged.txt" | cut -d' ' -f1)
check "unwrap leaves unwrapped text alone: $share of $(tail -n 1 "$d/unchanged.txt" | cut -d' ' -f2) lines >= 0.995" \
    python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= 0.995)' "${share:-0}"

# Through declutter: the 80-column dumps unwrapped score within 0.02 of
# the wide dumps (declutter's shingle F1, ../shared/eval/declutter).
if [ ! -f "$shared/eval/declutter/score.py" ] || [ ! -f "$shared/eval/unwrap/score.py" ]; then
	skip "unwrap | declutter within 0.02 of the wide dumps" "no ../shared"
elif ! command -v declutter >/dev/null 2>&1; then
	skip "unwrap | declutter within 0.02 of the wide dumps" "declutter not built"
else
	for t in w3m lynx; do
		mkdir -p "$d/$t.wide" "$d/$t.80"
		for f in "$shared"/eval/unwrap/pages/*."$t"80.txt; do
			id=$(basename "$f" ."$t"80.txt)
			declutter <"$shared/eval/unwrap/pages/$id.$t.txt" >"$d/$t.wide/$id.out.txt"
			unwrap <"$f" | declutter >"$d/$t.80/$id.out.txt"
		done
		for v in wide 80; do
			python3 "$shared/eval/declutter/score.py" --outputs "$d/$t.$v" \
			    --reuse --label "$t.$v" 2>/dev/null |
			    sed -n "/shingle/s/.*F1(means) \\([0-9.]*\\).*/\\1/p" >"$d/$t.$v.f1"
		done
		wide=$(cat "$d/$t.wide.f1") un=$(cat "$d/$t.80.f1")
		check "$t -dump | unwrap | declutter within 0.02 of the wide dump ($un vs $wide)" \
		    python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= float(sys.argv[2]) - 0.02)' \
		    "${un:-0}" "${wide:-1}"
	done
fi

# The same output whatever read() returns (a 7-byte buffer).
cat "$TOP"/tests/unwrap/0*.in >"$d/all.in"
unwrap <"$d/all.in" >"$d/big.out"
WINNOW_BUFSIZE=7 unwrap <"$d/all.in" >"$d/small.out"
check "unwrap output independent of read size" cmp -s "$d/big.out" "$d/small.out"
