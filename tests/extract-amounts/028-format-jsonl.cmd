extract-amounts --format=jsonl
