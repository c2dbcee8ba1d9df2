# zip stops at the shortest input, and the inputs before it have already
# given one item more: a classic surprise with iterators.
numbers = iter([1, 2, 3, 4, 5])
letters = ["a", "b"]
print(list(zip(numbers, letters)))
print(next(numbers))

numbers = iter([1, 2, 3, 4, 5])
print(list(zip(letters, numbers)))
print(next(numbers))

it = iter(range(6))
print(list(zip(it, it)))

def gen():
    yield 1
    yield 2
    print("  gen finished")

print(list(zip(gen(), [7, 8, 9])))
print(list(zip([7, 8], gen())))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
print([list(row) for row in zip(*matrix)])
print(dict(enumerate("abc")))
print(list(enumerate("abc", -2)))
