declutter -v
