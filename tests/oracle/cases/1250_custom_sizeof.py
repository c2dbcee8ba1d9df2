# A memory tutorial: teach sys.getsizeof about what your object owns
import sys


class Buffer:
    """A fixed-size byte buffer that reports its payload to getsizeof."""

    def __init__(self, n):
        self.data = bytearray(n)

    def __sizeof__(self):
        return object.__sizeof__(self) + len(self.data)


class Plain:
    def __init__(self, n):
        self.data = bytearray(n)


for n in (0, 16, 1024):
    b, p = Buffer(n), Plain(n)
    print(f"n={n:5}  custom={sys.getsizeof(b):5}  plain={sys.getsizeof(p):5}")

# the header getsizeof adds is what the class's instances carry before the object
print(sys.getsizeof(Buffer(8)) - Buffer(8).__sizeof__())


class Tagged(Buffer):
    def __sizeof__(self):
        return super().__sizeof__() + 1


print(sys.getsizeof(Tagged(10)))


class Broken:
    def __init__(self, answer):
        self.answer = answer

    def __sizeof__(self):
        return self.answer


for answer in (-1, 2.5, "big", True):
    try:
        print(answer, sys.getsizeof(Broken(answer)))
    except (TypeError, ValueError) as e:
        print(answer, type(e).__name__, e)
    print("  with default:", sys.getsizeof(Broken(answer), "n/a") if answer != -1 else "skipped")
