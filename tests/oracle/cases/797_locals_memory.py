# What a locals() snapshot costs: its size, whether the collector tracks
# it, what tracemalloc sees, and the frame it came from after an error.
import sys, gc, tracemalloc
gc.collect()

def numbers_only():
    a = 1
    b = 2.5
    return locals()

def with_list():
    items = [1, 2, 3]
    return locals()

print(gc.is_tracked(numbers_only()), gc.is_tracked(with_list()))
print(sys.getsizeof(numbers_only()), sys.getsizeof(with_list()))

def many():
    v0 = v1 = v2 = v3 = v4 = v5 = v6 = 0
    return locals()
print(len(many()), sys.getsizeof(many()))

tracemalloc.start()
def build(n):
    text = "y" * n
    env = locals()
    return env
base = tracemalloc.get_traced_memory()[0]
kept = build(200)
print("traced:", tracemalloc.get_traced_memory()[0] - base)
tracemalloc.stop()

def failing():
    payload = [0] * 10
    seen = locals()
    raise KeyError("missing")

try:
    failing()
except KeyError as exc:
    frame = exc.__traceback__.tb_next.tb_frame
    print(gc.is_tracked(frame), sys.getrefcount(exc))
    del frame
print("collected:", gc.collect())
