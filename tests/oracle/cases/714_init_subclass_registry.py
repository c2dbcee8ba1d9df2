# A plugin registry: __init_subclass__ runs for every subclass as it is
# made (type.__new__ calls the hook found after the new class in its MRO).
import gc, sys
class Plugin:
    registry = {}
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[cls.__name__.lower()] = cls
        cls.slug = cls.__name__.lower()
class Csv(Plugin):
    pass
class Json(Plugin):
    def load(self):
        return "loaded " + type(self).slug
print(sorted(Plugin.registry), Csv.slug, Json().load())
print(type(Plugin.__dict__["__init_subclass__"]).__name__, Plugin.__init_subclass__)
gc.collect()
n = gc.get_count()[0]
class Yaml(Plugin):
    pass
print(gc.get_count()[0] - n, sys.getrefcount(Yaml))
class Base:
    def __init_subclass__(cls):
        print("new subclass", cls.__name__, cls.__mro__[1].__name__)
class Mid(Base):
    pass
class Leaf(Mid):
    def __init_subclass__(cls):
        print("leaf hook")
class Deeper(Leaf):
    pass
