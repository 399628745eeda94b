extract-amounts
