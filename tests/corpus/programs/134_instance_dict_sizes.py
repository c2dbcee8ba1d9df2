import sys


class User:
    def __init__(self, name, email):
        self.name = name
        self.email = email


class Empty:
    pass


u = User("ann", "ann@example.com")
print("instance:", sys.getsizeof(u))
print("empty instance:", sys.getsizeof(Empty()))
print("its __dict__:", sys.getsizeof(u.__dict__))
u.age = 30
u.city = "Oslo"
print("__dict__ after 2 more attributes:", sys.getsizeof(u.__dict__))
v = User("bob", "bob@example.com")
print("second instance __dict__:", sys.getsizeof(v.__dict__))
plain = {"name": "ann", "email": "ann@example.com"}
print("plain dict with the same keys:", sys.getsizeof(plain))


def greet():
    return "hi"


print("function:", sys.getsizeof(greet))
print("bound method:", sys.getsizeof(u.__init__))
print("lambda:", sys.getsizeof(lambda: 0))
