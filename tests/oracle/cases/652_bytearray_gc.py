# bytes and bytearray hold no references, so the collector never tracks
# them; what a loop over one allocates is its iterator.
import gc
import sys

gc.collect()
b = bytearray(b"abc")
print(gc.is_tracked(b), gc.is_tracked(b"abc"), gc.is_tracked(bytearray()))
before = gc.get_count()[0]
total = 0
for byte in b:
    total += byte
print(total, gc.get_count()[0] - before)
before = gc.get_count()[0]
b.extend([100, 101])
b.extend(x for x in range(3))
b += b"!"
print(b, gc.get_count()[0] - before)
parts = [bytes([65 + i]) for i in range(3)]
joined = b"-".join(parts)
print(joined, sys.getrefcount(joined), sys.getrefcount(b))
alias = b
print(sys.getrefcount(b), alias is b)
del alias
copy = bytearray(b)
print(copy == b, copy is b, sys.getrefcount(copy), sys.getsizeof(copy), sys.getsizeof(b))
