# A car reaches its engine through a proxy: the engine's owner decides
# how long it lives.
import sys
import weakref


class Engine:
    def __init__(self, power):
        self.power = power

    def start(self):
        return "vroom " + str(self.power)


class Car:
    def __init__(self, engine):
        self.engine = weakref.proxy(engine)


engine = Engine(150)
car = Car(engine)
print(car.engine.power, car.engine.start())
car.engine.power = 200
print(engine.power, type(car.engine).__name__)
print(weakref.getweakrefcount(engine), sys.getrefcount(engine))
same = weakref.proxy(engine)
print(same is car.engine, weakref.getweakrefs(engine)[0] is same)
r = weakref.ref(engine)
print(weakref.getweakrefcount(engine), weakref.getweakrefs(engine)[0] is r)
print(str(car.engine.power))

def hello():
    return "hello"

p = weakref.proxy(hello)
print(p(), type(p).__name__)

del engine
print(r() is None, weakref.getweakrefcount(car))
try:
    car.engine.power
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    car.engine.start()
except ReferenceError as e:
    print("ReferenceError:", e)
