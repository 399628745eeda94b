extract-dates --ref=2024-10-20
