import sys, gc
from collections import namedtuple, deque
from dataclasses import dataclass
Pt = namedtuple('Pt', 'x y')
@dataclass
class DPt:
    x: int
    y: int
class SPt:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
for obj in [(1, 2), Pt(1, 2), DPt(1, 2), SPt(1, 2), [1, 2], {'x': 1, 'y': 2}, deque([1, 2])]:
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj))
print(sys.getsizeof(Pt), sys.getsizeof(DPt), sys.getsizeof(SPt))
print(sys.getsizeof(DPt(1, 2).__dict__))
import sys, gc
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
import functools, itertools, array
objs = {
    'deque()': deque(), 'deque(range(100))': deque(range(100)), 'deque(maxlen=5)': deque(range(10), maxlen=5),
    'defaultdict': defaultdict(int), 'OrderedDict': OrderedDict(a=1, b=2), 'Counter': Counter('hello'),
    'ChainMap': ChainMap({}, {}), 'partial': functools.partial(print, 1),
    'count': itertools.count(), 'chain': itertools.chain([1], [2]), 'array': array.array('i'),
    'array10': array.array('d', range(10)), 'islice': itertools.islice('abc', 2),
}
for name, o in objs.items():
    print(name, sys.getsizeof(o), gc.is_tracked(o))
d = deque()
sizes = []
for i in range(200):
    d.append(i)
    s = sys.getsizeof(d)
    if not sizes or sizes[-1][1] != s:
        sizes.append((i, s))
print(sizes)
dd = defaultdict(list)
for i in range(20):
    dd[i].append(i)
print(sys.getsizeof(dd), len(dd))
od = OrderedDict()
for i in range(20):
    od[i] = i
print(sys.getsizeof(od))
a = array.array('i')
prev = None
for i in range(100):
    a.append(i)
    s = sys.getsizeof(a)
    if s != prev:
        print(i, s, end='; ')
        prev = s
print()
