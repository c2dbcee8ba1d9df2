# locals() in a generator expression (its own frame on every version) and,
# last, in a list comprehension: a frame of its own on 3.11 ('.0' is its
# iterator), inlined into the function from 3.12 (PEP 709).
import sys


def squares(n):
    return list(sorted(locals()) for x in range(n))


print(squares(2))


def scaled(k):
    gen = (locals()["v"] * k for v in range(3))
    return list(gen)


print(scaled(10))


def peek():
    items = "ab"
    return [sorted(locals()) for ch in items]


print(peek())
