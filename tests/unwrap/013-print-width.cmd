unwrap --print-width 013-print-width.a 001-paragraphs.out -
