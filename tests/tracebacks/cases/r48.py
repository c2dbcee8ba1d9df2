g = (x / 0 for x in range(3))
next(g)
