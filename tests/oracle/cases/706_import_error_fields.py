# An ImportError tells you what failed: the module name, and from 3.12 the
# name you tried to import from it.
try:
    import yaml_that_is_not_installed
except ModuleNotFoundError as err:
    print(err)
    print(err.name, err.path, err.msg)

try:
    from sys import getrefcounts
except ImportError as err:
    print(err)
    print(err.name, err.path, getattr(err, "name_from", "(no name_from)"))

try:
    import sys
    sys.getrefcounts
except AttributeError as err:
    print(err)
    print(err.name, err.obj is sys)

import math
print(math.__name__, sys.__name__)
try:
    math.sqr(2)
except AttributeError as err:
    print(err)
