# A function fails with a big local list; the caller saves the exception.
import gc
import sys


def load_records():
    records = [str(i) * 3 for i in range(2000)]
    total = len(records)
    raise ValueError("bad record at " + str(total))


saved = None
try:
    load_records()
except ValueError as err:
    saved = err
    print("caught:", err)

print(type(saved).__name__, saved.args)
print("traceback kept:", saved.__traceback__ is not None)
tb = saved.__traceback__
print("lines:", tb.tb_lineno, tb.tb_next.tb_lineno)
print("tracked:", gc.is_tracked(saved), gc.is_tracked(tb), gc.is_tracked(tb.tb_next.tb_frame))
print("sizes:", sys.getsizeof(saved), sys.getsizeof(tb), sys.getsizeof(tb.tb_next.tb_frame))
print("refcount:", sys.getrefcount(saved))
del tb
print("collected while saved:", gc.collect())
saved = None
print("collected after:", gc.collect())
