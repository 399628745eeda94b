split-sentences --highlight
