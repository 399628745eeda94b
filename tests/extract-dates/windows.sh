# tests/extract-dates/windows.sh - extract-dates writes the same whatever
# the read size, on a document of several MiB with datelines (whose lines
# are tokenized from the end of the dateline), form-feed document
# separators, lines of more than 96 tokens (the window of tokens slides
# along them), a line of more than 64 KiB and one of more than 1 MiB.
. "$TOP/tests/lib.sh"
d=$T/dates-windows
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
$f -n --ref=2025-03-10 "$d/input" >"$d/ref" 2>&1
check "$f windows input: runs clean" test "$(wc -l <"$d/ref")" -gt 40000
for bs in 1 61 4096 65536; do
	WINNOW_BUFSIZE=$bs $f -n --ref=2025-03-10 "$d/input" >"$d/out" 2>&1
	check "$f same output with WINNOW_BUFSIZE=$bs" cmp -s "$d/ref" "$d/out"
done
for opts in "--format=jsonl" "--each-line --format=tsv" "--highlight" "-q"; do
	$f $opts "$d/input" >"$d/ref2" 2>&1
	echo "rc=$?" >>"$d/ref2"
	WINNOW_BUFSIZE=61 $f $opts "$d/input" >"$d/out" 2>&1
	echo "rc=$?" >>"$d/out"
	check "$f $opts: same output with WINNOW_BUFSIZE=61" cmp -s "$d/ref2" "$d/out"
done
