# Where does the memory go?  tracemalloc's top lines for records built as
# namedtuples: the instances are made inside the __new__ that namedtuple()
# compiles from a string, so CPython files them under '<string>'.
import tracemalloc
from collections import namedtuple

Employee = namedtuple("Employee", ["name", "age", "salary"])
tracemalloc.start()
staff = [Employee("emp%d" % i, 20 + i % 40, 1000 * i) for i in range(500)]
snapshot = tracemalloc.take_snapshot()
for stat in snapshot.statistics("lineno")[:3]:
    frame = stat.traceback[0]
    print(frame.filename.split("/")[-1], frame.lineno, stat.size, stat.count)
for stat in snapshot.statistics("filename"):
    print(str(stat).split("/")[-1])
tb = tracemalloc.get_object_traceback(staff[10])
print(tb, tb.format())
print(str(tracemalloc.get_object_traceback(staff[10].name)).split("/")[-1])
tracemalloc.stop()
