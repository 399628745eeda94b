extract-dates -q
