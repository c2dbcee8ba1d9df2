# What a class or mapping pattern raises at run time, caught and printed.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Listy:
    __match_args__ = ["x"]

class Numbered:
    __match_args__ = (1, 2)

class Plain:
    def __init__(self):
        self.a = 1

class Keys:
    first = "k"
    second = "k"

def three(s):
    match s:
        case Point(1, 2, 3):
            return "three"

def listy(s):
    match s:
        case Listy(1):
            return "listy"

def numbered(s):
    match s:
        case Numbered(1):
            return "numbered"

def plain(s):
    match s:
        case Plain(1):
            return "plain"

def twice(s):
    match s:
        case Point(1, x=1):
            return "twice"

def keys(s):
    match s:
        case {Keys.first: 1, Keys.second: 2}:
            return "keys"

def missing(s):
    match s:
        case Plain(a=1, b=2):
            return "has b"
        case Plain(a=1):
            return "only a"

for label, fn, subject in [("too many", three, Point(1, 2)), ("list args", listy, Listy()),
                           ("int names", numbered, Numbered()), ("no args", plain, Plain()),
                           ("twice", twice, Point(1, 2)), ("dup keys", keys, {"k": 1, "j": 2}),
                           ("attr", missing, Plain()), ("not a point", three, "x")]:
    try:
        print(label, "->", fn(subject))
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__ + ":", e)

def dispatch(handler, value):
    match value:
        case handler():
            return "instance of " + handler.__name__

for h in [int, str, len]:
    try:
        print(dispatch(h, 5))
    except TypeError as e:
        print("TypeError:", e)
print(dispatch(bool, True), dispatch(object, None), dispatch(float, 1))
