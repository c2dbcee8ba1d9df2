"""Chapter 4: a cycle through an extension object, with and without GC support.

Each round makes a holder and a list that hold each other (holder -> list ->
holder), drops both names, and counts what one gc.collect() can find (the
automatic collector is off during the rounds, so that one call sees them all).  Prints,
per type: what gc.collect() returned, how many of the lists are still alive
afterwards, and whether the type is GC-capable.
"""
import gc
import sys

sys.path.insert(0, sys.argv[1])
import holder  # noqa: E402

ROUNDS = 1000


def live_lists(tag):
    return sum(1 for o in gc.get_objects() if type(o) is list and o and o[0] == tag)


for cls in (holder.Holder, holder.GcHolder):
    gc.collect()
    gc.disable()
    tag = "cycle-" + cls.__name__
    for _ in range(ROUNDS):
        h = cls()
        box = [tag, h]
        h.set(box)
    del h, box
    found = gc.collect()
    gc.enable()
    print(f"{cls.__name__}: gc.collect() found {found}, "
          f"lists still alive {live_lists(tag)} of {ROUNDS}, "
          f"is_tracked(instance) {gc.is_tracked(cls())}")
