# Parsing a log with datetime.strptime and measuring how long each job ran.
from datetime import datetime, timedelta

log = """2024-03-15 08:00:05 start backup
2024-03-15 08:47:31 end backup
2024-03-15 09:10:00 start report
2024-03-15 11:02:59 end report
2024-03-15 23:58:00 start cleanup
2024-03-16 00:03:15 end cleanup"""

started = {}
durations = {}
for line in log.splitlines():
    stamp, action, job = line.rsplit(" ", 2)
    when = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    if action == "start":
        started[job] = when
    else:
        durations[job] = when - started.pop(job)

for job, took in durations.items():
    print(f"{job:8} {took}  ({took.total_seconds():.0f} s)")
print("total", sum(durations.values(), timedelta()))
print(datetime.strptime("15/03/24 7:05 PM", "%d/%m/%y %I:%M %p"), datetime.strptime("March 5 2024", "%B %d %Y"))
print(datetime.strptime("2024-03-15T08:00:05.250", "%Y-%m-%dT%H:%M:%S.%f").isoformat())
try:
    datetime.strptime("2024-13-01", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
try:
    datetime.strptime("2024-03-15 extra", "%Y-%m-%d")
except ValueError as e:
    print("ValueError:", e)
