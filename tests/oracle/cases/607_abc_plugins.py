# A plugin registry built on an ABC: an abstract property, an abstract
# classmethod, a partial implementation left abstract, and the collector
# around the classes and their instances.
import gc
import sys
from abc import ABC, abstractmethod

registry = []


class Plugin(ABC):
    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @abstractmethod
    def run(self, data):
        ...

    def __repr__(self):
        return "<plugin %s>" % self.name


class Upper(Plugin):
    name = "upper"

    @classmethod
    def create(cls):
        return cls()

    def run(self, data):
        return data.upper()


class Reverse(Plugin):
    @property
    def name(self):
        return "reverse"

    @classmethod
    def create(cls):
        return cls()

    def run(self, data):
        return data[::-1]


class Unfinished(Plugin):
    @property
    def name(self):
        return "unfinished"


gc.collect()
print(gc.get_count())
for cls in (Upper, Reverse, Unfinished):
    try:
        p = cls.create()
        registry.append(p)
        print(p, p.run("memory"))
    except TypeError as e:
        print("TypeError:", e)
print(registry, len(registry))
print(sorted(Unfinished.__abstractmethods__), sorted(Plugin.__abstractmethods__))
print(gc.get_count())
a = Upper()
b = Upper()
a.partner = b
b.partner = a
print(sys.getrefcount(a), sys.getsizeof(a), gc.is_tracked(a))
del a, b
print(gc.collect())
print(gc.collect())
