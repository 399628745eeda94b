# filters/fix-text/assigned.awk - assigned.def as C rows (the Makefile
# writes them to build/gen/fix-text/assigned.h): FIRST TAB LAST (hex), one
# range of code points a line -> {0xFIRST, 0xLAST},
BEGIN { FS = "\t" }
/^#/ || NF == 0 { next }
{ printf "{0x%s, 0x%s},\n", $1, $2 }
