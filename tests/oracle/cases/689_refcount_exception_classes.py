# Built-in exception classes are static types: shared by the whole
# interpreter (and immortal from 3.12 on).
import sys


class AppError(ValueError):
    pass


err = AppError("bad")
print(isinstance(err, ValueError), type(err).__mro__[1:3])
print(sys.getrefcount(ValueError) > 2, sys.getrefcount(KeyError) > 2)
print(sys.getrefcount(ValueError))
