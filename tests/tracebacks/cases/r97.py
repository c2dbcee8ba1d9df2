# A keyword nobody takes: object.__init_subclass__ says so, named by the
# class's qualified name, from inside the hook that passed it on.
def make():
    class Base:
        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)

    class Leaf(Base, colour="red"):
        pass
    return Leaf


make()
