# tests/declutter/rule-file-limits.sh - rule-file problems that golden
# files cannot hold: a NUL byte inside a rule and a rule line over 1 MiB
# are reported as FILE:LINE with exit 2, before any input is read.
. "$TOP/tests/lib.sh"
d=$T/declutter-rule-limits
mkdir -p "$d"
printf 'ad line Advertisement\nad line abc\000def\n' >"$d/nul.rules"
printf 'abc\n' | declutter -r "$d/nul.rules" >"$d/out" 2>"$d/err"
rc=$?
check "declutter rules: a NUL byte is FILE:LINE, exit 2" test $rc -eq 2 -a \
    "$(cat "$d/err")" = "declutter: $d/nul.rules:2: a NUL byte in the pattern"
check "declutter rules: nothing read or written before" test ! -s "$d/out"
awk 'BEGIN { print "ad line Advertisement"; printf "ad line ";
	for (i = 0; i < 70000; i++) printf "abcdefghijklmnop"; print "" }' >"$d/long.rules"
printf 'abc\n' | declutter -r "$d/long.rules" >"$d/out" 2>"$d/err"
rc=$?
check "declutter rules: a line over 1 MiB is FILE:LINE, exit 2" test $rc -eq 2 -a \
    "$(cat "$d/err")" = "declutter: $d/long.rules:2: a rule line longer than 1 MiB"
