class Pair(tuple):
    pass


print(Pair((1, 2)))
