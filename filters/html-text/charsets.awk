# charsets.awk - html-text's charsets.def to C (the Makefile runs it).
#
#   awk -f charsets.awk charsets.def > charsets.h
#
# A row "LABEL ICONV-NAME" becomes {"label", "ICONV-NAME"} in
# CHARSET_ROWS, the initializers of the table decode.c defines, in the
# order of the rows (sorted: decode.c searches it by halves).  '#' starts
# a comment; empty lines are skipped.
/^[ \t]*#/ || NF == 0 { next }
{
	rows = rows sprintf("%s \\\n    {\"%s\", \"%s\"}", sep, $1, $2)
	sep = ","
}
BEGIN {
	print "/* Generated from charsets.def by charsets.awk: do not edit. */"
}
END {
	printf "#define CHARSET_ROWS%s\n", rows
}
