# Exception-heavy loop: counts of the young generation and collections
import gc
import sys

gc.collect()
before = gc.get_count()


def risky(i):
    data = [i] * 10
    if i % 3 == 0:
        raise ValueError(i)
    return len(data)


errors = 0
for i in range(30):
    try:
        risky(i)
    except ValueError as e:
        errors += 1
        if i == 9:
            print("refcount in handler:", sys.getrefcount(e))
            print("frame kept:", e.__traceback__.tb_next.tb_frame is not None)
after = gc.get_count()
print("errors:", errors)
print("young count grew by", after[0] - before[0])
print("collected:", gc.collect())

kept = []
for i in range(6):
    try:
        risky(i * 3)
    except ValueError as e:
        kept.append(e)
print("kept:", len(kept), "collected:", gc.collect())
del kept
print("freed by refcount, collected:", gc.collect())
