# print_tb of a kept traceback and the suggestions of the module's
# formatting (3.11's traceback module has none), then a NameError uncaught.
import traceback


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.apend(item)


cart = Cart()
try:
    cart.add("pen")
except AttributeError as exc:
    traceback.print_tb(exc.__traceback__)
    traceback.print_exception(exc)
print(totl)
