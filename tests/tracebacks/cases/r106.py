class Base:
    def __init_subclass__(cls, **kw):
        if cls.__name__ != "Ok":
            raise TypeError("no " + cls.__name__)

def deco(c):
    return c

class Ok(Base): pass

def one():
    class A(Base): x = 1

def two():
    @deco
    class B(Base):
        """doc"""

def three():
    class C(
        Base,
    ):
        y = 2  # trailing comment

        # more
for f in (one, two, three):
    try:
        f()
    except TypeError as e:
        print("caught", e)
three()
