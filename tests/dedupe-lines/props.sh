# tests/dedupe-lines/props.sh - properties of dedupe-lines on generated
# corpora (made here, small, a few MB): byte equality with
# `LC_ALL=C awk '!seen[$0]++'`, independence from the read buffer size,
# and output that is a subsequence of the input with unique keys.
. "$TOP/tests/lib.sh"
d=$T/dedupe-props
mkdir -p "$d"

# Corpus 1: news-like lines from a small vocabulary, so that many repeat,
# with CRLF endings, invalid UTF-8 bytes, blank lines and no final newline.
LC_ALL=C awk 'BEGIN {
	srand(7)
	n = split("the a said bank rates “quoted” café Straße \377 \303 \r x " \
	    "y z 2024 $5bn per cent — ΟΔΟΣ Москва \t", w, " ")
	for (i = 0; i < 60000; i++) {
		k = int(rand() * 9)
		s = ""
		for (j = 0; j < k; j++)
			s = s (j ? " " : "") w[1 + int(rand() * n)]
		if (rand() < 0.2)
			s = s "\r"
		printf "%s\n", s
	}
	printf "tail without newline"
}' >"$d/c1"
# Corpus 2: random bytes without NUL, cut into lines, with repeats.
head -c 400000 /dev/urandom | tr -d '\000' >"$d/rand"
{ cat "$d/rand"; head -c 100000 "$d/rand"; cat "$d/rand"; } >"$d/c2"
# Corpus 3: the two together, CRLF everywhere.
sed 's/$/\r/' "$d/c1" | cat - "$d/c2" >"$d/c3"

for c in c1 c2 c3; do
	# A line holding only a form feed (the document separator; random
	# bytes make one now and then) is never a repeat.
	LC_ALL=C awk '/^\f\r?$/ || !seen[$0]++' "$d/$c" >"$d/$c.awk"
	dedupe-lines -b "$d/$c" >"$d/$c.out"
	check "dedupe-lines -b = awk !seen[\$0]++ ($c)" cmp -s "$d/$c.awk" "$d/$c.out"
	dedupe-lines -b <"$d/$c" >"$d/$c.stdin"
	check "dedupe-lines -b on stdin = on a file ($c)" \
	    cmp -s "$d/$c.out" "$d/$c.stdin"
	for bs in 1 7 4096; do
		WINNOW_BUFSIZE=$bs dedupe-lines -b "$d/$c" >"$d/$c.bs"
		check "dedupe-lines -b, WINNOW_BUFSIZE=$bs ($c)" \
		    cmp -s "$d/$c.out" "$d/$c.bs"
	done
done

# Normalised and field keys: the same answer with tiny buffers too.
for o in -N -i "-S -P" "-k 2" "-t x -k 1,3" "-e [a-z]+" -c -u -d -a "--near"; do
	dedupe-lines $o "$d/c1" >"$d/n.out" 2>&1
	WINNOW_BUFSIZE=7 dedupe-lines $o "$d/c1" >"$d/n.bs" 2>&1
	check "dedupe-lines $o, WINNOW_BUFSIZE=7" cmp -s "$d/n.out" "$d/n.bs"
done

# The output is a subsequence of the input, and no two written lines
# share a key.
for o in "" -i -S -N "-k 2"; do
	dedupe-lines -b $o "$d/c1" >"$d/s.out"
	LC_ALL=C awk '
	NR == FNR { out[++n] = $0; next }
	i < n && $0 == out[i + 1] { i++ }
	END { exit !(i == n) }' "$d/s.out" "$d/c1"
	check "dedupe-lines -b $o writes a subsequence of its input" test $? -eq 0
	# Feeding the output back changes nothing: its keys are unique.
	dedupe-lines -b $o "$d/s.out" >"$d/s.again"
	check "dedupe-lines -b $o output has unique keys" cmp -s "$d/s.out" "$d/s.again"
done

# -v writes exactly the lines the plain run drops.
dedupe-lines "$d/c1" >"$d/keep"
dedupe-lines -v "$d/c1" >"$d/drop"
a=$(cat "$d/keep" "$d/drop" | wc -l)
b=$(wc -l <"$d/c1")
check "dedupe-lines and -v together hold every line" test "$a" -eq $((b + 1))

# A line longer than the 64 KiB read buffer.
head -c 300000 /dev/zero | tr '\0' 'q' >"$d/long1"
{ cat "$d/long1"; echo; echo short; cat "$d/long1"; echo; } >"$d/long"
{ cat "$d/long1"; echo; echo short; } >"$d/long.want"
dedupe-lines "$d/long" >"$d/long.out"
check "dedupe-lines: a line longer than 64 KiB" cmp -s "$d/long.want" "$d/long.out"
exit 0
