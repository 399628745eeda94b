declutter --keep=ads
