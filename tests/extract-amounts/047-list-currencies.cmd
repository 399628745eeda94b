extract-amounts --list-currencies | grep -E "^(USD|JPY|SEK|INR|GBP)	"
