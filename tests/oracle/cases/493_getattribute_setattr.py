# __getattribute__ sees every lookup; __setattr__ every assignment.
class Audited:
    def __init__(self, x):
        self.x = x

    def __setattr__(self, name, value):
        print("set", name, "=", value)
        super().__setattr__(name, value)

    def __getattribute__(self, name):
        if name.startswith("secret"):
            return "hidden"
        return object.__getattribute__(self, name)

    def show(self):
        return self.x


a = Audited(1)
a.y = 2
print(a.x, a.y, a.secret_key, a.show())
print(sorted(a.__dict__))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)


class ReadOnly:
    def __init__(self, value):
        object.__setattr__(self, "value", value)

    def __setattr__(self, name, value):
        raise AttributeError("read-only: " + name)

    def __delattr__(self, name):
        raise AttributeError("cannot delete " + name)


r = ReadOnly(5)
print(r.value)
try:
    r.value = 6
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.value
except AttributeError as e:
    print("AttributeError:", e)
object.__delattr__(r, "value")
print(hasattr(r, "value"))


class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "fallback for " + name


b = Both()
b.real = 1
print(b.real, b.boom, b.other)
