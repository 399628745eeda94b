extract-dates --each-line --ref=2025-06-01
