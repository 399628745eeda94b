unwrap -w 54
