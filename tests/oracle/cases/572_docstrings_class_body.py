# Docstrings live in __doc__; 3.13 strips their indentation when compiling,
# and records where a class starts and which self.attributes its methods set.
def area(w, h):
    """Return the area of a rectangle.

    Both sides must be positive:
        w -- the width
    \th -- the height
    """
    return w * h


class Rectangle:
    """A rectangle.

        It knows its width and height.
    """

    def __init__(self, w, h):
        self.w, self.h = w, h
        self._area = None

    def grow(self, by):
        self.w += by                    # an augmented store is not counted
        self.scale: float = 1.0


print(repr(area.__doc__))
print(repr(Rectangle.__doc__))
print(len(Rectangle.__doc__), Rectangle.__dict__["__doc__"] is Rectangle.__doc__)
print(getattr(Rectangle, "__static_attributes__", "(not recorded before 3.13)"))
print(getattr(Rectangle, "__firstlineno__", "(not recorded before 3.13)"))
print([k for k in Rectangle.__dict__ if k.startswith("__")])
