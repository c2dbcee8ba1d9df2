import pprint, reprlib
data = {'name': 'Alice', 'scores': list(range(30)), 'nested': {'a': [1, 2, {'b': 'c' * 30}], 'z': (1, 2)}, 'tags': {'x', 'y'} }
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
print(pprint.pformat([1, 2, 3]))
print(reprlib.repr(list(range(100))))
print(reprlib.repr('x' * 100))
print(reprlib.repr({i: i for i in range(20)}))
pprint.pp({'b': 1, 'a': 2})
pprint.pprint({'b': 1, 'a': 2}, sort_dicts=False)
config = {
    'server': {'host': 'localhost', 'ports': [8000, 8001, (1, [2, [3]])], 'tls': {'cert': 'a.pem', 'key': 'b.pem'}},
    'users': [{'name': 'ann', 'roles': ['admin', 'dev']}, {'name': 'bob', 'roles': []}],
    'single': (('x',),),
    'empty': {'l': [], 't': (), 'd': {}},
}
for d in (1, 2, 3, 4):
    print('depth', d)
    pprint.pprint(config, depth=d)
    pprint.pprint(config, depth=d, width=30)
print(pprint.pformat([[[[1]]]], depth=2))
print(pprint.pformat([(1,), ((2,),)], depth=1), pprint.pformat([(1,), ((2,),)], depth=2))
pprint.pp(config, depth=2, width=50)
pprint.pprint(list(range(40)), depth=1)
try:
    pprint.pprint([1], depth=0)
except ValueError as e:
    print(e)
