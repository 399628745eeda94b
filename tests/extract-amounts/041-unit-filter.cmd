extract-amounts --unit=EUR,pp
