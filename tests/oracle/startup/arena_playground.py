# compare: 5
# The sandbox arena-playground (exercises/ch01) with the allocator's report at the end.
import sys

# Watch the arena map: which pools fill, and which arenas empty again?
# Watch the memory chart: what does each phase add, and what does it give back?
small = [bytes(50) for i in range(50000)]    # 83 bytes each: 96-byte blocks
large = [bytes(600) for i in range(5000)]    # 633 bytes each: over 512, from malloc
keep = small[::100]                          # a few survivors in every pool
small = None
large = None
print(len(keep), "survivors;", sys.getsizeof(keep[0]), "bytes each")
# Try: keep = None, or change the sizes around 479 and 480.
sys._debugmallocstats()
