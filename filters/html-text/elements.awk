# elements.awk - html-text's elements.def to C (the Makefile runs it, as
# it runs scripts/def2c for other folders' .def files).
#
#   awk -f elements.awk elements.def > elements.h
#
# A row "NAME FLAG..." becomes the constant E_NAME (1, 2 ... in the order
# of the rows; E_UNKNOWN is 0, NELEMENTS one past the last) and a row
# {"name", EF_FLAG | ...} of ELEMENT_ROWS, the initializers of the table
# element.c defines, in the same order.  '#' starts a comment; empty
# lines are skipped.
/^[ \t]*#/ || NF == 0 { next }
{
	n++
	printf "#define E_%s %d\n", toupper($1), n
	fl = ""
	for (i = 2; i <= NF; i++)
		fl = fl (fl == "" ? "" : " | ") "EF_" toupper($i)
	rows = rows sprintf(", \\\n    {\"%s\", %s}", $1, fl == "" ? "0" : fl)
}
BEGIN {
	print "/* Generated from elements.def by elements.awk: do not edit. */"
	print "#define E_UNKNOWN 0"
}
END {
	printf "#define NELEMENTS %d\n", n + 1
	printf "#define ELEMENT_ROWS \\\n    {\"\", 0}%s\n", rows
}
