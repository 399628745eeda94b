split-sentences -n -H a.txt b.txt
