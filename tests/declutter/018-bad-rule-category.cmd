declutter -r rules/bad-category.rules
