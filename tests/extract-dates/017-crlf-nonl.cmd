extract-dates -n --ref=2025-03-10
