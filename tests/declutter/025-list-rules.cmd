declutter --no-default-rules -r rules/site.rules --list-rules
