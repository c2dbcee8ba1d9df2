flags = 0_5
