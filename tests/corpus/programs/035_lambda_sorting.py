pairs = [(1, "one"), (3, "three"), (2, "two"), (4, "four")]
pairs.sort(key=lambda pair: pair[1])
print(pairs)

words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted(words, key=len, reverse=True))

square = lambda x: x ** 2
print(square(7), (lambda a, b=2: a * b)(5))
print(list(map(lambda x: x * 10, range(4))))
print(list(filter(lambda x: x % 3 == 0, range(20))))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print(square.__name__)
