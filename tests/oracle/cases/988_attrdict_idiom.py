# The AttrDict idiom from tutorials: a dict whose keys read as attributes,
# with dict's own methods stored as the class's attribute hooks.
import sys


class AttrDict(dict):
    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__
    __delattr__ = dict.__delitem__


config = AttrDict(host="localhost", port=8080)
print(config.host, config.port)
config.debug = True
print(config, config["debug"], len(config))
del config.port
print(config, sys.getsizeof(config), sys.getrefcount(config))
print(AttrDict.__getattr__)
try:
    config.missing
except KeyError as e:
    print("KeyError:", e)
for i in range(3):
    config.count = i
print(config.count, sorted(config))


class Settings:
    __getattr__ = dict.__getitem__


try:
    Settings().anything
except TypeError as e:
    print("TypeError:", e)
