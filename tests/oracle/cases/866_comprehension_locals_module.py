# locals() inside a comprehension written at module level and in a class
# body: 3.11 runs the comprehension as a function of its own, 3.12 inlines
# it (PEP 709) and copies the module's names with the loop variable, 3.13
# gives a snapshot of the loop variables alone (PEP 667).
import gc
import sys

prices = [3, 5, 8]
gc.collect()
before = gc.get_count()
views = [locals() for p in prices]
print(len(views), views[0] is views[1], views[0] is globals())
print([v.get("p") for v in views])
print(sorted(k for k in views[-1] if not k.startswith("__")))
print([sys.getsizeof(v) for v in views])
print(sys.getrefcount(prices), sys.getrefcount(views[0]))
print(gc.is_tracked(views[0]), gc.get_count()[0] - before[0])

counts = {name: len(locals()) for name in ("a", "b")}
print(counts)
pairs = [sorted(locals()) for k, v in {"x": 1}.items() if k]
print([p[-3:] for p in pairs])
print("p" in globals(), "k" in globals())


class Catalog:
    items = ["pen", "ink"]
    seen = [sorted(locals()) for item in items]
    sizes = {item: len(locals()) for item in items}


print(Catalog.seen)
print(Catalog.sizes)
del views
gc.collect()
print(gc.get_count())
