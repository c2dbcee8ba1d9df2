# `grid *= n` grows the list in place (list_inplace_repeat): the same
# object, resized with list_resize's over-allocation, not a new list.
import sys

row = [0, 0]
alias = row
row *= 2
print(alias is row, alias, sys.getsizeof(row))

buffer = [None] * 3
print(sys.getsizeof(buffer))
buffer *= 3
print(sys.getsizeof(buffer))

sentinel = object()
slots = [sentinel]
slots *= 5
print(sys.getrefcount(sentinel), sys.getsizeof(slots))
slots *= 1
print(sys.getsizeof(slots))
slots *= 0          # empties it and frees the item array
print(slots, sys.getsizeof(slots), sys.getrefcount(sentinel))

empty = []
empty *= 100
print(sys.getsizeof(empty))

countdown = list(range(10))
countdown *= -1
print(countdown, sys.getsizeof(countdown))

flags = [True, False, True]
flags *= True
print(flags)
try:
    flags *= 1.5
except TypeError as e:
    print(e)
