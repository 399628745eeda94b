split-sentences --format=jsonl
