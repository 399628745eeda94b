“Nobody asked us,” she said.
