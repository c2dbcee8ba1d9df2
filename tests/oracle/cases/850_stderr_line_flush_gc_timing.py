import gc, sys
gc.collect()
class C:
    pass
found = []
for i in range(3000):
    a = C()
    a.me = a
    if i % 3 == 0:
        print(i, file=sys.stderr)
    if i % 500 == 0:
        found.append(gc.get_count()[0])
print(found, gc.collect())
for n in (100, 9000, 300):
    sys.stderr.write("x" * n + "\n")
print(gc.get_count(), gc.collect())
