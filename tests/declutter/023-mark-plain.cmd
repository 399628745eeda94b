declutter --mark --color=never
