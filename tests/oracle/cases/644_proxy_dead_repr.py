# What a proxy shows of itself while its object lives and after it died.
import weakref


class Sensor:
    def __init__(self, label):
        self.label = label


s = Sensor("t1")
p = weakref.proxy(s)
shown = repr(p)
print(shown.startswith("<weakproxy at "), "Sensor" in shown)
print(p.label, str(p.label))
del s
shown = repr(p)
print(shown.startswith("<weakproxy at "), "Sensor" in shown, "dead" in shown or "NoneType" in shown)
try:
    print(p.label)
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    p.label = "t2"
except ReferenceError as e:
    print("ReferenceError:", e)
