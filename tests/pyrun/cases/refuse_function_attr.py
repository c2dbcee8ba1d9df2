def counter():
    return 1


print("%s and %d" % ("a", 2))
counter.__defaults__ = (1,)
