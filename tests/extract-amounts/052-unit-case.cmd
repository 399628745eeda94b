extract-amounts --unit=eur,jpy,PP,bp
