from collections import deque, ChainMap
cm = ChainMap({"a": 1}, {"b": 2})
print(cm["b"], len(cm))
for k, v in cm.items():  # the ItemsView object is not modelled
    print(k, v)
