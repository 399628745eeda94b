extract-dates --ref=2025-13-01
