# sys.getsizeof(object, default): the default only answers for objects
# whose __sizeof__ fails; every built-in object knows its size.
import sys

things = [0, 2**40, 1.5, "", "hello", b"", (), (1, 2), [], {}, set()]
for t in things:
    print(type(t).__name__, sys.getsizeof(t), sys.getsizeof(t, -1), sys.getsizeof(object=t),
          sys.getsizeof(t, default=0))

def show(call):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)

show(lambda: sys.getsizeof())
show(lambda: sys.getsizeof(1, object=2))
show(lambda: sys.getsizeof(1, 2, 3))
show(lambda: sys.getsizeof(obj=1))
show(lambda: sys.getsizeof(1, defaul=0))
show(lambda: sys.getsizeof(default=0))
