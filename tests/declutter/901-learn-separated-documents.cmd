declutter --learn --explain learn/separated.txt | sed 's/rule:builtin:[0-9]*/rule:builtin:N/'
