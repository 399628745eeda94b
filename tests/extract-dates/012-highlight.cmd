extract-dates --highlight --ref=2025-03-10
