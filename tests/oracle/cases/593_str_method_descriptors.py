# Using str's methods as plain functions: key=, map(), and what they are.
names = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(names))
print(sorted(names, key=str.lower))
print(sorted(names, key=str.casefold, reverse=True))
print(list(map(str.upper, ["a", "b"])), list(map(str.strip, [" x ", "y  "])))
print(str.title("hello there"), str.split("a b"), str.join("-", ["x", "y"]))
print(str.lower, str.upper is str.upper)
shout = str.upper
print(shout("quiet"))
try:
    str.lower(42)
except TypeError as e:
    print("TypeError:", e)
try:
    str.strip()
except TypeError as e:
    print("TypeError:", e)
try:
    "x".ljust(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "x".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a=b".partition(1)
except TypeError as e:
    print("TypeError:", e)
print(list.append, dict.get)
"text".center()
