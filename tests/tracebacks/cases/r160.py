# Comparing a date with a string read from "input".
from datetime import date, timedelta

today = date(2024, 3, 15)
week = [today + timedelta(days=i) for i in range(7)]
print(week[-1])
if week[-1] > "2024-03-20":
    print("late")
