# A plugin registry: the metaclass's __new__ records every subclass.
import sys
import gc


class PluginMeta(type):
    registry = {}

    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:  # not the base class itself
            mcs.registry[name.lower()] = cls
        return cls


class Plugin(metaclass=PluginMeta):
    def run(self):
        return f"{type(self).__name__} running"


class CsvExport(Plugin):
    pass


class JsonExport(Plugin):
    def run(self):
        return "json!"


for key in sorted(PluginMeta.registry):
    plugin = PluginMeta.registry[key]()
    print(key, plugin.run())

print(type(CsvExport) is PluginMeta, CsvExport.__mro__)
print(sys.getrefcount(PluginMeta), sys.getrefcount(CsvExport), sys.getrefcount(Plugin))
print(gc.is_tracked(CsvExport), sys.getsizeof(CsvExport), sys.getsizeof(PluginMeta))
del PluginMeta.registry["csvexport"]
print(sys.getrefcount(CsvExport))
del CsvExport
print("collected:", gc.collect())
print(sys.getrefcount(PluginMeta))
