extract-quotes --format=jsonl 054-documents.a 054-documents.b
