# Where a class keeps its attributes: Cls.__dict__, a read-only mappingproxy.
import sys
import gc


class Config:
    """Application settings."""

    debug = False
    retries = 3
    hosts = ["alpha", "beta"]

    def __init__(self, name):
        self.name = name
        self.started = False

    def describe(self):
        return f"{self.name}: debug={self.debug}"


c = Config("web")
print(sorted(c.__dict__))
for key, value in Config.__dict__.items():
    if not callable(value) and not key.startswith("__"):
        print(key, "=", value)
print(list(Config.__dict__))
print("retries" in Config.__dict__, "name" in Config.__dict__, len(Config.__dict__))
print(Config.__dict__["retries"], Config.__dict__.get("timeout", 30))
print(Config.__dict__["__doc__"], Config.__dict__["__module__"])

proxy = Config.__dict__
print(type(proxy).__name__, sys.getsizeof(proxy), gc.is_tracked(proxy))
print(proxy is Config.__dict__, proxy == Config.__dict__, sys.getrefcount(proxy))
try:
    proxy["retries"] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    proxy["timeout"]
except KeyError as e:
    print("KeyError:", e)
Config.retries = 5                 # a class attribute changes through the class
print(proxy["retries"], c.retries)
print(repr(Config.__dict__["hosts"]), sys.getrefcount(Config.__dict__["hosts"]))
