declutter -r rules/twice-named.rules
