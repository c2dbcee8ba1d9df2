# Copying a signal's samples: complex numbers are immutable, so copy and
# deepcopy hand back the same objects while the containers are new.
import copy
import gc
import sys

z = 1 + 2j
print(copy.copy(z) is z, copy.deepcopy(z) is z)
samples = [z, [3j, 4], {"k": 5j}]
gc.collect()
before = gc.get_count()[0]
backup = copy.deepcopy(samples)
grown = gc.get_count()[0] - before
print(backup, backup[0] is z, backup[1] is samples[1], backup[1][0] is samples[1][0], grown, sys.getrefcount(z))
shallow = copy.copy(samples)
print(shallow[0] is z, shallow[1] is samples[1], sys.getrefcount(z))
