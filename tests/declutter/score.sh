# tests/declutter/score.sh - the labelled pages (tests/declutter/pages):
# line-level F1 of declutter must stay at 0.97 or above, and no line that
# declutter got right in the committed per-line baseline
# (tests/declutter/pages.baseline) may now be wrong.  After a change that
# makes lines right, write the baseline again:
#   scripts/score-declutter --baseline tests/declutter/pages.baseline --write-baseline
. "$TOP/tests/lib.sh"
if ! command -v python3 >/dev/null 2>&1; then
	skip "declutter labelled pages F1 >= 0.97" "no python3"
	exit 0
fi
if [ ! -d "$TOP/tests/declutter/pages" ]; then
	skip "declutter labelled pages F1 >= 0.97" "no pages"
	exit 0
fi
d=$T/declutter-score
mkdir -p "$d"
python3 "$TOP/scripts/score-declutter" --bin "$WINNOW_BIN" --min-f1 0.97 \
    "$TOP/tests/declutter/pages" >"$d/out" 2>"$d/err"
rc=$?
f1=$(sed -n 's/^line .*F1 //p' "$d/out")
check "declutter labelled pages F1 >= 0.97 (F1 $f1)" test $rc -eq 0
python3 "$TOP/scripts/score-declutter" --bin "$WINNOW_BIN" \
    --baseline "$TOP/tests/declutter/pages.baseline" \
    "$TOP/tests/declutter/pages" >"$d/base" 2>&1
rc=$?
grep '^REGRESSION:' "$d/base" | head -20
check "declutter labelled pages: no line that passed now fails ($(sed -n 's/^baseline: //p' "$d/base"))" \
    test $rc -eq 0
