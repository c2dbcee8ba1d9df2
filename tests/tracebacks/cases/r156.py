# A counter used in a function without `global`: the += reads a local
# that has no value yet.
total = 0


def add(n):
    total += n
    return total


add(5)
