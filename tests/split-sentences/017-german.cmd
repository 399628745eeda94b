split-sentences
