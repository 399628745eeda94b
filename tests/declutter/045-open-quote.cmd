declutter -r rules/open-quote.rules --explain
