declutter --explain
