try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
try:
    "s".no_such_method()
except AttributeError as e:
    print(e)
from gc import collect
print(collect is not None)
