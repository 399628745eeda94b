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
printf 'a\n' | dedupe-lines --seen-from="$d/empty" >"$d/o" 2>"$d/err"
check "--seen-from: an empty file exits 2" test $? -eq 2 -a ! -s "$d/o"
check "--seen-from: an empty file message" test "$(cat "$d/err")" = \
    "dedupe-lines: $d/empty: not a seen-set file (no seen-set header)"
# An empty --seen file is an empty set (a run creates one to lock it).
printf 'a\na\n' | dedupe-lines --seen="$d/empty" >"$d/o" 2>"$d/err"
check "--seen: an empty file is an empty set" test $? -eq 0 -a "$(cat "$d/o")" = a -a ! -s "$d/err"
check "--seen: an empty file is saved" test "$(wc -c <"$d/empty")" -eq $((32 + 16 + 8))
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

# --- the seen file as a target ---------------------------------------------
# Two runs saving one set take turns (flock): the second waits for the
# first and loads what it saved; no key is lost.
rm -f "$d/lk" "$d/lk-fifo"
mkfifo "$d/lk-fifo"
dedupe-lines --seen="$d/lk" "$d/lk-fifo" >"$d/lk-a" 2>"$d/lk-a.err" &
apid=$!
exec 7>"$d/lk-fifo"
printf 'a\nshared\n' >&7
sleep 0.3
printf 'b\nshared\n' | dedupe-lines --seen="$d/lk" >"$d/lk-b" 2>"$d/lk-b.err" 7>&- &
bpid=$!
sleep 0.3
kill -0 $bpid 2>/dev/null && ok "--seen: a second run waits for the lock" ||
    bad "--seen: a second run waits for the lock"
exec 7>&-
wait $apid
arc=$?
wait $bpid
brc=$?
check "--seen lock: both runs exit 0" test $arc -eq 0 -a $brc -eq 0 -a ! -s "$d/lk-a.err" -a ! -s "$d/lk-b.err"
check "--seen lock: the second run saw the first's keys" test "$(cat "$d/lk-b")" = b
printf 'a\nb\nshared\nc\n' | dedupe-lines --seen-from="$d/lk" >"$d/lk-c"
check "--seen lock: the set holds both runs' keys" test "$(cat "$d/lk-c")" = c
check "--seen lock: nothing left beside the set" test -z "$(ls -A "$d" | grep '^\.lk')"

# A FIFO (or anything not a regular file) is refused at once, not opened
# for a writer that never comes.
rm -f "$d/sf"
mkfifo "$d/sf"
printf 'a\n' | timeout 10 dedupe-lines --seen="$d/sf" >"$d/o" 2>"$d/err"
check "--seen=FIFO: exit 2 at once" test $? -eq 2 -a ! -s "$d/o"
check "--seen=FIFO: message" test "$(cat "$d/err")" = \
    "dedupe-lines: $d/sf: not a seen-set file (not a regular file)"
printf 'a\n' | timeout 10 dedupe-lines --seen-from="$d/sf" >"$d/o" 2>"$d/err"
check "--seen-from=FIFO: exit 2 at once" test $? -eq 2 -a ! -s "$d/o"
check "--seen-from=FIFO: message" test "$(cat "$d/err")" = \
    "dedupe-lines: $d/sf: not a seen-set file (not a regular file)"
check "--seen=FIFO: still a FIFO" test -p "$d/sf"

# The same file as two outputs, or as an output and an input: refused
# before anything is read or written.
printf 'x\n' >"$d/same"
cp "$d/same" "$d/same.orig"
printf 'a\n' | dedupe-lines -o "$d/same" --seen="$d/./same" >"$d/o" 2>"$d/err"
check "-o F --seen=F: exit 2" test $? -eq 2 -a ! -s "$d/o"
check "-o F --seen=F: message" test "$(cat "$d/err")" = \
    "dedupe-lines: -o $d/same and --seen $d/./same name the same file"
check "-o F --seen=F: F kept" cmp -s "$d/same" "$d/same.orig"
dedupe-lines --seen="$d/same" "$d/same" >"$d/o" 2>"$d/err"
check "--seen=F F: exit 2" test $? -eq 2 -a "$(cat "$d/err")" = \
    "dedupe-lines: $d/same: input and output (--seen) are the same file"
cp "$d/s" "$d/s3"
dedupe-lines -o "$d/s3" --seen-from="$d/s3" "$d/one" >"$d/o" 2>"$d/err"
check "-o F --seen-from=F: exit 2" test $? -eq 2 -a "$(cat "$d/err")" = \
    "dedupe-lines: $d/s3: input and output (-o) are the same file"
check "-o F --seen-from=F: F kept" cmp -s "$d/s" "$d/s3"
rm -f "$d/new"
printf 'a\n' | dedupe-lines -o "$d/new" --seen="$d/../dedupe-seen/new" 2>"$d/err"
check "-o F --seen=F, F not yet there: exit 2" test $? -eq 2 -a ! -e "$d/new"
printf 'a\n' | dedupe-lines --seen="$d/s" --seen="$d/s2" >"$d/o" 2>"$d/err"
check "--seen twice: exit 2" test $? -eq 2 -a "$(head -n 1 "$d/err")" = \
    "dedupe-lines: --seen given twice ('$d/s', '$d/s2')"
printf 'a\n' | dedupe-lines -e a -e b >"$d/o" 2>"$d/err"
check "-e twice: exit 2" test $? -eq 2 -a "$(head -n 1 "$d/err")" = \
    "dedupe-lines: -e given twice ('a', 'b')"

# Commit order: -o FILE is replaced only when the seen set was saved too.
# A save that fails (writes past the file size limit, SIGXFSZ ignored)
# leaves both files as they were; a signal during the save removes the
# temporary files.  (-v: the output itself is empty, within the limit.)
seq 1 2000 >"$d/many"
echo "old output" >"$d/out"
cp "$d/s" "$d/s4"
(ulimit -f 8; trap '' XFSZ; exec dedupe-lines -v -o "$d/out" --seen="$d/s4" "$d/many") 2>"$d/err"
check "failed save: exit 2" test $? -eq 2
check "failed save: message" grep -q "^dedupe-lines: $d/s4: File too large$" "$d/err"
check "failed save: -o FILE as it was" test "$(cat "$d/out")" = "old output"
check "failed save: the set as it was" cmp -s "$d/s" "$d/s4"
sh -c 'ulimit -f 8; exec dedupe-lines -v -o "$1" --seen="$2" "$3"' sh "$d/out" "$d/s4" "$d/many" 2>"$d/err"
check "SIGXFSZ during the save: killed by it" test $? -eq $((128 + 25))
check "SIGXFSZ during the save: -o FILE as it was" test "$(cat "$d/out")" = "old output"
check "SIGXFSZ during the save: the set as it was" cmp -s "$d/s" "$d/s4"
check "SIGXFSZ during the save: no temporary file" test -z "$(ls -A "$d" | grep -e '^\.s4\.' -e '^\.out\.')"
# The save succeeds: both are replaced.
dedupe-lines -o "$d/out" --seen="$d/s4" "$d/many" 2>"$d/err"
check "-o and --seen: both replaced" test $? -eq 0 -a "$(wc -l <"$d/out")" -eq 2000 -a \
    "$(wc -c <"$d/s4")" -gt 2000
# A --seen in a folder that does not exist fails before the output.
echo "old output" >"$d/out"
dedupe-lines -o "$d/out" --seen="$d/nodir/s" "$d/many" 2>"$d/err"
check "--seen in a missing folder: exit 2, -o FILE as it was" test $? -eq 2 -a \
    "$(cat "$d/out")" = "old output"
# A --seen created by a run that then fails is removed again.
rm -f "$d/fresh"
dedupe-lines --seen="$d/fresh" "$d/missing" 2>/dev/null
check "a failed run leaves no new --seen file" test ! -e "$d/fresh"
# A symbolic link to the set stays a link.
cp "$d/s" "$d/s5"
ln -sf s5 "$d/s5-link"
printf 'new key\n' | dedupe-lines --seen="$d/s5-link" >/dev/null
check "--seen through a symlink: still a link" test -L "$d/s5-link"
check "--seen through a symlink: its file updated" test "$(wc -c <"$d/s5")" -eq $(($(wc -c <"$d/s") + 16))

# A crafted set: 200,000 keys with a valid checksum, all with
# the same top byte and the same upper half of the low word, which shared
# one home slot when slots were a fixed function of the fingerprint (80,000
# took 3.9 s, 200,000 about 25 s: quadratic).  With the per-process seed
# they load as fast as any keys.
python3 - "$d/crafted" <<'EOF'
import struct, sys
M = (1 << 64) - 1
K8, K9 = 0xb7e151628aed2a6b, 0x9216d5d98979fb1b
def mix(x):
    r = (x ^ K8) * K9
    return ((r & M) ^ (r >> 64)) ^ x
words = [int.from_bytes(b"\x89WNSEEN\n", "little"), 1, 0, 200000]
for i in range(200000):
    words += [0x5eed000000000000 | (i * 2654435761 & 0xffffffff), 0x42 << 56 | i]
c = 0
for w in words:
    c = (mix(c ^ w) + 0x9e3779b97f4a7c15) & M
words.append(c)
open(sys.argv[1], "wb").write(struct.pack("<%dQ" % len(words), *words))
EOF
printf 'a\n' | timeout 20 dedupe-lines --seen-from="$d/crafted" >"$d/o" 2>"$d/err"
check "--seen-from: 200,000 keys crafted to share a slot load fast" test $? -eq 0 -a "$(cat "$d/o")" = a -a ! -s "$d/err"
exit 0
