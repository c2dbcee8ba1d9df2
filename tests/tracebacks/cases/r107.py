class Base:
    def __init_subclass__(cls, **kw):
        raise TypeError("no subclasses")

def make():
    class Broken(Base):
        x = 1
        def f(self):
            return 2
    return Broken

make()
