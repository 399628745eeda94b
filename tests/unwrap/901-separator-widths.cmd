unwrap --print-width
