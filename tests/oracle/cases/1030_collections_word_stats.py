from collections import Counter, defaultdict, deque, OrderedDict, namedtuple
text = "the quick brown fox jumps over the lazy dog the end"
words = text.split()
c = Counter(words)
print(c.most_common(3))
print(c['the'], c['missing'])
letters = Counter(ch for ch in text if ch.isalpha())
print(sorted(letters.items())[:5])
print(sum(letters.values()), letters.total())
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
for k in sorted(groups):
    print(k, groups[k])
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d, len(d))
d.rotate(1)
print(list(d))
Point = namedtuple('Point', 'x y')
p = Point(3, 4)
print(p, p._asdict(), p._replace(x=10))
od = OrderedDict.fromkeys('abcde')
od.move_to_end('b')
print(list(od))
