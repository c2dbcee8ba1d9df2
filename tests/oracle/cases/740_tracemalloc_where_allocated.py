# Which line allocated this object? Only objects made while tracing know
import tracemalloc

early = [1, 2, 3]
tracemalloc.start()
late = bytearray(500)
names = "-".join(["name"] * 50)
print(tracemalloc.get_object_traceback(early))
tb = tracemalloc.get_object_traceback(late)
print(tb[0].lineno, tb[-1].lineno, len(tb), tb.total_nframe)
print(tracemalloc.get_object_traceback(names)[0].lineno)
print(tracemalloc.get_object_traceback(42))
tracemalloc.stop()
print(tracemalloc.get_object_traceback(late))
