# What goes wrong when __hash__ or __eq__ misbehave.
class BadHash:
    def __hash__(self):
        return "not a number"


class NoHash:
    def __eq__(self, other):          # defining __eq__ alone sets __hash__ to None
        return True


class Fragile:
    def __init__(self, tag):
        self.tag = tag

    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise RuntimeError(f"cannot compare {self.tag}")


class MinusOne:
    def __hash__(self):
        return -1                     # -1 is reserved: Python uses -2


print(NoHash.__hash__, hash(MinusOne()))
for cls in (BadHash, NoHash):
    try:
        s = {cls()}
    except TypeError as e:
        print("TypeError:", e)

d = {Fragile("a"): 1}
print(len(d))
try:
    d[Fragile("b")] = 2
except RuntimeError as e:
    print("RuntimeError:", e, len(d))
try:
    print(Fragile("c") in {Fragile("d")})
except RuntimeError as e:
    print("RuntimeError:", e)
f = Fragile("e")
s = {f}
print(f in s, len(s))               # the same object: no __eq__ needed
try:
    {1: "one", True: "yes", MinusOne(): "m"}[MinusOne()]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
