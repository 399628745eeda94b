declutter --explain | sed 's/rule:builtin:[0-9]*/rule:builtin:N/'
