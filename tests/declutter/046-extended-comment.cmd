declutter -r rules/extended-comment.rules
