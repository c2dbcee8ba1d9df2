# Where was this object allocated?
import tracemalloc

tracemalloc.start()
old = None
data = {"key%d" % i: i for i in range(20)}
point = bytearray(b"abc" * 10)
tb = tracemalloc.get_object_traceback(point)
print(tb[0].lineno, len(tb))
print(tracemalloc.get_object_traceback(old))
lines = tb.format()
print(len(lines), lines[1])
