# Cyclic garbage freed quietly by the automatic collector still moves where
# new objects land: counting distinct id()s shows it, so the quiet
# collections' shortcut does not apply and the start counts are compared.
import gc

seen = set()
for i in range(20000):
    left = []
    right = [left]
    left.append(right)
    seen.add(id(left))
left = right = None
print(gc.collect() > 0, len(seen))
