# words2c.awk - turn the *.words files of extract-dates into C.
#
# Each file is one lexicon class, named after the file (months.words ->
# L_MONTHS); each line is "word [value]" (value 0 when absent); "#" starts
# a comment.  Output: the table lex_words[] that lexicon.c includes
# (words.h) and indexes; each entry names its file for --list-words.
BEGIN {
	print "/* Generated from the words files by words2c.awk. */"
	print "#include \"lexicon.h\""
	print "const struct lexword lex_words[] = {"
}
FNR == 1 {
	list = FILENAME
	sub(/.*\//, "", list)
	sub(/\.words$/, "", list)
	cls = "L_" toupper(list)
}
{
	sub(/#.*/, "")
}
NF >= 1 {
	w = $1
	gsub(/\\/, "\\\\", w)
	gsub(/"/, "\\\"", w)
	printf "    {\"%s\", %s, %d, \"%s\"},\n", w, cls, (NF >= 2 ? $2 : 0), list
}
END {
	print "    {0, 0, 0, 0}};"
}
