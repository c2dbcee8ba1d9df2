# time objects for opening hours: comparisons, replace, isoformat and
# fromisoformat, min/max, errors for impossible times.
from datetime import time

opening = {"Mon": (time(9), time(17, 30)), "Sat": (time(10), time(14)), "Sun": (time(12), time(12))}
now = time(13, 45)
for day, (start, end) in opening.items():
    is_open = start <= now < end
    print(day, start, end, repr(start), "open" if is_open else "closed")
print(time.fromisoformat("08:15"), time.fromisoformat("08:15:30.5"[:8]), time.fromisoformat("23:59:59.999999"))
print(now.replace(minute=0), now.hour, now.minute, now.second, now.microsecond, now.tzinfo, now.fold)
print(time.min, time.max, time.resolution, min(t for pair in opening.values() for t in pair))
print(sorted([time(23), time(0, 1), time(12, 0, 0, 1)]), time(12) == time(12, 0, 0), time(6) < time(6, 0, 1))
for h, m in [(24, 0), (12, 60), (-1, 0)]:
    try:
        time(h, m)
    except ValueError as e:
        print("ValueError:", e)
