extract-dates --format=jsonl
