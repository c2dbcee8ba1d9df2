# What an Enum costs: the import from a clean collector, members as
# ordinary instances (size, tracking), a class whose members stay alive as
# long as the class does, and the collector once things settle.
import gc
import sys
gc.collect()
import enum

print("import enum:", gc.get_count())


class Weekday(enum.Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7

    def is_weekend(self):
        return self in (Weekday.SATURDAY, Weekday.SUNDAY)


gc.collect()
print(gc.get_count())
print(sys.getsizeof(Weekday.MONDAY), gc.is_tracked(Weekday.MONDAY), gc.is_tracked(Weekday))
print([d.name[:3] for d in Weekday if d.is_weekend()])
schedule = {}
for day in Weekday:
    schedule[day] = [] if day.is_weekend() else ["work"]
print(len(schedule), sys.getsizeof(schedule), schedule[Weekday.FRIDAY])
print(gc.collect())
print(gc.get_count())


def make_enum():
    class Temporary(enum.Enum):
        A = 1
        B = 2
    return Temporary.A.value


print(make_enum())
gc.collect()
print(gc.get_count())
print(Weekday.MONDAY.__objclass__ is Weekday, Weekday(3).name)
