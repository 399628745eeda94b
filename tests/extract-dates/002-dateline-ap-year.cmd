extract-dates
