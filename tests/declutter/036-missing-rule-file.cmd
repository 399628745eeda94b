declutter -r rules/no-such.rules
