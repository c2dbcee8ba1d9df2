# Class decorators that register classes in a dict: a pattern from plugin systems.
REGISTRY = {}


def register(name):
    def deco(cls):
        REGISTRY[name] = cls
        cls.plugin_name = name
        return cls
    return deco


def add_describe(cls):
    def describe(self):
        return f"<{cls.__name__} plugin {self.plugin_name}>"
    cls.describe = describe
    return cls


@add_describe
@register("csv")
class CsvExporter:
    def export(self, rows):
        return "\n".join(",".join(map(str, r)) for r in rows)


@add_describe
@register("json")
class JsonExporter:
    def export(self, rows):
        return str([list(r) for r in rows])


rows = [(1, "a"), (2, "b")]
for key in sorted(REGISTRY):
    exporter = REGISTRY[key]()
    print(exporter.describe())
    print(exporter.export(rows))
