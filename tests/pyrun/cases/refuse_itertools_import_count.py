# gc.get_count() right after `import itertools`, with no gc.collect() before
# it: the import's own allocations hit or miss the free lists as the program
# left them, which the model does not follow, so the count is refused.
import gc
import itertools
print(list(itertools.repeat(1, 2)))
print(gc.get_count())
