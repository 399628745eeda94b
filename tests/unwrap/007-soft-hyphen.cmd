unwrap
