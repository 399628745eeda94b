declutter --explain --mark
