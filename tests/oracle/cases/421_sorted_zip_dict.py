# Pairing two lists: sorted(zip(...)), dict(zip(...)) and list(zip(...)),
# with the sizes of what they build and the refcounts of the names.
import sys

names = ["carol", "alice", "bob"]
ages = [35, 30, 25]

by_name = sorted(zip(names, ages))
print(by_name)
print(sys.getsizeof(by_name))

by_age = sorted(zip(ages, names), reverse=True)
print(by_age)

table = dict(zip(names, ages))
print(table, sys.getsizeof(table))

pairs = list(zip(names, ages))
print(pairs, sys.getsizeof(pairs))
print(sys.getrefcount(names[0]) - sys.getrefcount("x" * 0 + "carol"[0:0] or names[0]))

keys = ["a", "b", "c", "d"]
values = range(4)
lookup = dict(zip(keys, values))
print(lookup, len(lookup))
print(list(zip("abc", [1, 2])), list(zip()))
