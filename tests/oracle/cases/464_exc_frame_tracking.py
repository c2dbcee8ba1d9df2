# A frame object of a running frame is untracked; one that owns a finished
# frame is tracked and can sit in a cycle with its own locals
import gc, sys
try:
    1/0
except Exception as e:
    f = e.__traceback__.tb_frame
    print(gc.is_tracked(f), sys.getrefcount(f), sys.getsizeof(f))
def g():
    try:
        1/0
    except Exception as e:
        f = e.__traceback__.tb_frame
        print(gc.is_tracked(f), sys.getrefcount(f))
        return e
x = g()
print(gc.is_tracked(x.__traceback__.tb_frame), sys.getrefcount(x.__traceback__.tb_frame))
print(gc.collect())
del x
print(gc.collect())
