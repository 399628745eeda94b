unwrap -k
