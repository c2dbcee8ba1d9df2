from enum import IntEnum, StrEnum, Enum, unique
import sys

class HTTPStatus(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ERROR = 500

def describe(code):
    try:
        s = HTTPStatus(code)
    except ValueError as e:
        return f"unknown: {e}"
    return f"{s.name} ({s.value}) {s:d} {s!r}"

for c in (200, 404, 418):
    print(describe(c))
print(HTTPStatus.OK < 300, HTTPStatus.ERROR - HTTPStatus.OK, [s for s in HTTPStatus if s >= 400])
print(sorted({HTTPStatus.ERROR, HTTPStatus.OK}), HTTPStatus.OK in HTTPStatus, HTTPStatus["ERROR"] is HTTPStatus.ERROR)
print(str(HTTPStatus.NOT_FOUND), f"{HTTPStatus.NOT_FOUND}", "%s" % HTTPStatus.NOT_FOUND)

class Color(StrEnum):
    RED = "red"
    GREEN = "green"

print(Color.RED, repr(Color.GREEN), Color.RED == "red", Color.RED.upper(), len(Color.GREEN), Color("green"))
print(f"{Color.RED:>6}|", Color.RED + "!", isinstance(Color.RED, str), list(Color))
print(sys.getsizeof(HTTPStatus.OK), sys.getsizeof(Color.RED), type(Color.RED))

@unique
class Weekday(IntEnum):
    MON = 1
    TUE = 2
print(Weekday(2), Weekday.TUE.name, max(Weekday), Weekday.MON + Weekday.TUE)
