extract-dates --open-intervals --ref=2025-03-10
