extract-dates --each-line
