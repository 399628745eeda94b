# tests/dedupe-lines/long.sh - exact keys stream lines of any length: a
# line of a gigabyte or more comes in pieces, is hashed as it streams and
# waits in a temporary file.  WINNOW_PIECE lowers
# the threshold from 1 GiB so that ordinary lines reach it.
. "$TOP/tests/lib.sh"
d=$T/dedupe-long
rm -rf "$d"
mkdir -p "$d"
# Lines of 0 to 400 bytes over a three-letter alphabet (so that long ones
# repeat), some CRLF, a blank run of 500 spaces twice, a long line ending
# in a form feed (no separator), and a last long line without "\n".
awk 'BEGIN {
	srand(7)
	for (r = 0; r < 2; r++) {
		srand(7)
		for (i = 0; i < 300; i++) {
			n = int(rand() * 400); s = ""
			for (j = 0; j < n; j++) s = s substr("abc", 1 + int(rand() * 3), 1)
			if (i % 4 == 0) s = substr(s, 1, 30)
			printf "%s%s\n", s, (i % 7 == 0 ? "\r" : "")
		}
		s = ""; for (j = 0; j < 500; j++) s = s " "; print s
		s = ""; for (j = 0; j < 300; j++) s = s "x"; printf "%s\f\n", s
	}
	s = ""; for (j = 0; j < 300; j++) s = s "z"; printf "%s", s
}' >"$d/in"
LC_ALL=C awk '!seen[$0]++' "$d/in" >"$d/awk"
dedupe-lines -b "$d/in" >"$d/whole" 2>"$d/err"
check "long lines: whole lines equal awk" cmp -s "$d/awk" "$d/whole"
WINNOW_PIECE=64 dedupe-lines -b "$d/in" >"$d/out" 2>"$d/err"
check "long lines in pieces: equal awk" test $? -eq 0 -a ! -s "$d/err" && cmp -s "$d/awk" "$d/out"
WINNOW_PIECE=64 WINNOW_BUFSIZE=7 dedupe-lines -b <"$d/in" >"$d/out" 2>"$d/err"
check "long lines in pieces, 7-byte reads from a pipe: equal awk" cmp -s "$d/awk" "$d/out"
WINNOW_PIECE=64 WINNOW_BUFSIZE=300 dedupe-lines -b <"$d/in" >"$d/out" 2>"$d/err"
check "long lines, some whole, some in pieces: equal awk" cmp -s "$d/awk" "$d/out"
dedupe-lines "$d/in" >"$d/want"
WINNOW_PIECE=64 dedupe-lines "$d/in" >"$d/out"
check "long lines: blank ones always pass" cmp -s "$d/want" "$d/out"
check "long lines: the 500-space line passes twice" test "$(grep -c '^ \{500\}$' "$d/out")" -eq 2
dedupe-lines -v "$d/in" >"$d/want"
WINNOW_PIECE=64 dedupe-lines -v "$d/in" >"$d/out"
check "long lines: -v" cmp -s "$d/want" "$d/out"
check "long lines: the form feed line is no separator" test "$(grep -c "$(printf '\f')" "$d/out")" -eq 1
# --seen: runs with the same threshold dedupe together.
rm -f "$d/s"
head -n 150 "$d/in" | WINNOW_PIECE=64 dedupe-lines -b --seen="$d/s" >"$d/o1"
tail -n +151 "$d/in" | WINNOW_PIECE=64 dedupe-lines -b --seen="$d/s" >"$d/o2"
cat "$d/o1" "$d/o2" >"$d/out"
check "long lines: --seen across runs equals awk" cmp -s "$d/awk" "$d/out"
# Memory: a 64 MB line in 1 MiB pieces holds a few MiB, not the line.
if [ -n "${WINNOW_SANITIZED:-}" ] || [ ! -x /usr/bin/time ]; then
	skip "long lines: bounded memory" "sanitized run or no GNU time"
else
	{ head -c 64000000 /dev/zero | tr '\0' 'q'; echo; head -c 64000000 /dev/zero | tr '\0' 'q'; echo; echo end; } >"$d/big"
	WINNOW_PIECE=1048576 /usr/bin/time -f '%M' -o "$d/rss" dedupe-lines "$d/big" >"$d/out" 2>"$d/err"
	rc=$?
	kb=$(tail -n 1 "$d/rss")
	check "long lines: a 64 MB line twice, exit 0" test $rc -eq 0
	check "long lines: written once" test "$(wc -c <"$d/out")" -eq $((64000000 + 1 + 4))
	check "long lines: peak RSS ${kb} KiB under 16 MiB" test "$kb" -lt 16384
	rm -f "$d/big"
fi
