# A finalizer run by an automatic collection right after an import: when
# it runs depends on how many allocations the import left the young
# generation with, which the model knows from the clean state.
import gc
gc.collect()
import operator
class Node:
    def __del__(self):
        print('bye', len(junk))
n = Node()
n.me = n
del n
junk = []
for i in range(3000):
    junk.append([])
print('done')
