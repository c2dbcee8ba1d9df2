# A learner's date arithmetic that walks off the end of February.
from datetime import date


def due_date(year, month, day):
    return date(year, month, day)


print(due_date(2024, 2, 29))
print(due_date(2023, 2, 29))
