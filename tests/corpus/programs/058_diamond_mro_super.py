class Base:
    def __init__(self):
        print("Base.__init__")
        self.log = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__")
        super().__init__()
        self.log.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("Right.__init__")
        super().__init__()
        self.log.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Child(Left, Right):
    def __init__(self):
        print("Child.__init__")
        super().__init__()
        self.log.append("Child")


c = Child()
print(c.log)
print(c.hello())
print([k.__name__ for k in Child.__mro__])
print(Child.mro() == list(Child.__mro__))
print(super(Left, c).hello())
