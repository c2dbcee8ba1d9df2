# Importing itertools makes objects of its own (the module, its types on
# 3.12+): the young generation's count shows them, and they are not garbage.
import gc

gc.collect()
import itertools
print(gc.get_count())
print(gc.collect())
print(gc.get_count())
import itertools
from itertools import count
print(gc.get_count())
gc.collect()
before = gc.get_count()[0]
numbers = list(itertools.islice(count(), 50))
print(gc.get_count()[0] - before, len(numbers))
