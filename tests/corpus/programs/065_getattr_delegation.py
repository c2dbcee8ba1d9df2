class LoggingProxy:
    def __init__(self, target):
        self._target = target
        self._log = []

    def __getattr__(self, name):
        self._log.append(name)
        return getattr(self._target, name)


items = LoggingProxy([3, 1, 2])
items.append(0)
items.sort()
print(items._target)
print(items._log)
print(items.count(1), items._log[-1])
try:
    items.missing
except AttributeError as e:
    print("AttributeError:", e)


class Settings:
    def __init__(self, **values):
        self.__dict__["_values"] = values

    def __getattr__(self, name):
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        print(f"set {name} = {value!r}")
        self._values[name] = value

s = Settings(debug=True)
s.level = 3
print(s.debug, s.level, getattr(s, "color", "none"))
