# class A(*bases) and class A(**options): the call goes through
# CALL_FUNCTION_EX; the options dict, the unpacked names and
# __build_class__'s own dict each hold the values while the body runs.
import sys, gc

class Shape:
    def __init_subclass__(cls, sides=0, **kw):
        super().__init_subclass__(**kw)
        cls.sides = sides
        print("hook", cls.__name__, sides, sys.getrefcount(options))


class Named:
    pass

options = {"sides": 3}
mixins = [Shape, Named]
gc.collect()
n0 = gc.get_count()[0]

class Triangle(*mixins, **options):
    print("body", sys.getrefcount(options), sys.getrefcount(mixins))

class Square(*mixins, sides=4):
    pass

class Blob(*mixins):
    pass

print(Triangle.__bases__, Triangle.sides, Square.sides, Blob.sides)
print(Triangle.__mro__)
print(sys.getrefcount(options), sys.getrefcount(mixins), gc.get_count()[0] - n0)
bases = (Named,)
class Simple(*bases, metaclass=type):
    pass
print(type(Simple), Simple.__bases__, Simple.__bases__ is bases)
