# any() and all() stop at the first answer, leaving their generator
# suspended: dropping it closes it (GeneratorExit is raised into it on
# some versions).  The exception classes are static in CPython: using
# one for the first time allocates nothing the collector counts.
import gc

readings = [3, 8, 12, 7, 15]
gc.collect()
before = gc.get_count()
hot = any(r > 10 for r in readings)
calm = all(r < 20 for r in readings)
print(hot, calm, before, gc.get_count())

gc.collect()
first_big = next((r for r in readings if r > 10), None)
print(first_big, gc.get_count())


def numbered(items):
    for i, item in enumerate(items):
        yield i, item


gen = numbered(readings)
print(next(gen), gc.get_count())
gen.close()
print(gen.gi_suspended, gc.get_count())
