# tests/lib.sh - helpers for scripted tests (sourced, not run).
#
#   ok NAME            print PASS: NAME
#   bad NAME [WHY]     print FAIL: NAME and why
#   check NAME CMD...  run CMD; PASS if it exits 0, else FAIL
#   skip NAME WHY
# $T is the scratch folder of the run; $TOP the source tree.
: "${T:=/tmp/winnow-tests}"
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
mkdir -p "$T"
ok() { echo "PASS: $1"; }
bad() { echo "FAIL: $1${2:+: $2}"; }
skip() { echo "SKIP: $1 ($2)"; }
check() {
	_n=$1
	shift
	if "$@"; then ok "$_n"; else bad "$_n"; fi
}
# The filters named in config.mk.
filters() {
	sed -n '/^FILTERS *=/,/^$/p' "$TOP/config.mk" |
	    sed 's/FILTERS *=//; s/\\//g' | tr -s ' \t' '\n\n' | grep -v '^$'
}
