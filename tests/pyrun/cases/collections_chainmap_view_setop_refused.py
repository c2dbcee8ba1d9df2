from collections import ChainMap
cm = ChainMap({"a": 1}, {"b": 2})
for k, v in cm.items():
    print(k, v)
print(cm.keys() & {"a"})  # Set.__and__ of collections.abc is not modelled
