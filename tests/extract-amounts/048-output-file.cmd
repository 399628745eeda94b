extract-amounts -o "$T/amounts-048.out" && cat "$T/amounts-048.out"
