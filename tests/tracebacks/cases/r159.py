# Adding a number to a date instead of a timedelta.
import datetime

start = datetime.date(2024, 3, 15)
deadline = start + 14
print(deadline)
