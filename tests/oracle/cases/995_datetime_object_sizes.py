# How big is a date?  datetime's objects are small C structs: no __dict__,
# no GC header, never tracked by the collector.
import gc
import sys
from datetime import date, datetime, time, timedelta

d = date(2024, 3, 15)
t = time(9, 30)
dt = datetime(2024, 3, 15, 9, 30)
td = timedelta(hours=1, minutes=30)
for obj in (d, t, dt, td):
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj), sys.getrefcount(obj))

# the same date as other Python objects
print(sys.getsizeof((2024, 3, 15)), sys.getsizeof("2024-03-15"), sys.getsizeof(d))
print(hasattr(d, "__dict__"), type(d), type(td))
try:
    d.note = "holiday"
except AttributeError as e:
    print("AttributeError:", e)

same = d
print(sys.getrefcount(d), same is d, date(2024, 3, 15) is d, date(2024, 3, 15) == d)
days = [d] * 5
print(sys.getrefcount(d))
del days
print(sys.getrefcount(d), date.min, date.max, date.resolution)
print(datetime.min, datetime.max, time.max, timedelta.max, timedelta.min)
