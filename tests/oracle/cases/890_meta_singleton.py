# The singleton pattern as books write it: a metaclass whose __call__
# hands back the one instance it made.
import sys


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, path="app.ini"):
        self.path = path
        self.values = {}


class Database(metaclass=Singleton):
    def __init__(self, url, *, pool=5):
        self.url = url
        self.pool = pool


a = Config()
b = Config("other.ini")
print(a is b, a.path, b.path)
d1 = Database("sqlite://", pool=2)
d2 = Database("postgres://")
print(d1 is d2, d1.url, d1.pool)
print(type(Config).__name__, isinstance(Config, Singleton), isinstance(Config, type))
print(len(Singleton._instances))
print("refcount of the instance:", sys.getrefcount(a))
print("refcount of the metaclass:", sys.getrefcount(Singleton))
print("refcount of the class:", sys.getrefcount(Config))
print("size of the metaclass:", sys.getsizeof(Singleton))
print("size of a class it made:", sys.getsizeof(Config))
print("size of an instance:", sys.getsizeof(a))
del a, b
print(sys.getrefcount(Singleton._instances[Config]))
