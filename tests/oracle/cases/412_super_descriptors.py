# super() reaching a property, a classmethod and a staticmethod of the base class.
class Base:
    @property
    def size(self):
        return 10
    @classmethod
    def make(cls):
        return cls.__name__
    @staticmethod
    def helper():
        return "h"
class Child(Base):
    @property
    def size(self):
        return super().size + 1
    @classmethod
    def make(cls):
        return "child of " + Base.make()
    def run(self):
        return super().helper()
c = Child()
print(c.size, Child.make(), c.make(), c.run())
