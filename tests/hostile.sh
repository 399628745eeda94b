# tests/hostile.sh - hostile input is normal input.
#
# For every filter: each input below must give exit 0, nothing on stderr,
# and output that keeps the filter's promises; the fault cases must give
# the documented "NAME: ..." message and exit 2.  Never a crash or a hang:
# every run is under timeout(1).
. "$TOP/tests/lib.sh"
d=$T/hostile
mkdir -p "$d"
TO="timeout 120"

# --- the inputs -----------------------------------------------------------
: >"$d/empty"
printf '\n' >"$d/newline"
printf 'first line\nlast line without newline' >"$d/nonl"
printf 'crlf line one\r\ncrlf line one\r\n\r\nlone\rcr inside\r\n' >"$d/crlf"
printf 'nul\000in the middle\n\000\n\000\000\000\nnul\000in the middle\n' >"$d/nul"
# Every invalid UTF-8 form, between ordinary words, with quotes and money
# around so that the extractors' scanners run over them.
{
	printf 'overlong \300\257 slash and \340\200\257 three and \360\200\200\257 four\n'
	printf 'surrogate \355\240\200 high and \355\277\277 low\n'
	printf 'too big \364\220\200\200 and \367\277\277\277\n'
	printf 'truncated \342\200 and \360\237\230 at the end \342\n'
	printf 'stray continuation \200\277\252 bytes\n'
	printf 'high bytes \365 \366 \370 \374 \376 \377 here\n'
	printf '\342\200\234Quote \377 with bad bytes,\342\200\235 said Ana \300Ruiz. It cost $5\377 million, up 3\200%%.\n'
	printf '$\377\n\342\200\234\n\342\200\n'
} >"$d/badutf8"
# Very many short lines.
awk 'BEGIN { for (i = 0; i < 300000; i++) print (i % 7 == 0 ? "" : "w" i % 1000) }' >"$d/many"
# A binary file.
head -c 300000 "$(command -v sh)" >"$d/binary"

is_extractor() { $1 --help 2>/dev/null | grep -q -- '--format'; }

for f in $(filters); do
	for in in empty newline nonl crlf nul badutf8 many binary; do
		$TO $f <"$d/$in" >"$d/out" 2>"$d/err"
		rc=$?
		if [ $rc -ne 0 ] || [ -s "$d/err" ]; then
			bad "$f hostile $in" "exit $rc: $(head -c 200 "$d/err")"
			continue
		fi
		if is_extractor $f; then
			$TO $f --format=jsonl <"$d/$in" >"$d/json" 2>"$d/err"
			rc=$?
			if [ $rc -ne 0 ] || [ -s "$d/err" ] ||
			    ! python3 -c 'import json,sys
for l in open(sys.argv[1], "rb"):
    json.loads(l.decode("utf-8"))' "$d/json" 2>/dev/null; then
				bad "$f hostile $in jsonl" "exit $rc or invalid JSON"
				continue
			fi
		elif [ $f = fix-text ]; then
			# A repairing filter writes one line for each line of
			# its input, in order; a line with nothing to repair
			# comes out as it went in.
			if [ -s "$d/$in" ] && ! python3 -c 'import sys
inp = open(sys.argv[1], "rb").read()
out = open(sys.argv[2], "rb").read()
lines = inp.split(b"\n")
if inp.endswith(b"\n"): lines.pop()
o = out.split(b"\n")
assert o.pop() == b"", "no final newline"
assert len(o) == len(lines), (len(o), len(lines))
bad = bytes(range(0, 9)) + b"\x0b" + bytes(range(14, 32)) + b"\x7f&"
for a, b in zip(lines, o):
    if not any(c in bad for c in a.rstrip(b"\r")) and max(a, default=0) < 0x80:
        assert a == b, a[:40]' "$d/$in" "$d/out"; then
				bad "$f hostile $in" "not one output line per input line"
				continue
			fi
		elif [ $f = html-text ]; then
			# A converter writes valid UTF-8 lines, none empty,
			# each ended by a newline.
			if ! python3 -c 'import sys
out = open(sys.argv[1], "rb").read()
out.decode("utf-8")
assert out == b"" or out.endswith(b"\n"), "no final newline"
for l in out.split(b"\n")[:-1]: assert l.strip(b" \t") != b"", "empty line"' "$d/out"; then
				bad "$f hostile $in" "output is not valid UTF-8 lines"
				continue
			fi
		else
			# A line filter writes only lines of its input, each
			# ended by a newline.
			if [ -s "$d/$in" ] && ! python3 -c 'import sys
inp = open(sys.argv[1], "rb").read()
out = open(sys.argv[2], "rb").read()
lines = inp.split(b"\n")
if inp.endswith(b"\n"): lines.pop()
have = set(lines)
o = out.split(b"\n")
assert o.pop() == b"", "no final newline"
for l in o: assert l in have, l[:40]' "$d/$in" "$d/out"; then
				bad "$f hostile $in" "output is not made of input lines"
				continue
			fi
		fi
		ok "$f hostile $in"
	done

	# A 200 MB line (generated here, not committed): correct output in
	# memory bounded by a small multiple of the line.
	if [ -n "${WINNOW_SKIP_HUGE:-}" ]; then
		skip "$f 200 MB line" "WINNOW_SKIP_HUGE is set (valgrind run)"
	elif [ ! -x /usr/bin/time ]; then
		skip "$f 200 MB line" "GNU time (/usr/bin/time) is not installed"
	else
		[ -f "$d/huge" ] || { head -c 200000000 /dev/zero | tr '\0' 'a'; printf '\n'; } >"$d/huge"
		/usr/bin/time -f '%M' -o "$d/rss" $TO $f <"$d/huge" >"$d/out" 2>"$d/err"
		rc=$?
		kb=$(tail -n 1 "$d/rss" 2>/dev/null)
		if [ $rc -ne 0 ] && ! grep -q "^$f: .*line too long" "$d/err"; then
			bad "$f 200 MB line" "exit $rc: $(head -c 200 "$d/err")"
		elif [ -n "${WINNOW_SANITIZED:-}" ]; then
			ok "$f 200 MB line (memory not measured under sanitizers)"
		elif [ "${kb:-0}" -gt 800000 ]; then
			bad "$f 200 MB line" "peak RSS ${kb} KiB"
		else
			ok "$f 200 MB line (peak RSS $((kb / 1024)) MiB)"
		fi
	fi

	# A FIFO operand is read like a file.
	rm -f "$d/fifo"
	if mkfifo "$d/fifo" 2>/dev/null; then
		(printf 'through a fifo\n' >"$d/fifo") &
		$TO $f "$d/fifo" >"$d/out" 2>"$d/err"
		rc=$?
		wait
		check "$f fifo operand" test $rc -eq 0 -a ! -s "$d/err"
	fi

	# A read error (EIO from /proc/self/mem at offset 0) among good files:
	# message, the other files processed, exit 2.
	if [ -r /proc/self/mem ]; then
		$TO $f "$d/nonl" /proc/self/mem "$d/nonl" >"$d/out" 2>"$d/err"
		rc=$?
		$TO $f "$d/nonl" "$d/nonl" >"$d/want" 2>/dev/null
		check "$f read error exits 2" test $rc -eq 2
		check "$f read error message" grep -q "^$f: /proc/self/mem: " "$d/err"
		check "$f read error: other files processed" cmp -s "$d/out" "$d/want"
	fi

	# SIGINT in the middle of a run with -o FILE leaves FILE untouched
	# and no temporary file behind.
	rm -f "$d/fifo2"
	mkfifo "$d/fifo2"
	echo "old content" >"$d/target"
	# A script's background job starts with SIGINT ignored, which the
	# filter must keep: give it the default, as a terminal's job has.
	env --default-signal=INT $f -o "$d/target" "$d/fifo2" 2>"$d/err" &
	pid=$!
	exec 7>"$d/fifo2"
	printf 'some input\n' >&7
	sleep 0.3
	kill -INT $pid
	exec 7>&-
	wait $pid
	rc=$?
	check "$f SIGINT with -o: killed by the signal" test $rc -eq 130
	check "$f SIGINT with -o: FILE untouched" test "$(cat "$d/target")" = "old content"
	check "$f SIGINT with -o: no temporary file" test -z "$(ls -A "$d" | grep '^\.target\.')"

	# -o writes what FILE is: what it names is never turned
	# into another kind of file.
	o=$d/o-$f
	rm -rf "$o"
	mkdir -p "$o"
	printf 'one line\n' >"$o/in"
	$f "$o/in" >"$o/want" 2>/dev/null
	# A symbolic link stays a link; the file it names is replaced and
	# keeps its mode.
	echo old >"$o/real"
	chmod 640 "$o/real"
	ln -s real "$o/link"
	$TO $f -o "$o/link" "$o/in" 2>"$o/err"
	rc=$?
	check "$f -o symlink: exit 0" test $rc -eq 0 -a ! -s "$o/err"
	check "$f -o symlink: still a link" test -L "$o/link"
	check "$f -o symlink: its file replaced" cmp -s "$o/want" "$o/real"
	check "$f -o symlink: mode kept" test "$(ls -l "$o/real" | cut -c1-10)" = "-rw-r-----"
	# A dangling link: the file it names is made.
	ln -s made "$o/dangling"
	$TO $f -o "$o/dangling" "$o/in" 2>"$o/err"
	check "$f -o dangling symlink" test $? -eq 0 -a -L "$o/dangling" -a -f "$o/made"
	# A hard link: this name gets the new file, the other keeps the old.
	echo old >"$o/h1"
	ln "$o/h1" "$o/h2"
	$TO $f -o "$o/h1" "$o/in" 2>"$o/err"
	check "$f -o hard link: this name replaced" cmp -s "$o/want" "$o/h1"
	check "$f -o hard link: other name keeps the old file" test "$(cat "$o/h2")" = old
	# A FIFO is written into, and stays a FIFO.
	mkfifo "$o/fifo"
	timeout 10 cat "$o/fifo" >"$o/from-fifo" &
	cpid=$!
	$TO $f -o "$o/fifo" "$o/in" 2>"$o/err"
	rc=$?
	wait $cpid
	check "$f -o FIFO: exit 0" test $rc -eq 0
	check "$f -o FIFO: written into" cmp -s "$o/want" "$o/from-fifo"
	check "$f -o FIFO: still a FIFO" test -p "$o/fifo"
	# A device is written, not replaced.  As root the test makes its own
	# null device: a filter that replaced its target would otherwise
	# replace the system's /dev/null (and /dev/stdout) with a regular file.
	# Without root, /dev itself cannot be changed.
	dev=/dev/null stdout=/dev/stdout
	if [ "$(id -u)" = 0 ]; then
		stdout=/dev/fd/1
		mknod "$o/null" c 1 3 2>/dev/null && dev=$o/null || dev=
	fi
	if [ -n "$dev" ]; then
		$TO $f -o "$dev" "$o/in" 2>"$o/err"
		check "$f -o a device" test $? -eq 0 -a -c "$dev" -a ! -s "$o/err"
	else
		skip "$f -o a device" "root, but mknod is not allowed"
	fi
	# /dev/stdout (/dev/fd/1) is the standard output as the shell set it
	# up, a regular file here: written, not replaced.
	$TO $f -o $stdout "$o/in" >"$o/stdout" 2>"$o/err"
	check "$f -o $stdout" cmp -s "$o/want" "$o/stdout"
	{ echo first; $TO $f -o $stdout "$o/in"; } >"$o/appended" 2>"$o/err"
	check "$f -o $stdout after other output" test "$(sed 1d "$o/appended")" = "$(cat "$o/want")"
	$TO $f -o /proc/self/fd/1 "$o/in" >"$o/stdout" 2>"$o/err"
	check "$f -o /proc/self/fd/1" cmp -s "$o/want" "$o/stdout"
	# A name of 250 bytes: the temporary name must fit too.
	long=$(printf '%0250d' 0)
	$TO $f -o "$o/$long" "$o/in" 2>"$o/err"
	check "$f -o 250-byte name" cmp -s "$o/want" "$o/$long"
	# An output that is also an input is refused before anything is read.
	cp "$o/in" "$o/same"
	$TO $f -o "$o/same" "$o/in" "$o/same" >"$o/out" 2>"$o/err"
	rc=$?
	check "$f -o FILE FILE: exit 2" test $rc -eq 2 -a ! -s "$o/out"
	check "$f -o FILE FILE: message" test "$(cat "$o/err")" = \
	    "$f: $o/same: input and output (-o) are the same file"
	check "$f -o FILE FILE: FILE kept" cmp -s "$o/in" "$o/same"
	$TO $f -o "$o/same" <"$o/same" >"$o/out" 2>"$o/err"
	check "$f -o FILE <FILE: exit 2" test $? -eq 2 -a \
	    "$(cat "$o/err")" = "$f: (standard input): input and output (-o) are the same file"
	# -o twice, -o without its argument.
	$TO $f -o "$o/a" -o "$o/b" "$o/in" >"$o/out" 2>"$o/err"
	check "$f -o twice: exit 2" test $? -eq 2 -a ! -e "$o/a" -a ! -e "$o/b"
	check "$f -o twice: message" test "$(head -n 1 "$o/err")" = "$f: -o given twice ('$o/a', '$o/b')"
	$TO $f -o >"$o/out" 2>"$o/err"
	check "$f -o without FILE" test $? -eq 2 -a "$(head -n 1 "$o/err")" = "$f: option '-o' requires an argument (FILE)"
	$TO $f --output >"$o/out" 2>"$o/err"
	check "$f --output without FILE" test $? -eq 2 -a "$(head -n 1 "$o/err")" = "$f: option '--output' requires an argument (FILE)"

	# Signals with -o: one ignored on entry (nohup) stays ignored; the
	# other fatal ones remove the temporary file.
	for sig in HUP USR1 ALRM TERM; do
		rm -f "$o/fifo2" "$o/target"
		mkfifo "$o/fifo2"
		echo "old content" >"$o/target"
		if [ $sig = HUP ]; then
			(trap '' HUP; exec $f -o "$o/target" "$o/fifo2") 2>"$o/err" &
		else
			$f -o "$o/target" "$o/fifo2" 2>"$o/err" &
		fi
		pid=$!
		exec 7>"$o/fifo2"
		printf 'some input\n' >&7
		sleep 0.3
		kill -$sig $pid
		sleep 0.2
		exec 7>&-
		wait $pid
		rc=$?
		if [ $sig = HUP ]; then
			check "$f -o under nohup survives SIGHUP" test $rc -eq 0
			check "$f -o under nohup: written" test "$(cat "$o/target")" = "$($f "$o/in" | sed 's/one line/some input/')"
		else
			num=$(python3 -c "import signal; print(signal.SIG$sig.value)")
			check "$f SIG$sig with -o: killed by it" test $rc -eq $((128 + num))
			check "$f SIG$sig with -o: FILE untouched" test "$(cat "$o/target")" = "old content"
			check "$f SIG$sig with -o: no temporary file" test -z "$(ls -A "$o" | grep '^\.target\.')"
		fi
	done
done
rm -f "$d/huge"

# --- user patterns ---------------------------------------------------------
# A rule that backtracks catastrophically: pcre2's limits turn it into a
# message naming the line, the line is judged without rules, exit 2 at the
# end; no hang.  (declutter(1), RULE FILES.)
if filters | grep -qx declutter; then
	printf 'ad line (a|a?)+$\n' >"$d/evil.rules"
	{ awk 'BEGIN { s = ""; for (i = 0; i < 60; i++) s = s "a"; print s "b" }'
	  echo "The council approved the budget on Tuesday, after a long debate."; } >"$d/evil.txt"
	$TO declutter --no-default-rules -r "$d/evil.rules" "$d/evil.txt" >"$d/out" 2>"$d/err"
	rc=$?
	check "declutter runaway rule exits 2" test $rc -eq 2
	check "declutter runaway rule message" grep -qx "declutter: $d/evil.txt:1: pattern match limit hit, rules skipped for this line" "$d/err"
	check "declutter runaway rule: the article is kept" grep -q "council approved" "$d/out"
	# A huge rule file (20,000 rules sharing one prefix) works, and every
	# rule is tried: each menu line meets its own rule.
	awk 'BEGIN { for (i = 0; i < 20000; i++) printf "nav line ^Menu item number %d of the site$\n", i }' >"$d/huge.rules"
	awk 'BEGIN { for (i = 0; i < 300; i++) printf "Menu item number %d of the site\n", i * 61 }' >"$d/menu.txt"
	$TO declutter --explain -r "$d/huge.rules" "$d/menu.txt" >"$d/out" 2>"$d/err"
	rc=$?
	check "declutter 20,000-rule file runs" test $rc -eq 0 -a ! -s "$d/err"
	check "declutter 20,000-rule file: every line meets its rule" test \
	    "$(awk -F'\t' '$1 == "-" && $3 ~ /^rule:/' "$d/out" | wc -l)" -eq 300
fi

# A -e key pattern that backtracks catastrophically: reported once, the
# whole line is the key, exit 2 at the end; a bad pattern is a clear error.
if filters | grep -qx dedupe-lines; then
	awk 'BEGIN { s = ""; for (i = 0; i < 60; i++) s = s "a"; print s "b"; print s "b"; print "ok" }' >"$d/evil-keys"
	$TO dedupe-lines -e '(a|a?)+$' "$d/evil-keys" >"$d/out" 2>"$d/err"
	rc=$?
	check "dedupe-lines runaway -e exits 2" test $rc -eq 2
	check "dedupe-lines runaway -e message" test "$(cat "$d/err")" = \
	    "dedupe-lines: $d/evil-keys:1: match limit exceeded, the key is the whole line"
	check "dedupe-lines runaway -e output" test "$(cat "$d/out")" = "$(sed 2d "$d/evil-keys")"
	echo x | dedupe-lines -e '(unclosed' >"$d/out" 2>"$d/err"
	rc=$?
	check "dedupe-lines bad -e pattern" test $rc -eq 2 -a ! -s "$d/out" -a \
	    "$(cat "$d/err")" = "dedupe-lines: --key-regex: missing closing parenthesis at offset 9"
fi

# --- HTML ------------------------------------------------------------------
# html-text streams: the pages a browser survives, in linear time and
# constant memory, with the text a browser shows.
if filters | grep -qx html-text; then
	# $1 name, $2 the input file, $3 the expected output, $4 peak RSS
	# limit in KiB (0: not measured); options after.
	html_case() {
		_n=$1 _in=$2 _want=$3 _kb=$4
		shift 4
		if [ -x /usr/bin/time ] && [ -z "${WINNOW_SANITIZED:-}" ] &&
		    [ "$_kb" -gt 0 ]; then
			/usr/bin/time -f '%M' -o "$d/rss" $TO html-text "$@" "$_in" >"$d/out" 2>"$d/err"
			_rc=$?
			_got=$(tail -n 1 "$d/rss")
		else
			$TO html-text "$@" "$_in" >"$d/out" 2>"$d/err"
			_rc=$?
			_got=0
		fi
		if [ $_rc -ne 0 ] || [ -s "$d/err" ]; then
			bad "html-text $_n" "exit $_rc: $(head -c 200 "$d/err")"
		elif [ "$(cat "$d/out")" != "$_want" ]; then
			bad "html-text $_n" "output: $(head -c 200 "$d/out")"
		elif [ "$_kb" -gt 0 ] && [ "$_got" -gt "$_kb" ]; then
			bad "html-text $_n" "peak RSS $_got KiB"
		else
			ok "html-text $_n"
		fi
	}
	# A million nested <div>, each closed.
	awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "<div>"; printf "deep text"
	    for (i = 0; i < 1000000; i++) printf "</div>"; print "<p>after</p>" }' >"$d/divs.html"
	html_case "a million nested div" "$d/divs.html" "deep text
after" 20000
	html_case "a million nested div, --main" "$d/divs.html" "deep text
after" 40000 --main
	# A million nested <span> and <b> never closed, then a million stray
	# end tags that a deep stack could make quadratic.
	awk 'BEGIN { printf "<div><em>"; for (i = 0; i < 1000000; i++) printf "<span><b>"; printf "x"
	    for (i = 0; i < 1000000; i++) printf "</em></i></p>"; print "<p>end</p>" }' >"$d/stray.html"
	html_case "a million stray end tags over a deep stack" "$d/stray.html" "x
end" 20000
	# A 50 MB attribute value, quoted and bare.
	{ printf '<p title="'; head -c 50000000 /dev/zero | tr '\0' 'x'; printf '">kept</p>'
	  printf '<p data-x='; head -c 50000000 /dev/zero | tr '\0' 'y'; printf '>also kept</p>\n'; } >"$d/attr.html"
	html_case "a 50 MB attribute" "$d/attr.html" "kept
also kept" 20000
	# A <script> never closed: 20 MB of code with tags in it.
	{ printf '<p>before</p><script>'
	  awk 'BEGIN { for (i = 0; i < 400000; i++) print "document.write(\"<p>no</p><!-- x -->\"); // </scrip" }'; } >"$d/script.html"
	html_case "a never-closed script" "$d/script.html" "before" 20000
	# A comment never closed, a tag never closed.
	{ printf '<p>before</p><!-- '; head -c 20000000 /dev/zero | tr '\0' '-'; } >"$d/comment.html"
	html_case "a never-closed comment of dashes" "$d/comment.html" "before" 20000
	{ printf '<p>before</p><a href="'; head -c 20000000 /dev/zero | tr '\0' '&'; } >"$d/tag.html"
	html_case "a never-closed tag" "$d/tag.html" "before" 20000
	# 20 MB of text in one <pre> line and one paragraph of references.
	awk 'BEGIN { printf "<p>"; for (i = 0; i < 1000000; i++) printf "&amp;&#233;&notit; "; print "</p>" }' >"$d/refs.html"
	$TO html-text "$d/refs.html" >"$d/out" 2>"$d/err"
	check "html-text a million references" test $? -eq 0 -a ! -s "$d/err" -a \
	    "$(head -c 23 "$d/out")" = "&é¬it; &é¬it; &é¬" -a "$(wc -l <"$d/out")" -eq 1
	# A million table cells and list items, never closed.
	awk 'BEGIN { printf "<table><tr>"; for (i = 0; i < 300000; i++) printf "<td>c"; printf "</table><ul>"
	    for (i = 0; i < 300000; i++) printf "<li>i"; print "</ul><p>end</p>" }' >"$d/cells.html"
	$TO html-text "$d/cells.html" >"$d/out" 2>"$d/err"
	check "html-text 300,000 open cells and items" test $? -eq 0 -a ! -s "$d/err" -a \
	    "$(wc -l <"$d/out")" -eq 300002 -a "$(tail -n 1 "$d/out")" = end
	rm -f "$d"/*.html
fi

# unwrap joins lines, so its output is not made of input lines; what it
# keeps instead: with -k (every hyphen kept) the bytes other than spaces,
# tabs and line ends are the input's, in order, whatever the input.  The
# hostile inputs above, and a wrapped document salted with NUL, invalid
# UTF-8, CR, a soft hyphen and a line longer than the read buffer.
if filters | grep -qx unwrap; then
	{
		for i in 1 2 3 4 5 6; do
			printf 'The tide tables for the estuary were printed in the\n'
			printf 'almanac \000 with a short note \377\376 that the spring tides\r\n'
			printf 'would run high this year, and the ferry would stop in\n'
			printf 'bad weather; the old harbour \302\255master kept a copy of them\n'
			printf 'on the wall.\n\n'
		done
		awk 'BEGIN { s = "word "; while (length(s) < 70000) s = s s; print s }'
		printf 'a last line without a newline \342\200'
	} >"$d/unwrap-salted"
	same_bytes() {
		# $1 input, $2 output: equal once white space is dropped.
		tr -d ' \t\r\n' <"$1" >"$d/ub.in"
		tr -d ' \t\r\n' <"$2" >"$d/ub.out"
		cmp -s "$d/ub.in" "$d/ub.out"
	}
	for in in empty newline nonl crlf nul badutf8 many binary unwrap-salted; do
		for w in "" "-w 20"; do
			$TO unwrap -k $w <"$d/$in" >"$d/out" 2>"$d/err"
			rc=$?
			if [ $rc -ne 0 ] || [ -s "$d/err" ]; then
				bad "unwrap -k $w hostile $in" "exit $rc: $(head -c 200 "$d/err")"
			elif ! same_bytes "$d/$in" "$d/out"; then
				bad "unwrap -k $w hostile $in" "bytes other than white space changed"
			else
				ok "unwrap -k $w hostile $in"
			fi
		done
	done
	$TO unwrap <"$d/unwrap-salted" >"$d/out" 2>"$d/err"
	check "unwrap joins the salted document" test "$(grep -c 'the ferry would stop' "$d/out")" -eq 6 -a \
	    "$(grep -c '^almanac' "$d/out")" -eq 0
fi
