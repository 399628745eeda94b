unwrap -w 70
