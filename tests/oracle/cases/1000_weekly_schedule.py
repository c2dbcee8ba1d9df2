# Building a schedule: a while loop over dates, a dict keyed by date,
# weekends skipped, a datetime for each slot.
from datetime import date, datetime, time, timedelta

start = date(2024, 2, 26)
end = date(2024, 3, 10)
schedule = {}
day = start
while day <= end:
    if day.weekday() < 5:
        schedule[day] = [datetime.combine(day, time(9)), datetime.combine(day, time(14, 30))]
    day += timedelta(days=1)

print(len(schedule), "working days")
for d, slots in list(schedule.items())[:6]:
    print(d.strftime("%a %d %b"), [s.strftime("%H:%M") for s in slots])
print(date(2024, 2, 29) in schedule, date(2024, 3, 2) in schedule, schedule[date(2024, 3, 8)][1])
first = min(slot for slots in schedule.values() for slot in slots)
last = max(slot for slots in schedule.values() for slot in slots)
print(first, last, last - first, (last - first).total_seconds())
by_week = {}
for d in schedule:
    by_week.setdefault(d.strftime("%W"), []).append(d.day)
print(by_week)
print(sorted(schedule)[-1].replace(day=1), datetime(2024, 3, 1, 9).time(), datetime(2024, 3, 1, 9).date())
