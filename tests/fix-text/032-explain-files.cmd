cd "$T" && printf "a &amp; b\n" > in1 && printf "c&eacute;\n" > in2 && fix-text --explain in1 - in2
