# tests/properties.sh - invariants over generated inputs.
#
# - every filter gives the same output whatever the read buffer size
#   (WINNOW_BUFSIZE=1, 7, 4096) and whatever the locale (C, C.UTF-8);
# - declutter: the kept and the dropped lines partition the input;
# - dedupe-lines: the output is the first occurrences, in order;
# - extractors: every reported span is the bytes at the reported line and
#   column.
. "$TOP/tests/lib.sh"
d=$T/properties
mkdir -p "$d"

# The input: every golden input of the suite, the sample article, and
# lines with invalid UTF-8 and CRLF, shuffled deterministically and
# repeated so that duplicates occur near and far.
{
	cat "$TOP"/tests/*/*.in "$TOP"/samples/*.txt 2>/dev/null
	printf 'caf\351 \377 bytes\r\n\342\200\234Half \200quote,\342\200\235 said Bo Li.\n'
	printf 'It rose 4%% to \342\202\254\377 3 billion.\r\n'
} | tr -d '\000' >"$d/base"
awk 'BEGIN { srand(7) } { l[NR] = $0 } END {
	for (r = 0; r < 3; r++) for (i = 1; i <= NR; i++) {
		j = int(rand() * NR) + 1; print l[j]; if (rand() < 0.3) print l[i]
	} }' "$d/base" >"$d/input"

is_extractor() { $1 --help 2>/dev/null | grep -q -- '--format'; }

for f in $(filters); do
	opts=
	is_extractor $f && opts=--format=jsonl
	$f $opts "$d/input" >"$d/ref" 2>"$d/err"
	check "$f property input runs clean" test $? -eq 0 -a ! -s "$d/err"
	for bs in 1 7 4096; do
		WINNOW_BUFSIZE=$bs $f $opts "$d/input" >"$d/out" 2>&1
		check "$f same output with WINNOW_BUFSIZE=$bs" cmp -s "$d/ref" "$d/out"
	done
	# extract-quotes scans and tokenizes ahead on a second thread
	# (after 1 MiB; WINNOW_READAHEAD=0: from the first line)
	for bs in 1 7 4096 65536; do
		WINNOW_READAHEAD=0 WINNOW_BUFSIZE=$bs $f $opts "$d/input" >"$d/out" 2>&1
		check "$f same output reading ahead, WINNOW_BUFSIZE=$bs" cmp -s "$d/ref" "$d/out"
	done
	for loc in C C.UTF-8 POSIX; do
		LC_ALL=$loc $f $opts "$d/input" >"$d/out" 2>&1
		check "$f same output under LC_ALL=$loc" cmp -s "$d/ref" "$d/out"
	done
	$f $opts "$d/input" >"$d/out" 2>&1
	check "$f same output on a second run" cmp -s "$d/ref" "$d/out"

	case $f in
	declutter)
		$f -v "$d/input" >"$d/dropped"
		# The document separators (form-feed lines) go to both.
		check "declutter: kept + dropped = input" python3 -c 'import sys
sep = lambda l: l in (b"\f", b"\f\r")
r = lambda p: open(p, "rb").read().split(b"\n")[:-1]
inp, kept, dropped = map(r, sys.argv[1:4])
assert [l for l in kept if sep(l)] == [l for l in inp if sep(l)]
assert [l for l in dropped if sep(l)] == [l for l in inp if sep(l)]
assert sorted(l for l in inp if not sep(l)) == sorted(l for l in kept + dropped if not sep(l))' "$d/input" "$d/ref" "$d/dropped"
		;;
	dedupe-lines)
		# A document separator (a form-feed line) is never a repeat.
		LC_ALL=C awk '/^\f\r?$/ || !seen[$0]++' "$d/input" >"$d/awk"
		$f -b "$d/input" >"$d/out"
		check "dedupe-lines -b equals awk !seen[\$0]++" cmp -s "$d/awk" "$d/out"
		;;
	extract-*)
		check "$f spans are the bytes at line:col" python3 -c 'import json, sys
# Line numbers count from 1 in each document: a form-feed line
# (the document separator) starts the next.  A record must match at its
# line and column in one of the documents.
docs, doc = [], []
for l in open(sys.argv[1], "rb").read().split(b"\n"):
    if l in (b"\f", b"\f\r"):
        docs.append(doc)
        doc = []
    else:
        doc.append(l)
docs.append(doc)
def at(rec):
    for doc in docs:
        if rec["line"] <= len(doc):
            yield doc[rec["line"] - 1][rec["col"] - 1:].decode("utf-8", "replace")
n = 0
for rec in map(json.loads, open(sys.argv[2], encoding="utf-8")):
    span = rec.get("text", rec.get("quote"))
    if span is None: continue
    if "text" in rec:
        assert any(got.startswith(span) for got in at(rec)), rec
    else:
        # a quote: the opening mark is at col, the quotation follows
        assert any(span.split()[0][:8] in got[:400] for got in at(rec)), rec
    n += 1
print(n, "records checked")' "$d/input" "$d/ref"
		;;
	esac
done

# extract-quotes on a document of several MiB: the same output whether it
# reads ahead on a second thread from the first line, after 1 MiB (the
# default) or never; with paragraphs held across batches, quotations open
# across paragraphs, and a 2 MiB paragraph lent to the main thread rather
# than copied.
f=extract-quotes
awk -v big=2100000 '
	function para(i) {
		if (i % 5 == 0) return "The ministry declined to comment on Friday."
		if (i % 5 == 1) return "\342\200\234We will not back down from this fight,\342\200\235 said Maria Lopez, the union leader " i ". She added that talks would go on."
		if (i % 5 == 2) return "\342\200\234A quotation that opens here and goes on"
		if (i % 5 == 3) return "\342\200\234into the next paragraph,\342\200\235 she said."
		return "Lopez, who has led the union since 2019, told reporters \042it is not over\042 and left."
	}
	BEGIN {
		for (i = 0; i < 40000; i++) { print para(i); if (i % 3 == 0) print "" }
		s = "Officials met again. \342\200\234This is one more quotation,\342\200\235 John Smith said. "
		while (length(s) < big) s = s s
		print s
		print "\342\200\234And one left open into the long one"
		print "\342\200\234" s
		for (i = 0; i < 2000; i++) print para(i)
	}' >"$d/ahead-input"
WINNOW_READAHEAD=off $f --format=jsonl "$d/ahead-input" >"$d/ahead-ref" 2>&1
check "$f ahead input: runs clean" test "$(grep -c '^{' "$d/ahead-ref")" -gt 40000
for ra in 0 1048576 ""; do
	for bs in 7 4096 ""; do
		WINNOW_READAHEAD=$ra WINNOW_BUFSIZE=$bs $f --format=jsonl "$d/ahead-input" >"$d/out" 2>&1
		check "$f same output with WINNOW_READAHEAD=${ra:-default} WINNOW_BUFSIZE=${bs:-default}" cmp -s "$d/ahead-ref" "$d/out"
	done
done
