def area(width: float, height: float = 1.0) -> float:
    """Area of a rectangle."""
    return width * height


print(area.__name__, area.__qualname__)
print(area.__doc__)
print(area.__defaults__)
print(area.__annotations__)
print(area.__code__.co_argcount, area.__code__.co_varnames)
area.unit = "m2"
print(area.__dict__)

class Shape:
    def perimeter(self):
        pass

print(Shape.perimeter.__qualname__)
print(callable(area), callable(Shape), callable(42))
print(type(area).__name__, type(Shape().perimeter).__name__)
import inspect
print(inspect.signature(area))
