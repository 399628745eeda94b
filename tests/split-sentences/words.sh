# tests/split-sentences/words.sh - the word lists keep what the code
# assumes of them: no abbreviation (titles, numbered, months, suffixes,
# places) longer than LEX_ABBREV_MAX in lexicon.h.
. "$TOP/tests/lib.sh"
max=$(sed -n 's/^#define LEX_ABBREV_MAX \([0-9]*\).*/\1/p' "$TOP/filters/split-sentences/lexicon.h")
long=$(split-sentences --list-words | awk -F '\t' -v m="$max" '
	$1 ~ /^(titles|numbered|months|suffixes|places)$/ && length($2) > m')
check "sentences abbreviations no longer than LEX_ABBREV_MAX ($max)${long:+: $long}" test -z "$long"
