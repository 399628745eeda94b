unwrap 019-files.a 019-files.b
