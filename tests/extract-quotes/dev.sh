# tests/extract-quotes/dev.sh - the shared development set (PolNeAR news
# texts, ../shared/eval/quotes/train.jsonl) scored by its own scorer, with
# bars at the level reached (quote F1 0.877, speaker accuracy 0.844,
# attributed F1 0.734 on 2026-12-07): SKIP without ../shared.
. "$TOP/tests/lib.sh"
ev=$TOP/../shared/eval/quotes
if [ ! -f "$ev/score.py" ] || [ ! -f "$ev/train.jsonl" ]; then
	skip "extract-quotes shared dev set" "no ../shared/eval/quotes"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	skip "extract-quotes shared dev set" "no python3"
	exit 0
fi
d=$T/extract-quotes-dev
mkdir -p "$d"
if ! python3 "$ev/score.py" --cmd "extract-quotes --format=jsonl" --plain \
    --json "$d/score.json" "$ev/train.jsonl" >"$d/score.txt" 2>&1; then
	bad "extract-quotes shared dev set" "score.py failed: $(tail -n 1 "$d/score.txt")"
	exit 0
fi
check "extract-quotes shared dev set: F1 >= 0.87, speaker >= 0.84, attributed F1 >= 0.73" \
    python3 -c '
import json, sys
a = json.load(open(sys.argv[1]))["ALL"]
sys.exit(not (a["f1"] >= 0.87 and a["speaker_acc"] >= 0.84 and
              a["attributed_f1"] >= 0.73))' "$d/score.json"
