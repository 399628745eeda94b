declutter -r rules/numbered-ref.rules
