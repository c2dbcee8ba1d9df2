# What __main__'s namespace holds before the first line, and what it costs
import sys
print(list(globals()))
print(len(globals()), sys.getsizeof(globals()))
print(__name__, __doc__, __package__, __spec__, __cached__, __annotations__)
print(__file__.endswith("851_main_module_globals.py"), __loader__ is not None)
print("__builtins__" in globals(), "__file__" in vars())
sizes = []
for i in range(12):
    globals()["name_%d" % i] = i
    sizes.append(sys.getsizeof(globals()))
print(sizes)
x: int = 5
y: list
print(__annotations__, len(globals()))
del name_0, name_1
print(len(globals()), sys.getsizeof(globals()))
if __name__ == "__main__":
    print("run as a script")
