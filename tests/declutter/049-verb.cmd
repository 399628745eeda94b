declutter -r rules/verb.rules
