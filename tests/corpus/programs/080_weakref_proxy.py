import weakref


class Engine:
    def __init__(self, power):
        self.power = power

    def start(self):
        return f"vroom ({self.power} hp)"


class Car:
    def __init__(self, engine):
        self.engine = weakref.proxy(engine)


engine = Engine(150)
car = Car(engine)
print(car.engine.start(), car.engine.power)
engine.power = 200
print(car.engine.power)
print(type(car.engine).__name__)
del engine
try:
    car.engine.start()
except ReferenceError as e:
    print("ReferenceError:", e)
