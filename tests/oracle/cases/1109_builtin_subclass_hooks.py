# __init_subclass__ and __class_getitem__ on a class built on a built-in.
class Plugin(dict):
    registry = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls)

class Csv(Plugin, name="csv"):
    pass

class Json(Plugin):
    pass

print([c.plugin_name for c in Plugin.registry])
c = Csv(sep=",")
print(c, c.plugin_name, type(c).__name__)

class TypedList(list):
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item.__name__}"

print(TypedList[int], TypedList[str])
print(TypedList([1, 2]) + [3])

class Vec(tuple):
    def __init_subclass__(cls, dims=2, **kw):
        super().__init_subclass__(**kw)
        cls.dims = dims

class Vec3(Vec, dims=3):
    pass

print(Vec3.dims, Vec3((1, 2, 3)), len(Vec3((1, 2, 3))))
try:
    class Bad(Plugin, colour="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
