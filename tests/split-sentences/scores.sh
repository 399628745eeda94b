# tests/split-sentences/scores.sh - split-sentences against its labelled
# news cases (no case that passed in the committed baseline may fail) and
# against the shared development set when ../shared is there (bars at the
# level reached: accuracy 0.955 overall, 1.000 on the Golden Rules).
. "$TOP/tests/lib.sh"
d=$T/sentences-scores
mkdir -p "$d"
shared=$TOP/../shared/eval/sentences

if ! command -v python3 >/dev/null 2>&1; then
	skip "sentences labelled cases" "no python3"
	skip "sentences dev set" "no python3"
	exit 0
fi

# The wrappers in $T/wrap run the filter under $WRAP (valgrind ...).
python3 "$TOP/scripts/score-split-sentences" --bin "$T/wrap" \
    --baseline "$TOP/tests/split-sentences/baseline.txt" >"$d/labelled" 2>&1
rc=$?
if [ $rc -eq 0 ]; then
	ok "sentences labelled cases: no regression ($(tail -n 1 "$d/labelled" | tr -s ' '))"
else
	bad "sentences labelled cases" "$(grep -E 'REGRESSION|exited' "$d/labelled" | head -5)"
fi

if [ ! -f "$shared/score.py" ]; then
	skip "sentences dev set" "no ../shared"
	exit 0
fi
python3 "$shared/score.py" --jsonl --json "$d/dev.json" -- \
    python3 "$TOP/scripts/score-split-sentences" --adapter --bin "$T/wrap" \
    >"$d/dev" 2>&1
check "sentences dev set accuracy >= 0.955, golden 1.000" python3 - "$d/dev.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
acc, golden = s["ALL"]["accuracy"], s["golden"]["accuracy"]
print("dev accuracy %.4f, golden %.4f" % (acc, golden))
sys.exit(not (acc >= 0.955 and golden >= 1.0))
PY
