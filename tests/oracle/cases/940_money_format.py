# Format specs of one's own: a Money class built on float that understands
# a "$" suffix, a Temperature on int with a "C" code, a Name on str with
# "u" for upper case, a Row on tuple formatting each cell.  format(),
# f-strings and str.format all call __format__ (PyObject_Format binds it);
# super().__format__ and int.__format__ are the built-in's own.
import gc
import sys
import tracemalloc


class Money(float):
    def __format__(self, spec):
        if spec.endswith("$"):
            return "$" + format(float(self), spec[:-1] or ",.2f")
        return super().__format__(spec)


class Temperature(int):
    def __format__(self, spec):
        if spec == "C":
            return f"{int(self)}°C"
        return int.__format__(self, spec)


class Name(str):
    def __format__(self, spec):
        return self.upper() if spec == "u" else str.__format__(self, spec)


class Row(tuple):
    def __format__(self, spec):
        return " | ".join(format(cell, spec) for cell in self)


price = Money(1234.5)
print(f"{price:$}", f"{price:.1f}", f"{price}", format(price, "10.3f$"))
print("Total: {:$}".format(price), "{0:>12$}|".format(price), "%s %.1f" % (price, price))
print(str(price), repr(price), price + 1)

t = Temperature(21)
print(f"Today: {t:C}", f"{t:5d}|", f"{t}", f"{t!r}", f"{t!s:>4}|")

n = Name("ada")
print(f"{n:u} {n:>5}| {n}")
print(f"{Row((1, 22, 333)):>4}")

invoice = [("tea", Money(3.5)), ("cake", Money(12.25)), ("coffee", Money(4))]
for item, cost in invoice:
    print(f"{item:<8}{cost:>10$}")
print(f"{'total':<8}{Money(sum(c for _, c in invoice)):>10$}")


class Broken(float):
    def __format__(self, spec):
        return len(spec)


try:
    f"{Broken(1):xyz}"
except TypeError as e:
    print("TypeError:", e)
try:
    format(Temperature(3), "Q")
except ValueError as e:
    print("ValueError:", e)

print(sys.getrefcount(price), sys.getrefcount(t), sys.getsizeof(price), sys.getsizeof(t))
gc.collect()
before = gc.get_count()[0]
labels = [f"{price:$}" for _ in range(5)]
print(gc.get_count()[0] - before, labels[0])

tracemalloc.start()
x = f"{t:C}"
y = f"{price:$}"
print(tracemalloc.get_traced_memory())
tracemalloc.stop()
