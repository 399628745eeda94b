# tests/extract-dates/ahead.sh - extract-dates reading ahead on a second
# thread (lib/readahead: the lines cut into tokens there, parsed here)
# writes what it writes alone: from the first line (WINNOW_READAHEAD=0),
# after 1 MiB (the default) or never, with any read size; on a document
# of several MiB with datelines (whose lines are tokenized again past the
# dateline), form-feed document separators, lines of more than 96 tokens
# (the window slides), a line longer than AHEAD_LINE_MAX (64 KiB: read
# through a window on the main thread) and one longer than the readahead
# copy limit (1 MiB: lent, not copied).
. "$TOP/tests/lib.sh"
d=$T/dates-ahead
mkdir -p "$d"
f=extract-dates
awk '
	function para(i) {
		if (i % 7 == 0) return "WASHINGTON, March " (i % 28 + 1) " (Reuters) - The talks ended on Tuesday."
		if (i % 7 == 1) return "The company said on Monday it would cut 2,024 jobs by the end of next year, two days after the vote of Feb. 3."
		if (i % 7 == 2) return "Officials will meet again from 9 a.m. to 5 p.m. on Thursday, and the report is due in the third quarter of 2026."
		if (i % 7 == 3) return "She flew a Boeing 737 on Route 66 at 7:30 pm, then at 8:15, three weeks ago; the score was 3-2."
		if (i % 7 == 4) { s = ""; for (k = 0; k < 40; k++) s = s "On May " (k % 30 + 1) ", 2024, and " (k + 3) " days later, "; return s "it ended." }
		if (i % 7 == 5) return "\f"
		return "Nothing here but words and more words, then the 1990s and last week."
	}
	BEGIN {
		for (i = 0; i < 9000; i++) print para(i)
		for (k = 0; k < 4000; k++) printf "Between 2019 and 2022, on Friday %d, ", k
		print ""
		for (k = 0; k < 60000; k++) printf "On Jan. 5 at noon, "
		print ""
		for (i = 0; i < 3000; i++) print para(i)
	}' >"$d/input"
WINNOW_READAHEAD=off $f -n --ref=2025-03-10 "$d/input" >"$d/ref" 2>&1
check "$f ahead input: runs clean" test "$(wc -l <"$d/ref")" -gt 40000
for ra in 0 1048576 ""; do
	for bs in 4096 ""; do
		WINNOW_READAHEAD=$ra WINNOW_BUFSIZE=$bs $f -n --ref=2025-03-10 "$d/input" >"$d/out" 2>&1
		check "$f same output with WINNOW_READAHEAD=${ra:-default} WINNOW_BUFSIZE=${bs:-default}" cmp -s "$d/ref" "$d/out"
	done
done
WINNOW_READAHEAD=0 WINNOW_BUFSIZE=61 $f -n --ref=2025-03-10 "$d/input" >"$d/out" 2>&1
check "$f same output with WINNOW_READAHEAD=0 WINNOW_BUFSIZE=61" cmp -s "$d/ref" "$d/out"
for opts in "--format=jsonl" "--each-line --format=tsv" "--highlight" "-q"; do
	WINNOW_READAHEAD=off $f $opts "$d/input" >"$d/ref2" 2>&1
	echo "rc=$?" >>"$d/ref2"
	WINNOW_READAHEAD=0 $f $opts "$d/input" >"$d/out" 2>&1
	echo "rc=$?" >>"$d/out"
	check "$f $opts: same output reading ahead" cmp -s "$d/ref2" "$d/out"
done
