extract-dates --ref=2025-03-10
