# Special methods on a metaclass act on its classes, as the "classes are
# objects too" chapters show: a plugin registry you can len(), iterate and
# index, a readable repr for the class, and duck-typed isinstance().
import gc
import sys


class PluginMeta(type):
    registry = []

    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:
            mcs.registry.append(cls)
        return cls

    def __len__(cls):
        return len(cls.commands)

    def __iter__(cls):
        return iter(cls.commands)

    def __contains__(cls, name):
        return name in cls.commands

    def __getitem__(cls, name):
        return cls.commands[name]

    def __repr__(cls):
        return f"<plugin {cls.__name__}: {', '.join(cls.commands) or 'no commands'}>"


class Plugin(metaclass=PluginMeta):
    commands = {}


class Git(Plugin):
    commands = {"commit": "record changes", "push": "send changes"}


class Empty(Plugin):
    commands = {}


print(PluginMeta.registry)
print(len(Git), list(Git), "push" in Git, "pull" in Git)
print(Git["commit"])
print(Git, Empty, str(Git))
print(bool(Git), bool(Empty), "Empty is falsy" if not Empty else "")
names = sorted(Git)
print(names, sys.getsizeof(list(Git)), sys.getsizeof([c for c in Git]))
print(type(Git).__name__, isinstance(Git, PluginMeta))
print("refcount of Git:", sys.getrefcount(Git))
print("size of the class:", sys.getsizeof(Git) == sys.getsizeof(Empty))


class Quacks(type):
    def __instancecheck__(cls, obj):
        return callable(getattr(obj, "quack", None))

    def __subclasscheck__(cls, sub):
        return callable(getattr(sub, "quack", None))


class Duck(metaclass=Quacks):
    pass


class Robot:
    def quack(self):
        return "beep"


class Stone:
    pass


print(isinstance(Robot(), Duck), isinstance(Stone(), Duck), isinstance(Duck(), Duck))
print(issubclass(Robot, Duck), issubclass(Stone, Duck), issubclass(Stone, (int, Duck)))
print(isinstance(5, (str, Duck)))
gc.collect()
r = Robot()
print("refcount of the robot:", sys.getrefcount(r))
print(isinstance(r, Duck))
print("after the check:", sys.getrefcount(r))
