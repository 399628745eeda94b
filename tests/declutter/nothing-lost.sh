# tests/declutter/nothing-lost.sh - declutter and declutter -v together give
# back every input line exactly once, in generated input that mixes prose,
# furniture, repeats, CRLF line ends, NUL bytes, invalid UTF-8, blank lines
# and a last line without a newline; --explain has one line per input line
# and agrees with both.
. "$TOP/tests/lib.sh"
d=$T/declutter-lost
mkdir -p "$d"
awk 'BEGIN {
	srand(7);
	split("Advertisement|Share|Sign in|or|Most viewed|Comments|By Ann Lee|" \
	    "Published May 2, 2026|Article content|Home|Subscribe now|" \
	    "Why it matters|Photo: Ann Lee/Example|02:31|Privacy Policy", f, "|");
	for (i = 0; i < 3000; i++) {
		r = int(rand() * 10);
		if (r < 4)
			s = "Officials said on Tuesday that the harbour works " \
			    "would take " i " more weeks to finish, and that the " \
			    "cost had risen again.";
		else if (r < 8)
			s = f[1 + int(rand() * 15)];
		else if (r == 8)
			s = "";
		else
			s = "A line with odd bytes \001 and more " i;
		if (i % 7 == 0)
			s = s "\r";
		print s;
	}
}' >"$d/in"
# Invalid UTF-8, a NUL and a last line without a newline.
printf 'Caf\303 \355\240\200 bad \377\376 bytes\nNUL\000inside\nno newline at the end' >>"$d/in"
declutter "$d/in" >"$d/kept"
rc1=$?
declutter -v "$d/in" >"$d/dropped"
rc2=$?
declutter --explain "$d/in" >"$d/explain"
rc3=$?
check "declutter nothing lost: exit 0" test $rc1 -eq 0 -a $rc2 -eq 0 -a $rc3 -eq 0
# --explain: one line per input line, TEXT is the input line.
n_in=$(awk 'END { print NR }' "$d/in")
check "declutter nothing lost: --explain has one line per line" \
    test "$(awk 'END { print NR }' "$d/explain")" -eq "$n_in"
cut -f4- "$d/explain" >"$d/texts"
printf '\n' >>"$d/in.nl"
cat "$d/in" "$d/in.nl" | awk 'NR <= '"$n_in" >"$d/in-lines"
check "declutter nothing lost: --explain TEXT is the line" \
    cmp -s "$d/texts" "$d/in-lines"
# Kept and dropped lines are the + and - lines of --explain, in order.
awk -F '\t' '$1 == "+"' "$d/explain" | cut -f4- >"$d/plus"
awk -F '\t' '$1 == "-"' "$d/explain" | cut -f4- >"$d/minus"
check "declutter nothing lost: kept lines are the + lines" \
    cmp -s "$d/kept" "$d/plus"
check "declutter nothing lost: -v lines are the - lines" \
    cmp -s "$d/dropped" "$d/minus"
# Together, exactly the input (as a multiset and in total size).
sort "$d/kept" "$d/dropped" >"$d/both"
sort "$d/in-lines" >"$d/all"
check "declutter nothing lost: kept + dropped = input" cmp -s "$d/both" "$d/all"
check "declutter nothing lost: some kept, some dropped" \
    test -s "$d/kept" -a -s "$d/dropped"
