import pprint, reprlib
data = {'name': 'Alice', 'scores': list(range(30)), 'nested': {'a': [1, 2, {'b': 'c' * 30}], 'z': (1, 2)}, 'tags': {'x', 'y'} }
pprint.pprint(data)
pprint.pprint(data, width=40)
print(pprint.pformat([1, 2, 3]))
print(reprlib.repr(list(range(100))))
print(reprlib.repr('x' * 100))
print(reprlib.repr({i: i for i in range(20)}))
pprint.pp({'b': 1, 'a': 2})
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
