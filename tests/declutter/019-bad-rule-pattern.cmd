declutter -r rules/bad-pattern.rules
