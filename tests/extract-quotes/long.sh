# tests/extract-quotes/long.sh - a paragraph longer than 1 MiB is read in
# windows: every quotation is still found and attributed.
. "$TOP/tests/lib.sh"
d=$T/extract-quotes-long
mkdir -p "$d"
awk 'BEGIN { for (i = 0; i < 30000; i++)
	printf "Rosa Kim said: \"Line %d of the test is here.\" Then more text follows. ", i
	printf "\n" }' >"$d/in"
extract-quotes --format=tsv "$d/in" >"$d/out"
n=$(grep -c '	Rosa Kim	' "$d/out")
check "extract-quotes long paragraph: 30000 attributed quotations" \
    test "$n" -eq 30000
check "extract-quotes long paragraph: the last one" \
    grep -q '	Line 29999 of the test is here.	Rosa Kim	' "$d/out"
