declutter --mark --color=always
