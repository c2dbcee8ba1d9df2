class Config:
    raw = [1, 2, 3]
    doubled = [y for x in raw if (y := x * 2)]
