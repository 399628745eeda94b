declutter --keep=meta
