declutter -r rules/bad-kind.rules
