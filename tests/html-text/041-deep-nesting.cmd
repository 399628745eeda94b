awk 'BEGIN { for (i = 0; i < 3000; i++) printf "<div><span>"; printf "deep"; for (i = 0; i < 3000; i++) printf "</span></div>"; print "<p>after</p>" }' | html-text
