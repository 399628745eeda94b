# tests/parallel.sh - scripts/winnow-parallel and scripts/dedupe-shards
# across two "hosts": an sshd of this test's own on 127.0.0.1 (a high port,
# throwaway keys) and ':' (this machine).  The output must be byte for byte
# what one run of the filter prints; a host that cannot be reached must
# give exit 2 with its name.  Skipped (not failed) where GNU parallel,
# sshd or ssh-keygen cannot be had.
. "$TOP/tests/lib.sh"
d=$T/parallel
rm -rf "$d"
mkdir -p "$d/ssh" "$d/corpus"
WP="sh $TOP/scripts/winnow-parallel"
DS="sh $TOP/scripts/dedupe-shards"

# Generated documents: quotations, amounts, dates, furniture, repeats; file
# names with a space, a quote and a leading '-'.
LC_ALL=C awk -v dir="$d/corpus" 'BEGIN {
	srand(5)
	split("Ana Ruiz|Bo Li|Kofi Mensah|Ines Duarte", who, "|")
	n = split("a.txt|b c.txt|q'"'"'uote.txt|-dash.txt|e.txt|f.txt|g.txt", names, "|")
	for (f = 1; f <= n; f++) {
		file = dir "/" names[f]
		for (i = 0; i < 60 + 25 * f; i++) {
			r = int(rand() * 6)
			if (r == 0) print "\342\200\234We will finish the bridge by May " i ",\342\200\235 said " who[1 + int(rand() * 4)] "." > file
			else if (r == 1) print "The council approved $" i ".5 million on Tuesday, up " i % 30 "% on last year." > file
			else if (r == 2) print "Advertisement" > file
			else if (r == 3) print "" > file
			else if (r == 4) print "\342\200\234Nobody asked us,\342\200\235 she said. The vote was " i "-" f "." > file
			else print "Residents of the harbour district said the dredging plan had been delayed again by a dispute over costs." > file
		}
		if (f == 3) printf "a last line without a newline" > file
		close(file)
	}
}'
cd "$d/corpus" || exit 2
set -- a.txt "b c.txt" "q'uote.txt" -dash.txt e.txt f.txt g.txt

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
	skip "winnow-parallel" "GNU parallel is missing"
	exit 0
fi

# --- this machine only (no -S) ------------------------------------------
same() {
	# same NAME CMD...: CMD's output, standard error and status are the
	# single run's.
	_n=$1
	shift
	"$@" >"$d/one" 2>"$d/one.err"
	_rc1=$?
	$WP "$@" >"$d/par" 2>"$d/par.err"
	_rc2=$?
	if cmp -s "$d/one" "$d/par" && cmp -s "$d/one.err" "$d/par.err" &&
	    [ $_rc1 = $_rc2 ]; then
		ok "$_n"
	else
		bad "$_n" "status $_rc1/$_rc2; $(cmp "$d/one" "$d/par" 2>&1 | head -1)"
	fi
}
same "winnow-parallel extract-quotes = one run" extract-quotes -- "$@"
same "winnow-parallel extract-amounts --format=tsv -n = one run" \
    extract-amounts --format tsv -n -- "$@"
same "winnow-parallel declutter --no-learn --explain = one run" \
    declutter --no-learn --explain -- "$@"
same "winnow-parallel with a missing file = one run" \
    extract-quotes --format=jsonl a.txt missing.txt "b c.txt"
same "winnow-parallel -q = one run" extract-amounts -q missing.txt a.txt
$WP declutter -- "$@" >/dev/null 2>"$d/err"
check "winnow-parallel refuses declutter's --learn" \
    grep -q '^winnow-parallel: declutter learns' "$d/err"
$WP dedupe-lines a.txt >/dev/null 2>"$d/err"
check "winnow-parallel refuses dedupe-lines" test $? -eq 2 -a -s "$d/err"

# A stream of documents split at the separator, in blocks of 1 MB.
for f in a.txt "b c.txt" e.txt f.txt g.txt; do
	cat "$f"
	printf '\f\n'
done >"$d/doc"
i=0
while [ $i -lt 40 ]; do
	cat "$d/doc"
	i=$((i + 1))
done >"$d/stream"
for cmd in declutter "extract-quotes --format=tsv" "extract-amounts -n"; do
	$cmd <"$d/stream" >"$d/one"
	$WP $cmd <"$d/stream" >"$d/par"
	check "winnow-parallel $cmd on a stream = one run" cmp -s "$d/one" "$d/par"
done

# --- an sshd of our own -------------------------------------------------
sshd=$(command -v sshd || echo /usr/sbin/sshd)
if [ ! -x "$sshd" ] || ! command -v ssh-keygen >/dev/null 2>&1; then
	skip "winnow-parallel across hosts" "sshd or ssh-keygen is missing (apt-get install openssh-server)"
	exit 0
fi
k=$d/ssh
ssh-keygen -q -t ed25519 -N '' -f "$k/host" >/dev/null 2>&1 &&
    ssh-keygen -q -t ed25519 -N '' -f "$k/user" >/dev/null 2>&1 &&
    cp "$k/user.pub" "$k/authorized_keys" || {
	skip "winnow-parallel across hosts" "ssh-keygen failed"
	exit 0
}
chmod 600 "$k/authorized_keys"
[ "$(id -u)" = 0 ] && mkdir -p /run/sshd
port=$((20000 + $$ % 20000))
# The sessions get a home of their own: bash started by sshd reads
# ~/.bashrc even for a plain command, and this machine's user's runs
# whatever it runs (a pyenv rehash racing its twin on the second job
# printed an rm error into the output compared below). A host of a
# real user's has its own; the test wants a quiet, known one.
mkdir -p "$k/home"
cat >"$k/sshd_config" <<EOF
SetEnv HOME=$k/home
ListenAddress 127.0.0.1
Port $port
HostKey $k/host
AuthorizedKeysFile $k/authorized_keys
PidFile $k/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
EOF
cat >"$k/config" <<EOF
Host winnow-test
	HostName 127.0.0.1
	Port $port
Host winnow-dead
	HostName 127.0.0.1
	Port $((port + 1))
Host *
	User $(id -un)
	IdentityFile $k/user
	IdentitiesOnly yes
	StrictHostKeyChecking no
	UserKnownHostsFile /dev/null
	BatchMode yes
	LogLevel ERROR
	ConnectTimeout 5
EOF
"$sshd" -f "$k/sshd_config" -E "$k/sshd.log" || {
	skip "winnow-parallel across hosts" "sshd would not start: $(tail -1 "$k/sshd.log")"
	exit 0
}
trap 'kill "$(cat "$k/sshd.pid" 2>/dev/null)" 2>/dev/null' EXIT
i=0
until ssh -F "$k/config" winnow-test true 2>/dev/null; do
	i=$((i + 1))
	if [ $i -ge 50 ]; then
		skip "winnow-parallel across hosts" "cannot log in to our sshd: $(tail -1 "$k/sshd.log")"
		exit 0
	fi
	sleep 0.1
done
export PARALLEL_SSH="ssh -F $k/config"
jobtmp() { ls -d "${TMPDIR:-/tmp}"/dedupe-shards-job.* 2>/dev/null | sort; }
jobtmp >"$d/tmp-before"
# The hosts find the filters in -B DIR (the test run's wrappers, which
# put $WRAP in front).
hosts="-S winnow-test -S : -B $T/wrap -j 2"
same2() {
	_n=$1
	shift
	"$@" >"$d/one" 2>"$d/one.err"
	_rc1=$?
	$WP $hosts "$@" >"$d/par" 2>"$d/par.err"
	_rc2=$?
	if cmp -s "$d/one" "$d/par" && cmp -s "$d/one.err" "$d/par.err" &&
	    [ $_rc1 = $_rc2 ]; then
		ok "$_n"
	else
		bad "$_n" "status $_rc1/$_rc2; $(cmp "$d/one" "$d/par" 2>&1 | head -1); $(head -c 300 "$d/par.err")"
	fi
}
for f in $(filters); do
	case $f in
	dedupe-lines) continue ;;
	declutter) o=--no-learn ;;
	extract-*) o=--format=jsonl ;;
	*) o= ;;
	esac
	same2 "winnow-parallel across 2 hosts: $f $o" $f $o -- "$@"
done
same2 "winnow-parallel across 2 hosts: extract-quotes -n (text, -H)" \
    extract-quotes -n -- "$@"
for cmd in declutter "extract-amounts --format=tsv"; do
	$cmd <"$d/stream" >"$d/one"
	$WP $hosts $cmd <"$d/stream" >"$d/par"
	check "winnow-parallel across 2 hosts: $cmd on a stream" cmp -s "$d/one" "$d/par"
done
# Nothing is left on the hosts: no job folders under ~/.parallel/tmp, no
# temporary folders of the jobs.
ls ~/.parallel/tmp 2>/dev/null | grep -v '^sshlogin$' >"$d/left"
check "winnow-parallel leaves nothing on the hosts" test ! -s "$d/left"

# A host that cannot be reached: exit 2, the host named.
$WP -S winnow-dead -S : -B "$T/wrap" extract-quotes -- "$@" >/dev/null 2>"$d/err"
rc=$?
check "winnow-parallel: an unreachable host exits 2" test $rc -eq 2
check "winnow-parallel: an unreachable host is named" grep -q 'winnow-dead' "$d/err"

# dedupe-shards across the same two hosts.
for o in "" "-N"; do
	dedupe-lines $o -- "$@" >"$d/one"
	oo=
	for w in $o; do oo="$oo -O $w"; done
	DEDUPE_LINES=dedupe-lines $DS -S winnow-test -S : -B "$T/wrap" -n 3 $oo -- "$@" >"$d/par" 2>"$d/err"
	check "dedupe-shards across 2 hosts $o = one run" cmp -s "$d/one" "$d/par"
done
# -w: a folder that every host sees (here the same machine's).
dedupe-lines -- "$@" >"$d/one"
DEDUPE_LINES=dedupe-lines $DS -S winnow-test -S : -B "$T/wrap" -w "$d/shared" -n 4 -- "$@" >"$d/par"
check "dedupe-shards across 2 hosts with a shared -w folder = one run" cmp -s "$d/one" "$d/par"
jobtmp >"$d/tmp-after"
check "dedupe-shards leaves no temporary folders on the hosts" cmp -s "$d/tmp-before" "$d/tmp-after"
ls ~/.parallel/tmp 2>/dev/null | grep -v '^sshlogin$' >"$d/left"
check "dedupe-shards leaves no job folders on the hosts" test ! -s "$d/left"
$DS -S winnow-dead -B "$T/wrap" -n 2 -- "$@" >/dev/null 2>"$d/err"
check "dedupe-shards: an unreachable host exits 2" test $? -eq 2
check "dedupe-shards: an unreachable host is named" grep -q 'winnow-dead' "$d/err"
