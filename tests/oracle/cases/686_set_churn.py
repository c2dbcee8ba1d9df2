# A set that keeps changing: adds, discards, pops and updates leave dummies
# behind, and the table size and order follow them.
import sys
s = set()
log = []
for i in range(300):
    v = (i * 7919) % 211
    if v in s:
        s.discard(v)
    else:
        s.add(v)
    if i % 37 == 0:
        log.append((len(s), sys.getsizeof(s)))
print(log)
print(list(s)[:20])
t = set(range(50))
while len(t) > 5:
    t.pop()
print(t, sys.getsizeof(t))
t.update(range(100, 140))
print(list(t)[:10], sys.getsizeof(t))
u = {x for x in range(64) if x % 3}
v = {x for x in range(0, 64, 2)}
print(list(u ^ v)[:12], list(u - v)[:8], list(v - u)[:8], len(u & v))
print(list(u.symmetric_difference(range(10)))[:10])
words = {"apple", "banana", "cherry", "date", "elderberry", "fig", "grape"}
print(words, words - {"fig"}, sorted(words & {"fig", "kiwi"}))
w2 = set(words); w2.discard("apple"); w2.add("kiwi")
print(w2)
