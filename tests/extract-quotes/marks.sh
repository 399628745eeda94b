# tests/extract-quotes/marks.sh - any arrangement of quotation marks takes
# linear time and bounded memory (400,000 '"' on one line once took
# 30 s and 100 MB; "'a 'a 'a ..." rescanned the rest of the line at every
# mark).  Each line is about 400 KB; a run must end within the timeout
# (quadratic time takes minutes) and, outside sanitizer builds, within
# 48 MiB of peak memory.
. "$TOP/tests/lib.sh"
d=$T/extract-quotes-marks
mkdir -p "$d"
n=0
for pat in '"' "'" "'a " '"a ' '"" ' "a' " "''a " '“a ' '‘a ' 'a” ' '«a ' \
    '6’2” ' "5'11\" " "rock 'n' roll " "the students' union 'a "; do
	n=$((n + 1))
	awk -v p="$pat" 'BEGIN { s = p; while (length(s) < 400000) s = s s
		print s }' >"$d/in$n"
	name="extract-quotes marks $n: $(printf %s "$pat" | tr -c "a-z0-9 \"'" .)"
	if [ -n "${WINNOW_SANITIZED:-}" ] || [ ! -x /usr/bin/time ]; then
		if timeout 60 extract-quotes --format=jsonl "$d/in$n" >"$d/out$n" 2>"$d/err$n"; then
			ok "$name"
		else
			bad "$name" "exit $? (124: over 60 s)"
		fi
		continue
	fi
	if /usr/bin/time -f %M -o "$d/rss$n" timeout 10 \
	    extract-quotes --format=jsonl "$d/in$n" >"$d/out$n" 2>"$d/err$n"; then
		kb=$(tail -n 1 "$d/rss$n")
		if [ "$kb" -gt 49152 ]; then
			bad "$name" "peak RSS $kb KiB"
		else
			ok "$name"
		fi
	else
		bad "$name" "exit $? (124: over 10 s)"
	fi
done
