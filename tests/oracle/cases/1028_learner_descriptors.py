class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)
class Product:
    price = Positive()
    weight = Positive()
    def __init__(self, name, price, weight):
        self.name = name
        self.price = price
        self.weight = weight
p = Product("widget", 9.99, 0.5)
print(p.price, p.weight, vars(p), type(Product.price).__name__)
try:
    p.price = -1
except ValueError as e:
    print(e)
class Proxy:
    def __init__(self, target):
        self._target = target
        self.calls = []
    def __getattr__(self, name):
        self.calls.append(name)
        return getattr(self._target, name)
lst = Proxy([3, 1, 2])
lst.append(0)
lst.sort()
print(lst._target, lst.calls)
try:
    lst.missing
except AttributeError as e:
    print("AttributeError:", e)
class Record:
    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"private name {name}")
        super().__setattr__(name, value)
    def __repr__(self):
        return "Record(" + ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items()) + ")"
r = Record(a=1, b="two")
print(r, getattr(r, "a"), getattr(r, "z", None), hasattr(r, "b"))
try:
    r._secret = 1
except AttributeError as e:
    print(e)
delattr(r, "a")
print(r)
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
double = Multiplier(2)
print(double(21), list(map(double, [1, 2])), callable(double), callable(3))
class Registry:
    plugins = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[key or cls.__name__.lower()] = cls
class CSV(Registry, key="csv"):
    pass
class JSON(Registry):
    pass
print(Registry.plugins)
