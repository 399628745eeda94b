declutter --explain -r rules/site.rules | sed 's/rule:builtin:[0-9]*/rule:builtin:N/'
