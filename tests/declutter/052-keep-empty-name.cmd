declutter --keep=meta,,ad
