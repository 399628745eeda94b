# tests/declutter/seed.sh - a reference article from ../shared/samples: declutter
# keeps exactly the lines marked + in ../shared/samples/seed-article.marks,
# in order, and gives every dropped line the category marked there.  The
# article is third-party text and lives outside the project: without it the
# test says SKIP.
. "$TOP/tests/lib.sh"
dir=$TOP/../shared/samples
page=$dir/seed-article.txt
marks=$dir/seed-article.marks
if [ ! -r "$page" ] || [ ! -r "$marks" ]; then
	skip "declutter seed article" "no $dir/seed-article.txt"
	exit 0
fi
d=$T/declutter-seed
mkdir -p "$d"
# The verdicts as "N<TAB>+" or "N<TAB>-<TAB>CATEGORY", like the marks.
declutter --explain "$page" >"$d/explain"
check "declutter seed article: exit 0" test $? -eq 0
awk -F '\t' '{ if ($1 == "+") print NR "\t+"; else print NR "\t-\t" $2 }' \
    "$d/explain" >"$d/got"
grep -v '^#' "$marks" >"$d/want"
if cmp -s "$d/want" "$d/got"; then
	ok "declutter seed article: verdicts and categories"
else
	bad "declutter seed article: verdicts and categories" \
	    "$(diff "$d/want" "$d/got" | head -5 | tr '\n' ' ')"
fi
# The kept lines are the marked lines, byte for byte and in order.
awk -F '\t' '$2 == "+" { print $1 }' "$d/want" >"$d/keep"
awk 'NR == FNR { k[$1] = 1; next } k[FNR]' "$d/keep" "$page" >"$d/want-out"
declutter "$page" >"$d/out"
check "declutter seed article: the 25 lines, as they are" \
    cmp -s "$d/want-out" "$d/out"
check "declutter seed article: 25 lines kept" \
    test "$(wc -l <"$d/out")" -eq 25
