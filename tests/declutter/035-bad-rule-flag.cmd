declutter -r rules/bad-flag.rules
