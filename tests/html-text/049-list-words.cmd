html-text --list-words | sed -n '1p;/^content	article$/p;/^furniture	comment$/p'
