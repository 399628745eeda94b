extract-dates --ref=2025-02-03
