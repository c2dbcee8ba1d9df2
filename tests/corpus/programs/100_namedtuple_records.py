from collections import namedtuple
import sys

Point = namedtuple("Point", ["x", "y"])
Employee = namedtuple("Employee", "name dept salary", defaults=[0])

p = Point(3, 4)
print(p, p.x + p.y, p[0], tuple(p))
print(p._asdict())
q = p._replace(y=10)
print(q, p)
print(Point._fields, Employee._field_defaults)
e = Employee("ann", "dev")
print(e, e.salary)
x, y = p
print(x, y, sys.getsizeof(p) == sys.getsizeof((3, 4)))
try:
    p.x = 5
except AttributeError as err:
    print("AttributeError:", err)
print(Point._make([7, 8]), isinstance(p, tuple))
