extract-dates --locale=en-GB --ref=2025-03-10
