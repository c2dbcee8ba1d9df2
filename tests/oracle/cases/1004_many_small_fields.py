# "Objects with many small fields": the same calendar kept as date
# objects, tuples, strings and a class with __slots__, measured with
# sys.getsizeof (each object alone; shared ints not counted twice).
import sys
from datetime import date, timedelta

start = date(2024, 1, 1)
as_dates = [start + timedelta(days=i) for i in range(365)]
as_tuples = [(d.year, d.month, d.day) for d in as_dates]
as_strings = [d.isoformat() for d in as_dates]


class Day:
    __slots__ = ("year", "month", "day")

    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day


as_slots = [Day(d.year, d.month, d.day) for d in as_dates]
for name, items in [("date", as_dates), ("tuple", as_tuples), ("str", as_strings), ("slots", as_slots)]:
    each = sys.getsizeof(items[0])
    total = sum(sys.getsizeof(x) for x in items)
    print(f"{name:6} {each:3} bytes each, {total:6} for the year, list {sys.getsizeof(items)}")
print(as_dates[59], as_tuples[59], as_strings[59], as_slots[59].month)
print(sum(1 for d in as_dates if d.weekday() == 0), "Mondays", as_dates[-1] - as_dates[0])
