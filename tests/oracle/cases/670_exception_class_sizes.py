# A small exception hierarchy for an order service, and what its classes
# weigh: the built-in exception types are static (sizeof(PyTypeObject)),
# the program's own are heap types without a shared-keys cache, because
# BaseException lays out its own __dict__.
import sys


class OrderError(Exception):
    """Something went wrong with an order."""


class OutOfStock(OrderError):
    def __init__(self, item, wanted):
        super().__init__(f"{item}: wanted {wanted}")
        self.item = item
        self.wanted = wanted


class Plain:
    pass


for cls in (Exception, ValueError, KeyError, OrderError, OutOfStock, Plain):
    print(cls.__name__, sys.getsizeof(cls))

err = OutOfStock("lamp", 3)
print(err, err.item, sys.getsizeof(err), sys.getsizeof(err.__dict__))
print(sys.getsizeof(OutOfStock) < sys.getsizeof(Plain))
