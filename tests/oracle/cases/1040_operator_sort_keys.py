import operator
from operator import itemgetter, attrgetter
students = [('alice', 'B', 15), ('bob', 'A', 12), ('carol', 'B', 10)]
print(sorted(students, key=itemgetter(2)))
print(sorted(students, key=itemgetter(1, 2)))
class S:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __repr__(self):
        return f"S({self.name!r})"
ss = [S('x', 3), S('y', 1)]
print(sorted(ss, key=attrgetter('grade')))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
print(operator.add(2, 3), operator.neg(5), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.contains([1, 2], 2), operator.getitem('abc', 1))
import functools
print(functools.reduce(operator.or_, [1, 2, 4]))
