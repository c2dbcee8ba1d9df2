# map() and filter() as tutorials use them: str over numbers, a lambda,
# a named function, and list() around them (which sizes its list from a
# length hint map and filter do not have).
import gc
import sys

numbers = [3, 8, 1, 9, 4, 6]

as_text = list(map(str, numbers))
print(as_text, sys.getsizeof(as_text))

def square(n):
    return n * n

squares = list(map(square, numbers))
print(squares, sys.getsizeof(squares))

evens = list(filter(lambda n: n % 2 == 0, numbers))
print(evens, sys.getsizeof(evens))

words = ["", "spam", "", "eggs"]
print(list(filter(None, words)), list(filter(bool, words)))

m = map(str, numbers)
f = filter(None, words)
print(type(m).__name__, sys.getsizeof(m), gc.is_tracked(m))
print(type(f).__name__, sys.getsizeof(f), gc.is_tracked(f))
print(next(m), next(m), list(m))
print(list(m), next(f, None))

total = sum(map(int, ["1", "2", "3"]))
print(total, max(map(len, ["a", "abc", "ab"])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
