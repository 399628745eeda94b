#!/bin/sh
# tests/run.sh - run every test of winnow and print "check: N passed, M failed".
#
# Golden cases: tests/<filter>/NNN-<what>.cmd is a shell command line run
# with tests/<filter>/NNN-<what>.in (if present, else empty) on stdin and
# the filters first on PATH.  stdout must equal .out, stderr .err (when
# that file exists; else stderr must be empty), the exit status .rc
# (default 0).  $WRAP (e.g. valgrind) prefixes every filter run through
# the wrappers in $T/wrap/.
#
# Scripts: every tests/*.sh and tests/<dir>/*.sh other than this one is run;
# it prints "PASS: name", "FAIL: name" or "SKIP: name (why)" lines, which are
# counted.  Unit tests: every binary in $WINNOW_UNIT, same protocol.
#
# Usage: sh tests/run.sh [PATTERN]   (run only cases whose path matches)
# Environment: WINNOW_BIN (default bin), WINNOW_UNIT (default build/unit).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
BIN=$(cd "${WINNOW_BIN:-bin}" && pwd) || exit 2
UNIT=${WINNOW_UNIT:-build/unit}
only=${1:-}
T=$top/tests/out
rm -rf "$T"
mkdir -p "$T/wrap"

# Wrappers put $WRAP in front of every filter a test runs.
for f in "$BIN"/*; do
	[ -x "$f" ] || continue
	n=$(basename "$f")
	printf '#!/bin/sh\nexec %s "%s" "$@"\n' "${WRAP:-}" "$f" >"$T/wrap/$n"
	chmod +x "$T/wrap/$n"
done
PATH=$T/wrap:$PATH
export PATH WINNOW_BIN="$BIN" TOP="$top" T LC_ALL=C.UTF-8
unset NO_COLOR

pass=0 fail=0 skip=0

count() {
	# Read PASS/FAIL/SKIP lines from a producer's output file.
	while IFS= read -r l; do
		case $l in
		PASS:*) pass=$((pass + 1)) ;;
		FAIL:*) fail=$((fail + 1)); printf '%s\n' "$l" ;;
		SKIP:*) skip=$((skip + 1)); printf '%s\n' "$l" ;;
		*) printf '%s\n' "$l" ;;
		esac
	done <"$1"
}

# Golden cases.
for cmd in tests/*/[0-9]*.cmd; do
	[ -f "$cmd" ] || continue
	case $cmd in *"$only"*) ;; *) continue ;; esac
	base=${cmd%.cmd}
	name=${base#tests/}
	in=/dev/null
	[ -f "$base.in" ] && in=$base.in
	want_rc=0
	[ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
	d=$T/$name
	mkdir -p "$(dirname "$d")"
	(cd "$(dirname "$cmd")" && sh -c "$(cat "$top/$cmd")") <"$in" \
	    >"$d.out" 2>"$d.err"
	rc=$?
	ok=1
	if ! cmp -s "$base.out" "$d.out" 2>/dev/null; then
		ok=0
		[ -f "$base.out" ] || : >"$base.missing"
		diff -u "$base.out" "$d.out" 2>&1 | head -40
	fi
	if [ -f "$base.err" ]; then
		if ! cmp -s "$base.err" "$d.err"; then
			ok=0
			diff -u "$base.err" "$d.err" | head -20
		fi
	elif [ -s "$d.err" ]; then
		ok=0
		echo "unexpected stderr:"
		head -5 "$d.err"
	fi
	if [ "$rc" != "$want_rc" ]; then
		ok=0
		echo "exit status $rc, expected $want_rc"
	fi
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $name ($(cat "$cmd"))"
	fi
done

# Scripted tests.
for s in tests/*.sh tests/*/*.sh; do
	[ -f "$s" ] || continue
	[ "$s" = tests/run.sh ] && continue
	case $s in *"$only"*) ;; *) continue ;; esac
	o=$T/script-$(echo "$s" | tr / _).log
	sh "$s" >"$o" 2>&1
	rc=$?
	count "$o"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL:' "$o"; then
		fail=$((fail + 1))
		echo "FAIL: $s exited $rc"
		tail -5 "$o"
	fi
done

# Unit tests.
if [ -d "$UNIT" ] && [ -z "$only" -o "$only" = unit ]; then
	for u in "$UNIT"/*_test; do
		[ -x "$u" ] || continue
		o=$T/unit-$(basename "$u").log
		${WRAP:-} "$u" >"$o" 2>&1
		rc=$?
		count "$o"
		if [ $rc -ne 0 ] && ! grep -q '^FAIL:' "$o"; then
			fail=$((fail + 1))
			echo "FAIL: $u exited $rc"
			tail -5 "$o"
		fi
	done
fi

if [ $skip -gt 0 ]; then
	echo "check: $pass passed, $fail failed, $skip skipped"
else
	echo "check: $pass passed, $fail failed"
fi
[ $fail -eq 0 ]
