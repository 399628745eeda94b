extract-dates --list-words | sed -n '1p;/^months	march$/p;/^weekdays	tuesday/p;/^holiday-table	christmas ?day$/p;/^holiday-table	diwali$/p'
