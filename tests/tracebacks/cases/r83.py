x = 5
with x as y, open("z") as q:
    pass
