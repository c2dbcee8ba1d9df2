def tracing(name, bases, ns):
    print("making", name)
    return type(name, bases, ns)

print("before")
class Shape(metaclass=tracing):
    sides = 0
