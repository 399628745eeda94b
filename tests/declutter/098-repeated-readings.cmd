declutter --explain 098-repeated-readings.in - | sed 's/rule:builtin:[0-9]*/rule:builtin:N/'
