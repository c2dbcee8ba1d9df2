# A base class that checks its subclasses, and what the default hook
# (object.__init_subclass__) says to arguments.
class Strict:
    required = ()
    @classmethod
    def __init_subclass__(cls):
        missing = [n for n in cls.required if not hasattr(cls, n)]
        if missing:
            raise TypeError(f"{cls.__name__} lacks {missing}")
class Good(Strict):
    required = ("run",)
    def run(self):
        return 1
try:
    class Bad(Strict):
        required = ("run",)
except TypeError as e:
    print("TypeError:", e)
print(Good().run(), "Bad" in globals())
class Counted:
    count = 0
    def __init_subclass__(cls):
        super().__init_subclass__()
        Counted.count += 1
for i in range(3):
    class Tmp(Counted):
        pass
print(Counted.count, Counted.__init_subclass__.__func__ is Counted.__dict__["__init_subclass__"].__func__)
try:
    class X:
        def __init_subclass__(cls):
            super().__init_subclass__(extra=1)
    class Y(X):
        pass
except TypeError as e:
    print("TypeError:", e)
