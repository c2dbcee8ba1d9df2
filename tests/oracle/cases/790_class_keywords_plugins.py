# A plugin registry the way tutorials write it: keywords after the bases of
# a class statement reach __init_subclass__, and the references the call
# path holds show while the body runs and inside the hook.
import sys, gc

class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls


label = "-".join(["csv", "export"])
gc.collect()
before = gc.get_count()[0]

class CsvExport(Plugin, name=label, priority=2):
    print("in the body:", sys.getrefcount(label))

class JsonExport(Plugin, priority=1):
    pass

class Plain(Plugin):
    pass

print(sorted(Plugin.registry))
print(CsvExport.plugin_name is label, CsvExport.priority, JsonExport.plugin_name, Plain.priority)
print(sys.getrefcount(label), gc.get_count()[0] - before)
print(sys.getsizeof(CsvExport) == sys.getsizeof(Plain), gc.is_tracked(CsvExport))
ranked = sorted(Plugin.registry.values(), key=lambda c: c.priority)
print([c.__name__ for c in ranked])
