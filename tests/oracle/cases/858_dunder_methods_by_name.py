# Special methods called by name, as books show them when they explain
# operator overloading and sys.getsizeof.
import sys

numbers = [3, 1, 2]
table = {'a': 1}
seen = {1, 2}

# __sizeof__ is what getsizeof starts from; getsizeof adds the GC header
print(numbers.__sizeof__(), sys.getsizeof(numbers))
print(table.__sizeof__(), sys.getsizeof(table))
print(seen.__sizeof__(), sys.getsizeof(seen))
print((1, 2).__sizeof__(), ().__sizeof__(), 'ab'.__sizeof__(), (5).__sizeof__(), (2**40).__sizeof__())
print((1.5).__sizeof__(), None.__sizeof__(), b'xyz'.__sizeof__(), bytearray(b'xy').__sizeof__())


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ('x', 'y')


class AppError(Exception):
    pass


p = Point(1, 2)
print(sys.getsizeof(p), p.__sizeof__())
print(sys.getsizeof(Slotted()), Slotted().__sizeof__())
print(sys.getsizeof(AppError()), AppError().__sizeof__(), ValueError('x').__sizeof__())
print(type.__sizeof__(Point) == sys.getsizeof(Point) - 16)

# the operators' own methods: each tries its own type only
print((3).__add__(4), (3).__add__(1.5), (3.0).__radd__(1), (3).__radd__(4))
print((7).__truediv__(2), (7).__floordiv__(2), (7).__mod__(3), (7).__divmod__(2), (2).__pow__(10), (3).__pow__(2, 5))
print((1).__eq__(1.0), (1.0).__eq__(1), (1).__lt__(2), 'a'.__eq__(1), [1].__eq__((1,)))
print({1}.__le__({1, 2}), {1}.__eq__(frozenset({1})), {}.__eq__({}), {}.__lt__({}))
print(True.__and__(True), True.__and__(3), (6).__and__(3), True.__or__(False), True.__xor__(1.0))
print('ab'.__add__('c'), 'ab'.__mul__(3), 'ab'.__rmul__(2), '%s!'.__mod__('hi'), '%s'.__rmod__(3))
print([1].__add__([2]), [1].__mul__(2), (1,).__add__((2,)), (1,).__rmul__(3))
print({1, 2}.__or__({3}), {1, 2}.__and__({2}), {1, 2}.__sub__({1}), {1}.__xor__({2}), {1}.__or__([2]))
print({'a': 1}.__or__({'b': 2}), {'a': 1}.__or__([('b', 2)]))
print((5).__neg__(), (5).__invert__(), (-5.5).__abs__(), (5).__pos__(), (0).__bool__(), (0.5).__bool__())
print((5).__int__(), (5.7).__int__(), True.__int__(), (5).__float__(), (5).__index__(), (5.5).__trunc__())
print((2.5).__round__(), (5.55).__round__(1), (15).__round__(-1), (5.5).__floor__(), (5.5).__ceil__())
print((5).__hash__(), (5.5).__hash__(), (1, 2).__hash__() == hash((1, 2)), None.__hash__() == hash(None))
print(numbers.__hash__, table.__hash__, seen.__hash__, frozenset().__hash__() == hash(frozenset()))

# the text methods
print((1).__repr__(), (1.5).__str__(), 'a'.__repr__(), None.__repr__(), True.__repr__(), True.__str__())
print(numbers.__str__(), numbers.__repr__(), table.__repr__(), seen.__repr__(), (1,).__repr__())
print((5).__format__('>4'), (3.14159).__format__('.2f'), 'x'.__format__('^5'), numbers.__format__(''))
try:
    numbers.__format__('x')
except TypeError as e:
    print(e)

# the containers' own methods
print(numbers.__getitem__(0), numbers.__getitem__(slice(1, 3)), table.__getitem__('a'))
print(table.__contains__('a'), seen.__contains__(3), list(numbers.__reversed__()), list(table.__reversed__()))
numbers.__iadd__([4])
numbers.__imul__(2)
print(numbers, len(numbers))

# object's own, when a class does not define them
print(p.__eq__(p), p.__eq__(Point(1, 2)), p.__ne__(p), p.__lt__(p))
print(p.__str__() == p.__repr__(), p.__repr__().startswith('<__main__.Point object at 0x'))
print(p.__format__('') == repr(p), None.__eq__(None), None.__ne__(1))
print(object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2), object.__lt__(1, 2))
print(object.__repr__(numbers)[:13], object.__str__([1]), object.__format__([1], ''))
