# getattr, setattr, hasattr and delattr on slotted and plain objects.
class Config:
    __slots__ = ("debug", "level")

    def __init__(self):
        self.debug = False


class Bag:
    pass


c = Config()
b = Bag()
for obj in (c, b):
    setattr(obj, "level", 3)
    print(type(obj).__name__, getattr(obj, "level"), hasattr(obj, "debug"), getattr(obj, "debug", None))
    try:
        setattr(obj, "color", "red")
        print("color set:", getattr(obj, "color"))
    except AttributeError as e:
        print("AttributeError:", e)
    delattr(obj, "level")
    print(hasattr(obj, "level"))
    try:
        delattr(obj, "level")
    except AttributeError as e:
        print("AttributeError:", e)
print(c.debug, b.__dict__)
