# tracemalloc after printing floats and a dict, as memory tutorials print
# their figures: float_repr writes the digits to a buffer that lives while
# the str is made; dict_repr's writer grows like a list's.
import tracemalloc

tracemalloc.start()
prices = [19.99, 5.0, 3.5, 0.001, 1e+20, -0.0, 2.5e-07]
print(prices)
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
current, peak = tracemalloc.get_traced_memory()
print("peak MB:", peak / 1024 ** 2, "current KB:", current / 1024)
print(tracemalloc.get_traced_memory())

tracemalloc.reset_peak()
ratio = 2 / 3
text = str(ratio)
print(text, repr(1.5), f"{ratio}", tracemalloc.get_traced_memory())

def show_inventory():
    stock = {'apples': [1, 2], 'pears': [], 'price': 1.25, 'name': 'Zoë'}
    print(stock)
    print(tracemalloc.get_traced_memory())
    tracemalloc.reset_peak()
    print({}, {'nested': {'deep': (1,)}})
    print(tracemalloc.get_traced_memory())


tracemalloc.reset_peak()
show_inventory()
