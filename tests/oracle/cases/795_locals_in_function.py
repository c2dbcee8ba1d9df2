# locals() inside a function: on 3.11 and 3.12 the frame keeps one dict and
# every call refreshes it (so the dict ends up holding itself); on 3.13
# each call is a new snapshot (PEP 667).  The refcounts show which.
import sys, gc

def describe(name, age=30):
    hobbies = ["chess", "go"]
    tag = "-".join([name, "x"])
    first = locals()
    print(sorted(first), first["age"], first["hobbies"] is hobbies)
    print("refs:", sys.getrefcount(first), sys.getrefcount(hobbies), sys.getrefcount(tag))
    second = locals()
    print("same dict:", second is first, sorted(second))
    print("refs now:", sys.getrefcount(hobbies), len(first))
    return first

gc.collect()
before = gc.get_count()[0]
result = describe("ann")
print(sorted(result), sys.getrefcount(result), gc.get_count()[0] - before)
del result
print("collected:", gc.collect())
