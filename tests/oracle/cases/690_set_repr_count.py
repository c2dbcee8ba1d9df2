# Printing a set makes a list of its keys first (set_repr): the young
# generation counts that list.
import gc

tags = {"gc", "refcount", "arena"}
numbers = {3, 1, 2}
gc.collect()
print(numbers)
print(gc.get_count())
text = repr(numbers)
print(gc.get_count())
print(frozenset(numbers), set(), frozenset())
print(gc.get_count())
print(sorted(tags), len(str(tags)))
print(gc.get_count())
