# tests/dedupe-lines/shards.sh - scripts/dedupe-shards gives exactly the
# output of one dedupe-lines run over the whole corpus, sequentially and
# with GNU parallel.
. "$TOP/tests/lib.sh"
d=$T/dedupe-shards
rm -rf "$d"
mkdir -p "$d/corpus"
# Ten files whose lines repeat within and across files, blank lines and
# case and spacing variants among them.
LC_ALL=C awk -v dir="$d/corpus" 'BEGIN {
	srand(11)
	n = split("Rates Rise|rates  rise|Bank|bank|Read more||Oil falls|" \
	    "“Quote” here|\"quote\" here|Москва|МОСКВА|x|y|z", w, "|")
	for (f = 0; f < 10; f++) {
		file = sprintf("%s/f%02d.txt", dir, f)
		for (i = 0; i < 400 + f * 30; i++)
			print w[1 + int(rand() * n)] " " int(rand() * 40) > file
		for (i = 0; i < 20; i++)
			print w[1 + int(rand() * n)] > file
		close(file)
	}
}'
set -- "$d"/corpus/f*.txt
if parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	have_parallel=1
else
	have_parallel=0
fi
export DEDUPE_LINES=dedupe-lines
for o in "" "-b" "-N" "-i -k 2"; do
	oo=
	for w in $o; do oo="$oo -O $w"; done
	dedupe-lines $o "$@" >"$d/one"
	for n in 1 3 10 25; do
		sh "$TOP/scripts/dedupe-shards" -s -n $n $oo "$@" >"$d/seq"
		check "dedupe-shards -s -n $n $oo = one run" cmp -s "$d/one" "$d/seq"
	done
	if [ $have_parallel = 1 ]; then
		sh "$TOP/scripts/dedupe-shards" -j 2 -n 4 $oo "$@" >"$d/par"
		check "dedupe-shards (GNU parallel) -n 4 $oo = one run" \
		    cmp -s "$d/one" "$d/par"
	else
		skip "dedupe-shards with GNU parallel $oo" "parallel is missing"
	fi
done
# The work folder keeps the seen sets when asked.
sh "$TOP/scripts/dedupe-shards" -s -n 2 -w "$d/work" "$@" >/dev/null
check "dedupe-shards -w keeps the seen sets" test -s "$d/work/1.seen"
sh "$TOP/scripts/dedupe-shards" -O -v "$@" >/dev/null 2>"$d/err"
check "dedupe-shards refuses -v" test $? -eq 2 -a -s "$d/err"
sh "$TOP/scripts/dedupe-shards" -s -n 2 "$@" "$d/missing" >/dev/null 2>"$d/err"
check "dedupe-shards: a missing file exits 2" test $? -eq 2
exit 0
