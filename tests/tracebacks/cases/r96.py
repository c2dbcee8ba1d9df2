# A plugin hook that rejects a subclass: the traceback goes from the class
# statement into __init_subclass__.
class Plugin:
    def __init_subclass__(cls, /, name, **kwargs):
        if not name.isidentifier():
            raise ValueError(f"bad plugin name {name!r}")
        super().__init_subclass__(**kwargs)
        cls.name = name


class Good(Plugin, name="good"):
    pass


class Bad(Plugin, name="not ok"):
    def run(self):
        return 1
