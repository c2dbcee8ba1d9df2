# A Flag of weekdays for a recurring event, matched against real dates.
from datetime import date, timedelta
from enum import Flag, auto


class Days(Flag):
    MON = auto()
    TUE = auto()
    WED = auto()
    THU = auto()
    FRI = auto()
    SAT = auto()
    SUN = auto()
    WEEKDAYS = MON | TUE | WED | THU | FRI
    WEEKEND = SAT | SUN


def flag_of(d):
    return list(Days)[d.weekday()]


gym = Days.MON | Days.WED | Days.FRI
print(gym, repr(gym), len(gym), [d.name for d in gym])
print(Days.WEEKEND, Days.WEEKDAYS.value, Days.WEEKEND in Days.WEEKDAYS, Days.SAT in Days.WEEKEND)
print(gym & Days.WEEKDAYS == gym, ~gym, Days.WEEKDAYS ^ gym)
day = date(2024, 4, 1)
while day < date(2024, 4, 15):
    f = flag_of(day)
    if f in gym:
        print(day.strftime("%a %d"), f.name)
    day += timedelta(days=1)
print(Days(96), Days(31) is Days.WEEKDAYS, list(Days.WEEKEND), bool(gym & Days.WEEKEND))
