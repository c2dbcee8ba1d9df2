# What an exception remembers: AttributeError keeps the object it was
# raised for (e.obj) and the name it looked up; NameError keeps the name.
# The object stays alive as long as the exception does.
import sys


class Config:
    def __init__(self):
        self.debug = False


cfg = Config()
print("refs before:", sys.getrefcount(cfg))
try:
    cfg.verbose
except AttributeError as err:
    print(err)
    print("name:", err.name, "| obj is cfg:", err.obj is cfg)
    print("refs while handled:", sys.getrefcount(cfg))
    saved = err
print("refs after (saved):", sys.getrefcount(cfg))
del saved
print("refs after del:", sys.getrefcount(cfg))

try:
    totl = total
except NameError as err:
    print(err, "->", repr(err.name))

def count_up():
    n += 1

try:
    count_up()
except UnboundLocalError as err:
    print(type(err).__name__, repr(err.name))

for cls in (Exception, KeyError, AttributeError, NameError, UnboundLocalError):
    print(cls.__name__, sys.getsizeof(cls("x")))
