split-sentences -q
