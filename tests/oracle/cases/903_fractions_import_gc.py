# What importing fractions (decimal, numbers, re and what they need) costs
# the collector from a clean start, and a Fraction's own footprint after.
import gc
import sys

gc.collect()
import fractions
print(gc.get_count())
print(gc.collect())
half = fractions.Fraction(1, 2)
print(half, sys.getsizeof(half), gc.is_tracked(half), sys.getrefcount(half))
third = fractions.Fraction("1/3")
total = half + third
print(total, type(total).__name__, sys.getsizeof(total))
gc.collect()
print(gc.get_count(), gc.collect())
