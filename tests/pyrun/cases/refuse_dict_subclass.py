class Seen(dict):
    pass


print(Seen(a=1))
