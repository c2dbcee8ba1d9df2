# Class keywords go to the metaclass's __new__ and __init__, and on to
# __init_subclass__ when type.__new__ is given them.
class Meta(type):
    def __new__(mcs, name, bases, ns, **kwargs):
        print("__new__", name, sorted(kwargs))
        return super().__new__(mcs, name, bases, ns, **kwargs)

    def __init__(cls, name, bases, ns, **kwargs):
        print("__init__", name, kwargs)
        super().__init__(name, bases, ns)


class Base(metaclass=Meta):
    def __init_subclass__(cls, /, color="none", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.color = color
        print("__init_subclass__", cls.__name__, color)


class Red(Base, color="red"):
    pass


class Plain(Base):
    pass


print(Red.color, Plain.color, type(Red).__name__)
try:
    class Bad(Base, colour="blue"):
        pass
except TypeError as e:
    print("TypeError:", e)
