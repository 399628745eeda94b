declutter --no-default-rules -r rules/relative-ref.rules --explain
