# str.replace(old, new, count): count by name is new in 3.13.
text = "one, two, three, four"
print(text.replace(", ", "; "))
print(text.replace(", ", "; ", 2))
print(text.replace(", ", "; ", -1))
print(text.replace("", "|", 3))

def show(call):
    try:
        print(repr(call()))
    except TypeError as e:
        print("TypeError:", e)

show(lambda: text.replace(", ", "; ", count=1))
show(lambda: text.replace(", ", " and ", count=0))
show(lambda: "aaaa".replace("a", "b", count=-1))
show(lambda: "aaaa".replace("a", "b", count=2.0))
show(lambda: "aaaa".replace("a", "b", 1, count=1))
show(lambda: "aaaa".replace("a", "b", counts=1))
show(lambda: "aaaa".replace("a", "b", times=1))
show(lambda: "aaaa".replace(old="a", new="b"))
show(lambda: "aaaa".replace("a", new="b"))
show(lambda: "aaaa".replace("a", "b", old="c"))
