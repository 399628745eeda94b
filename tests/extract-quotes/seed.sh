# tests/extract-quotes/seed.sh - the reference article's nine quotations,
# with their speakers, verbs and kinds (../shared/samples, when present).
. "$TOP/tests/lib.sh"
s=$TOP/../shared/samples
if [ ! -f "$s/seed-article.txt" ] || [ ! -f "$s/seed-article.quotes.jsonl" ]; then
	skip "extract-quotes seed article" "no ../shared/samples"
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	skip "extract-quotes seed article" "no python3"
	exit 0
fi
extract-quotes --format=jsonl "$s/seed-article.txt" >"$T/seed-quotes.jsonl"
python3 - "$s/seed-article.quotes.jsonl" "$T/seed-quotes.jsonl" <<'PY'
import json, sys
want = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
got = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
for w in want:
    key = w["quote"].strip(" ,.")
    m = [g for g in got if g["line"] == w["line"] and key in g["quote"]]
    name = "extract-quotes seed line %d: %s" % (w["line"], key[:30])
    if not m:
        print("FAIL: %s: not found" % name)
    elif (m[0]["speaker"], m[0]["verb"], m[0]["kind"]) != \
            (w["speaker"], w["verb"], w["kind"]):
        print("FAIL: %s: got %r" % (name,
              (m[0]["speaker"], m[0]["verb"], m[0]["kind"])))
    else:
        print("PASS: %s" % name)
print(("PASS" if len(got) == len(want) else "FAIL") +
      ": extract-quotes seed article: %d quotations, %d expected" %
      (len(got), len(want)))
PY
