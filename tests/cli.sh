# tests/cli.sh - the conventions every filter keeps (doc/contract.md).
. "$TOP/tests/lib.sh"
d=$T/cli
mkdir -p "$d"
printf 'one line\n' >"$d/good"
for f in $(filters); do
	# --help: usage on stdout, exit 0, nothing on stderr
	$f --help >"$d/out" 2>"$d/err"
	check "$f --help" test $? -eq 0 -a ! -s "$d/err"
	check "$f --help says usage:" grep -q "^usage: $f " "$d/out"
	# --version
	$f --version >"$d/out" 2>"$d/err"
	rc=$?
	check "$f --version" test $rc -eq 0 -a "$(cat "$d/out")" = "$f (winnow) $(sed -n 's/^VERSION = //p' "$TOP/config.mk")"
	# --bogus: exit 2, "NAME: ..." on stderr, nothing on stdout
	$f --bogus </dev/null >"$d/out" 2>"$d/err"
	rc=$?
	check "$f --bogus exits 2" test $rc -eq 2 -a ! -s "$d/out"
	check "$f --bogus message" grep -q "^$f: unrecognized option '--bogus'" "$d/err"
	# a missing file among good ones: the others are processed, exit 2
	$f "$d/good" "$d/missing" "$d/good" >"$d/out" 2>"$d/err"
	rc=$?
	check "$f missing file exits 2" test $rc -eq 2
	check "$f missing file message" grep -q "^$f: $d/missing: No such file or directory" "$d/err"
	$f "$d/good" "$d/good" >"$d/two" 2>/dev/null
	check "$f missing file: others processed" cmp -s "$d/out" "$d/two"
	# --label names standard input in messages (here: the read error
	# of a directory given as standard input)
	$f --label=named.txt <"$d" >/dev/null 2>"$d/err"
	check "$f --label names standard input" grep -q "^$f: named.txt: " "$d/err"
	# - is standard input
	$f <"$d/good" >"$d/a" 2>/dev/null
	$f - <"$d/good" >"$d/b" 2>/dev/null
	check "$f - reads stdin" cmp -s "$d/a" "$d/b"
	# a directory operand: message, exit 2
	$f "$d" >/dev/null 2>"$d/err"
	rc=$?
	check "$f directory operand" test $rc -eq 2 -a -s "$d/err"
	# >/dev/full: write error, exit 2
	if [ -w /dev/full ]; then
		# Extractors print only what they find: give them something.
		case $f in
		extract-*) pre='“We paid $5 and 3% more,” she said, line ' ;;
		*) pre='line ' ;;
		esac
		seq 1 20000 | sed "s/^/$pre/" | $f >/dev/full 2>"$d/err"
		rc=$?
		check "$f >/dev/full exits 2" test $rc -eq 2
		check "$f >/dev/full says write error" grep -q "^$f: write error" "$d/err"
	else
		skip "$f >/dev/full" "no /dev/full"
	fi
	# closed pipe: no message
	yes 'a line of text that repeats' | head -n 200000 | awk '{print NR": "$0}' |
	    $f 2>"$d/err" | head -n 1 >/dev/null
	check "$f closed pipe is quiet" test ! -s "$d/err"
	# -o FILE: written on success, untouched on failure
	rm -f "$d/o"
	$f -o "$d/o" "$d/good" >/dev/null 2>&1
	check "$f -o FILE" test -f "$d/o"
	echo keep >"$d/o"
	$f -o "$d/o" "$d/missing" >/dev/null 2>&1
	check "$f -o FILE untouched on failure" test "$(cat "$d/o")" = keep
	check "$f -o leaves no temporary file" test -z "$(ls -A "$d" | grep '^\.o\.')"
	# the man page
	check "$f man page" test -f "$TOP/filters/$f.1"
	if command -v mandoc >/dev/null 2>&1; then
		check "$f man page lint" sh -c "mandoc -Tlint -Wwarning '$TOP/filters/$f.1' >'$d/lint' 2>&1"
	fi
done
