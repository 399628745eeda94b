extract-quotes --format=jsonl
