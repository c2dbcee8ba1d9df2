import copy
from collections import defaultdict

d = defaultdict(list)
d["a"].append(1)
print(d)
print(copy.copy(d))
