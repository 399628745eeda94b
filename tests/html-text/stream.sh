# tests/html-text/stream.sh - html-text's output does not depend on where
# read(2) cuts the input: every state of the tokenizer, the decoder (a
# UTF-8 or Shift_JIS character cut in two), the separator reader and the
# <pre> newline survive the end of a chunk.  Every golden input and a
# sample of the labelled pages, with and without --main, read 1, 2, 3 and
# 7 bytes at a time, against the output of 64 KiB reads.
. "$TOP/tests/lib.sh"
d=$T/html-text-stream
mkdir -p "$d"
set -- "$TOP"/tests/html-text/*.in
pages=$(ls "$TOP"/tests/html-text/pages/*.html | awk 'NR % 25 == 1')
for f in "$@" $pages; do
	for o in "" --main; do
		html-text $o "$f" >"$d/ref" 2>&1
		for bs in 1 2 3 7; do
			WINNOW_BUFSIZE=$bs html-text $o "$f" >"$d/out" 2>&1
			if ! cmp -s "$d/ref" "$d/out"; then
				bad "html-text $o $(basename "$f") with WINNOW_BUFSIZE=$bs" \
				    "$(diff "$d/ref" "$d/out" | head -3)"
				continue 2
			fi
		done
		ok "html-text $o $(basename "$f"): same output in chunks of 1, 2, 3, 7 bytes"
	done
done
