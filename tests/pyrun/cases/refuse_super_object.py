# super() kept as an object is refused; super().name runs.
class Base:
    def hello(self):
        return "hello"


class Child(Base):
    def hello(self):
        return super().hello() + "!"

    def keep(self):
        return super()


c = Child()
print(c.hello())
s = c.keep()
