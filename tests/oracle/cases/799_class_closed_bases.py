# Some built-in types cannot be subclassed: CPython's best_base refuses a
# base without Py_TPFLAGS_BASETYPE, after the class body has run.
def handler(): pass

for base in (bool, type(None), range, type(len), type(handler), type(...), type(NotImplemented)):
    try:
        class Custom(base):
            print("body runs for", base.__name__)
    except TypeError as err:
        print(err)

class Flag(int):
    pass
print(Flag(1) == True, isinstance(Flag(0), int), Flag.__mro__)
