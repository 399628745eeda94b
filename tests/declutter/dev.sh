# tests/declutter/dev.sh - the shared development pages of real news sites
# (../shared/eval/declutter, 95 pages in 8 languages): declutter's
# 4-token-shingle F1 (the benchmark's F1 of mean P and mean R) must stay at
# the level reached, and its mean recall too.  The held-out half of the
# benchmark is scored elsewhere.  Without ../shared the test says SKIP.
. "$TOP/tests/lib.sh"
score=$TOP/../shared/eval/declutter/score.py
if [ ! -f "$score" ] || ! command -v python3 >/dev/null 2>&1; then
	skip "declutter dev pages F1 >= 0.938" "no ../shared/eval/declutter or python3"
	exit 0
fi
d=$T/declutter-dev
mkdir -p "$d"
python3 "$score" -- "$WINNOW_BIN/declutter" >"$d/out" 2>&1
line=$(grep 'shingle-4' "$d/out")
f1=$(printf '%s\n' "$line" | sed -n 's/.*F1(means) \([0-9.]*\).*/\1/p')
r=$(printf '%s\n' "$line" | sed -n 's/.* R \([0-9.]*\) .*/\1/p')
check "declutter dev pages F1 >= 0.938 (F1 $f1)" \
    awk -v f="${f1:-0}" 'BEGIN { exit !(f >= 0.938) }'
check "declutter dev pages mean recall >= 0.960 (R $r)" \
    awk -v r="${r:-0}" 'BEGIN { exit !(r >= 0.960) }'
