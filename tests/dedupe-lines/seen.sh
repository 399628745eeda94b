# tests/dedupe-lines/seen.sh - --seen and --seen-from: runs that dedupe
# together, the file format's checks, atomic saving.
. "$TOP/tests/lib.sh"
d=$T/dedupe-seen
rm -rf "$d"
mkdir -p "$d"
printf 'a\nb\nc\n' >"$d/one"
printf 'b\nd\na\ne\n' >"$d/two"

dedupe-lines --seen="$d/s" "$d/one" >"$d/o1"
check "--seen: a missing file is an empty set" cmp -s "$d/one" "$d/o1"
check "--seen: the set is saved" test -s "$d/s"
check "--seen: 32-byte header, 16 bytes a key, 8-byte checksum" \
    test "$(wc -c <"$d/s")" -eq $((32 + 3 * 16 + 8))
dedupe-lines --seen="$d/s" "$d/two" >"$d/o2"
printf 'd\ne\n' >"$d/want"
check "--seen: the second run drops what the first saw" cmp -s "$d/want" "$d/o2"
check "--seen: the set grows" test "$(wc -c <"$d/s")" -eq $((32 + 5 * 16 + 8))
ls "$d" | grep -q '^s\.' && bad "--seen: no temporary file left" ||
    ok "--seen: no temporary file left"
cat "$d/one" "$d/two" | dedupe-lines >"$d/all"
cat "$d/o1" "$d/o2" >"$d/both"
check "--seen: two runs = one run" cmp -s "$d/all" "$d/both"

# --seen-from: read only.
cp "$d/s" "$d/s.copy"
printf 'a\nz\n' | dedupe-lines --seen-from="$d/s" >"$d/o3"
check "--seen-from filters" test "$(cat "$d/o3")" = z
check "--seen-from leaves the file alone" cmp -s "$d/s" "$d/s.copy"
printf 'a\n' | dedupe-lines --seen-from="$d/nope" >"$d/o4" 2>"$d/err"
check "--seen-from: a missing file is an error" test $? -eq 2 -a ! -s "$d/o4"
check "--seen-from: missing file message" \
    grep -q "^dedupe-lines: $d/nope: No such file or directory" "$d/err"

# Key options are part of the set: -i must not use a set made without.
printf 'a\n' | dedupe-lines -i --seen="$d/s" >"$d/o5" 2>"$d/err"
check "--seen: other key options exit 2" test $? -eq 2 -a ! -s "$d/o5"
check "--seen: other key options message" grep -q \
    "^dedupe-lines: $d/s: seen set was made with exact keys, not -i$" "$d/err"
printf 'x y\n' | dedupe-lines -k 2 --seen="$d/k" >/dev/null
printf 'x y\n' | dedupe-lines -k 1 --seen="$d/k" >/dev/null 2>"$d/err"
check "--seen: other -k fields exit 2" test $? -eq 2
check "--seen: other -k fields message" grep -q "other -k, -t or -e" "$d/err"
printf 'A\n' | dedupe-lines -N --seen="$d/n" >/dev/null
printf 'a\n' | dedupe-lines -N --seen="$d/n" >"$d/o6"
check "--seen -N: the same options reuse the set" test ! -s "$d/o6"

# Damaged and foreign files are refused, and left as they were.
notset() {
	cp "$1" "$d/bad"
	printf 'a\n' | dedupe-lines --seen="$d/bad" >"$d/o" 2>"$d/err"
	rc=$?
	check "--seen: $2 exits 2" test $rc -eq 2 -a ! -s "$d/o"
	check "--seen: $2 message" grep -q \
	    "^dedupe-lines: $d/bad: not a seen-set file" "$d/err"
	check "--seen: $2 left alone" cmp -s "$1" "$d/bad"
}
printf 'hello\n' >"$d/foreign"
notset "$d/foreign" "a foreign file"
head -c 60 "$d/s" >"$d/trunc"
notset "$d/trunc" "a truncated file"
: >"$d/empty"
notset "$d/empty" "an empty file"
# Flip one byte of a fingerprint: the checksum catches it.
{ head -c 40 "$d/s"; printf 'Z'; tail -c +42 "$d/s"; } >"$d/flip"
notset "$d/flip" "a corrupt fingerprint"
{ cat "$d/s"; printf 'x'; } >"$d/long"
notset "$d/long" "trailing junk"
# A later version is named as such.
{ head -c 8 "$d/s"; printf '\011'; tail -c +10 "$d/s"; } >"$d/v9"
printf 'a\n' | dedupe-lines --seen="$d/v9" >/dev/null 2>"$d/err"
check "--seen: a newer version exits 2" test $? -eq 2
check "--seen: a newer version message" grep -q "version 9 is not supported" "$d/err"
printf 'a\n' | dedupe-lines --seen="$d" >/dev/null 2>"$d/err"
check "--seen: a directory exits 2" test $? -eq 2

# Not saved after trouble, nor when the output failed.
cp "$d/s" "$d/s2"
dedupe-lines --seen="$d/s2" "$d/two" "$d/missing" >/dev/null 2>"$d/err"
check "--seen: trouble exits 2" test $? -eq 2
check "--seen: not saved after trouble" cmp -s "$d/s" "$d/s2"
grep -q "not saved" "$d/err" && ok "--seen: says it was not saved" ||
    bad "--seen: says it was not saved"

# --max-memory counts a loaded set.
seq 1 100000 | dedupe-lines --seen="$d/big" >/dev/null
printf 'x\n' | dedupe-lines --seen="$d/big" --max-memory=256K >/dev/null 2>"$d/err"
check "--seen: a set bigger than --max-memory exits 2" test $? -eq 2
check "--seen: --max-memory message" grep -q \
    "^dedupe-lines: seen set exceeds --max-memory (256K)$" "$d/err"
exit 0
