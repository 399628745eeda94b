# filters/fix-text/codepages.awk - codepages.def as C rows (the Makefile
# writes them to build/gen/fix-text/codepages.h): NAME TAB 128 hex code
# points (bytes 0x80-0xFF) -> {"NAME", {0xHHHH, ...}},
BEGIN { FS = "\t" }
/^#/ || NF == 0 { next }
{
	n = split($2, c, " ")
	printf "{\"%s\", {", $1
	for (i = 1; i <= n; i++)
		printf "0x%s%s", c[i], (i < n ? ", " : "")
	print "}},"
}
