# What a list of timestamps costs, measured with tracemalloc: each naive
# datetime is allocated without room for a tzinfo pointer.
import tracemalloc
from datetime import date, datetime, time, timedelta

tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
stamps = [datetime(2024, 1, 1, h % 24, m % 60) for h in range(10) for m in range(100)]
tracemalloc.reset_peak()
current, peak = tracemalloc.get_traced_memory()
print("1000 datetimes:", current - base, peak - base)
days = [date(2024, 1, 1) + timedelta(days=i) for i in range(500)]
tracemalloc.reset_peak()
print("and 500 dates:", tracemalloc.get_traced_memory()[0] - base)
alarms = [time(h, 30) for h in range(24)]
gaps = [b - a for a, b in zip(stamps, stamps[1:])]
tracemalloc.reset_peak()
print("and alarms and gaps:", tracemalloc.get_traced_memory()[0] - base, len(gaps))
del stamps, gaps
tracemalloc.reset_peak()
print("after del:", tracemalloc.get_traced_memory()[0] - base)
tracemalloc.stop()
