declutter --keep=
