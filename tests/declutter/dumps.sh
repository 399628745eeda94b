# tests/declutter/dumps.sh - the shared development pages of real news
# sites as text browsers print them on one wide line (w3m -dump -cols
# 100000, lynx -dump -nolist -width=1024: list bullets, indentation,
# link numbers, tables laid out as columns): declutter's 4-token-shingle
# F1 (the benchmark's F1 of mean P and mean R) on each must stay at the
# level reached.  scripts/score-declutter-dumps renders the pages (cached
# under build/declutter-dumps) and scores them.  The held-out half of the
# benchmark is scored elsewhere.  Without ../shared, python3, w3m or lynx
# the test says SKIP.
. "$TOP/tests/lib.sh"
d=$T/declutter-dumps
mkdir -p "$d"
for b in w3m lynx; do
	name="declutter dev pages as $b prints them F1 >= 0.933"
	sh "$TOP/scripts/score-declutter-dumps" --bin "$WINNOW_BIN" \
	    --browser $b >"$d/$b.out" 2>&1
	rc=$?
	if [ $rc -eq 3 ]; then
		skip "$name" "$(tail -n 1 "$d/$b.out")"
		continue
	fi
	f1=$(sed -n 's/.*shingle-4.*F1(means) \([0-9.]*\).*/\1/p' "$d/$b.out")
	check "$name (F1 ${f1:-none})" \
	    awk -v f="${f1:-0}" 'BEGIN { exit !(f >= 0.933) }'
done
