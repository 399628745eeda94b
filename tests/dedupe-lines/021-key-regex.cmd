dedupe-lines -e "id=[0-9]+"
