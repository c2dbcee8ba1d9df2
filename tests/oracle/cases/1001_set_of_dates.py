# Dates and times in sets and as dict keys: their hashes are CPython's
# (bytes of the packed fields), so a set iterates in CPython's order.
from datetime import date, datetime, time, timedelta

visits = [date(2024, 5, d) for d in (3, 1, 4, 1, 5, 9, 2, 6, 5, 3)]
unique = set(visits)
print(len(unique), sorted(unique)[0], sorted(unique)[-1])
print(list(unique))
print(list({time(h, 0) for h in (9, 12, 17, 9)}))
print(list({timedelta(minutes=m) for m in (15, 30, 45, 15)}))
print(list({datetime(2024, 1, 1, h) for h in range(4)}))
counts = {}
for v in visits:
    counts[v] = counts.get(v, 0) + 1
print(counts[date(2024, 5, 1)], max(counts, key=counts.get), hash(date(2024, 5, 1)) == hash(date(2024, 5, 1)))
print(date(2024, 5, 1) in unique, date(2024, 5, 7) in unique, frozenset(unique) == unique)
