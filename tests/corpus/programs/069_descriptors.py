class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive, got {value}")
        setattr(obj, self.name, value)


class Order:
    quantity = Positive()
    price = Positive()

    def __init__(self, quantity, price):
        self.quantity = quantity
        self.price = price

    def cost(self):
        return self.quantity * self.price


o = Order(3, 2.5)
print(o.cost(), vars(o))
try:
    o.quantity = -1
except ValueError as e:
    print("ValueError:", e)
print(type(Order.quantity).__name__, Order.price.name)
