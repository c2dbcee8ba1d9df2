# Durations with timedelta: a timesheet, averages, rounding, str and repr.
from datetime import timedelta

sessions = [timedelta(hours=1, minutes=45), timedelta(minutes=50), timedelta(hours=2, seconds=30),
            timedelta(minutes=17, seconds=5), timedelta(hours=3, minutes=3)]
total = timedelta()
for s in sessions:
    total += s
print("total:", total, repr(total))
print("average:", total / len(sessions))
print("hours:", total.total_seconds() / 3600, total // timedelta(hours=1), total % timedelta(hours=1))
print("longest:", max(sessions), "shortest:", min(sessions), sorted(sessions)[2])
print(timedelta(days=1, hours=-1), -timedelta(minutes=5), abs(timedelta(seconds=-90)), timedelta(weeks=2))
print(timedelta(hours=1.5), timedelta(days=0.25), timedelta(seconds=1.0000015), timedelta(milliseconds=250))
print(total * 2, 3 * timedelta(minutes=20), timedelta(hours=1) * 1.25, timedelta(hours=1) / 8)
print(timedelta(days=2, seconds=5).days, timedelta(days=2, seconds=5).seconds, timedelta(microseconds=7).microseconds)
print(timedelta(hours=25), timedelta(seconds=-1), repr(timedelta(0)), repr(timedelta(microseconds=-5)))
print(timedelta(minutes=90) == timedelta(hours=1.5), timedelta(1) > timedelta(hours=23), bool(timedelta(0)))
budget = timedelta(hours=8)
print("over budget" if total > budget else "within budget", budget - total)
