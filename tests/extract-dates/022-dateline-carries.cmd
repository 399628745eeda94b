extract-dates --ref=2025-06-01
