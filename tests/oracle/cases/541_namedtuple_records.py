# Records as namedtuples, as tutorials build them from rows: the memory a
# namedtuple costs next to a dict and a class instance, creating them by
# position, keyword and _make, and a subclass that adds a method.
import gc
import sys
from collections import namedtuple

Employee = namedtuple("Employee", "name dept salary", defaults=[50000])
rows = [("ada", "eng", 120000), ("grace", "eng", 110000), ("linus", "ops", 90000)]
gc.collect()
staff = [Employee._make(row) for row in rows]
staff.append(Employee("ken", "ops"))
staff.append(Employee(dept="eng", name="barbara", salary=99000))
gc.collect()
print(gc.get_count())
new_hire = Employee("guido", "eng")
print(gc.get_count())
print(new_hire, new_hire.salary, Employee._field_defaults)
print("namedtuple:", sys.getsizeof(new_hire), "tuple:", sys.getsizeof(tuple(new_hire)),
      "dict:", sys.getsizeof(new_hire._asdict()))


class Plain:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary


obj = Plain("ada", "eng", 120000)
print("instance:", sys.getsizeof(obj), "+ its __dict__:", sys.getsizeof(obj.__dict__))
by_dept = {}
for e in sorted(staff, key=lambda e: (e.dept, -e.salary)):
    by_dept.setdefault(e.dept, []).append(e.name)
print(by_dept)
name, dept, salary = staff[0]
print(name, dept, salary, staff[0][2], staff[0] == ("ada", "eng", 120000), staff[0].index("eng"))
raised = [e._replace(salary=e.salary + 1000) for e in staff if e.dept == "ops"]
print(raised)
print(sys.getrefcount(staff[0]), gc.is_tracked(staff[0]), gc.is_tracked(Employee(1, 2, 3)))


class Point(namedtuple("Point", ["x", "y"])):
    __slots__ = ()

    def dist(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


a, b = Point(0, 0), Point(3, 4)
print(a, b, a.dist(b), sys.getsizeof(b), isinstance(b, tuple), Point._fields, Point.__mro__[1].__name__)
try:
    b.x = 10
except AttributeError as e:
    print("AttributeError:", e)
try:
    Employee("only-name")
except TypeError as e:
    print("TypeError:", e)
del staff, raised, new_hire
print(gc.collect())
