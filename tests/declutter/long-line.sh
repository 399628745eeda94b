# tests/declutter/long-line.sh - a line longer than the window copies (1 MiB)
# is decided at once and written from the reader's buffer: it comes out
# whole, the lines around it keep their verdicts, and memory stays near the
# size of that one line.
. "$TOP/tests/lib.sh"
d=$T/declutter-long
mkdir -p "$d"
p="The harbour works will take another year, officials said on Tuesday, and the ferry will keep using the old pier until the new terminal is ready for passengers."
{
	echo "$p"
	echo "Advertisement"
	awk 'BEGIN { for (i = 0; i < 60000; i++) printf "the quay is long and "; print "." }'
	echo "Share"
	echo "Residents said they were relieved: $p"
} >"$d/in"
declutter --explain "$d/in" >"$d/out"
check "declutter long line: exit 0" test $? -eq 0
check "declutter long line: 5 verdicts" test "$(wc -l <"$d/out")" -eq 5
check "declutter long line: kept whole" \
    test "$(sed -n 3p "$d/out" | cut -f4- | wc -c)" -eq "$(sed -n 3p "$d/in" | wc -c)"
check "declutter long line: the ad around it is dropped" \
    test "$(cut -f1,2 "$d/out" | tr '\t\n' ' ,')" = "+ content,- ad,+ content,- share,+ content,"
# Many long lines: memory does not grow with the input.
if [ -n "${WINNOW_SANITIZED:-}" ]; then
	skip "declutter long lines: bounded memory" "not measured under sanitizers"
elif [ -x /usr/bin/time ]; then
	awk 'BEGIN { for (n = 0; n < 40; n++) { for (i = 0; i < 60000; i++)
		printf "the quay is long and "; print "." } }' >"$d/many"
	/usr/bin/time -f %M declutter "$d/many" 2>"$d/rss" >/dev/null
	rss=$(tail -1 "$d/rss")
	check "declutter long lines: bounded memory ($rss KiB for 50 MB)" \
	    test "$rss" -lt 60000
else
	skip "declutter long lines: bounded memory" "no /usr/bin/time"
fi
