# reversed() over the sequences learners reverse: a list gets its own
# reverse iterator, a tuple or a str the generic one, a range a range
# iterator, a dict (3.8+) a reverse key iterator.
import gc
import sys

letters = ["a", "b", "c"]
r = reversed(letters)
print(type(r).__name__, sys.getsizeof(r), gc.is_tracked(r))
print(sys.getrefcount(letters))
print(list(r), sys.getrefcount(letters))

for obj in [(1, 2, 3), "xyz", range(5), {"k": 1, "j": 2}]:
    rev = reversed(obj)
    print(type(rev).__name__, sys.getsizeof(rev), gc.is_tracked(rev), list(rev))

d = {"one": 1, "two": 2, "three": 3}
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(type(reversed(d.items())).__name__, type(reversed(d.values())).__name__)
print("".join(reversed("stressed")))
for i in reversed(range(1, 10, 3)):
    print(i, end=" ")
print()
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
try:
    reversed(x for x in "ab")
except TypeError as e:
    print(e)
