# tests/split-sentences/properties.sh - what split-sentences promises,
# checked over every golden input, the labelled cases and the samples:
# - each paragraph's bytes come out unchanged and in order, only white
#   space between sentences left out: nothing added, dropped or rewritten;
# - a record's text is the bytes at its line and column, and at its offset
#   in the file;
# - the text output's sentences are the records' texts, in order.
# (Document separators, which restart line numbers, are left out here;
# 900-document-separator tests them.)
. "$TOP/tests/lib.sh"
d=$T/sentences-properties
mkdir -p "$d"
if ! command -v python3 >/dev/null 2>&1; then
	skip "sentences properties" "no python3"
	exit 0
fi
{
	cat "$TOP"/tests/*/*.in "$TOP"/samples/*.txt 2>/dev/null
	sed -e '/^#/d' -e 's/^<//' "$TOP"/tests/split-sentences/labelled/*.cases
	printf 'caf\351 \377 bytes. Next\r\n\342\200\234Half \200quote.\342\200\235 Said Bo Li.\n'
} | LC_ALL=C grep -a -v "$(printf '^\f\r*$')" >"$d/input"
split-sentences "$d/input" >"$d/text" 2>"$d/err"
check "sentences properties: runs clean" test $? -eq 0 -a ! -s "$d/err"
split-sentences --format=jsonl "$d/input" >"$d/jsonl" 2>"$d/err"
check "sentences properties: jsonl runs clean" test $? -eq 0 -a ! -s "$d/err"
check "sentences properties: words kept, records at their place" python3 - "$d/input" "$d/jsonl" "$d/text" <<'PY'
import collections, json, re, sys
# JSON has one U+FFFD per bad byte, Python's decoder one per bad sequence
f = lambda s: re.sub("\ufffd+", "\ufffd", s)
raw = open(sys.argv[1], "rb").read()
lines = raw.split(b"\n")
recs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
text = [l for l in open(sys.argv[3], "rb").read().split(b"\n") if l.strip()]
by_line = collections.defaultdict(list)
starts, off = [], 0
for l in lines:
    starts.append(off)
    off += len(l) + 1
for r in recs:
    by_line[r["line"]].append(r)
    line = lines[r["line"] - 1]
    if line.endswith(b"\r"):
        line = line[:-1]
    got = f(line[r["col"] - 1:].decode("utf-8", "replace"))
    assert got.startswith(f(r["text"])), (r, got[:60])
    assert starts[r["line"] - 1] + r["col"] - 1 == r["offset"], r
for n, l in enumerate(lines, 1):
    if l.endswith(b"\r"):
        l = l[:-1]
    # a sentence glued to the next ("finished.Harbour") is cut without
    # white space to trim: compare the bytes without white space
    want = f("".join(l.decode("utf-8", "replace").split()))
    got = f("".join("".join(r["text"] for r in by_line.get(n, [])).split()))
    assert want == got, (n, want[:60], got[:60])
    for r in by_line.get(n, []):
        assert r["text"] == r["text"].strip() and r["text"], r
# text output: the same sentences (bytes; JSON turned bad bytes to U+FFFD)
t = [f(s.rstrip(b"\r").decode("utf-8", "replace")) for s in text]
assert t == [f(r["text"]) for r in recs], "text and jsonl differ"
print(len(recs), "sentences checked")
PY

# A line longer than a piece (WINNOW_PIECE bytes; 1 MiB by default) is
# split through a sliding window: the output must not change, whatever
# the piece size and the read size.  The paragraphs are also joined into
# long lines here, so that sentences cross pieces.  (Without "\r": the
# sentences of a long "\r\n" line that end before its last piece end as
# the line before did, see split-sentences(1).)
{
	cat "$d/input"
	tr '\n' ' ' <"$d/input"
	printf '\n'
	tr '\n' ' ' <"$d/input" | cut -c 1-30000
	printf '\n'
} | tr -d '\r' >"$d/long"
for fmt in text jsonl; do
	split-sentences --format=$fmt "$d/long" >"$d/ref.$fmt" 2>&1
	for ps in 1 7 100 4096 70000; do
		for bs in 1 4096; do
			WINNOW_PIECE=$ps WINNOW_BUFSIZE=$bs split-sentences --format=$fmt "$d/long" >"$d/out" 2>&1
			check "sentences same $fmt output with WINNOW_PIECE=$ps WINNOW_BUFSIZE=$bs" cmp -s "$d/ref.$fmt" "$d/out"
		done
	done
done
