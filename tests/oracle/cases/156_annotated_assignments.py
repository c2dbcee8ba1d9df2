import sys
import gc

MAX_USERS: int = 100
ratio: float
names: list = ["ada", "linus"]
(wrapped): int = 3
print(__annotations__)
print(MAX_USERS, names, wrapped)
try:
    print(ratio)
except NameError as e:
    print("NameError:", e)


class Config:
    debug: bool = False
    retries: int = 3
    timeout: float

    def __init__(self):
        self.level: int = 1
        count: int = 0
        self.level += count


c = Config()
print(Config.__annotations__, c.level, Config.debug)


def f():
    total: int
    try:
        return total
    except NameError as e:
        return type(e).__name__


print(f())
gc.collect()
print(sys.getrefcount(__annotations__), gc.is_tracked(__annotations__), len(__annotations__))
d = {}
d["k"]: str = "v"
print(d)
