# format_exception_only, format_tb and print_tb on a kept exception, notes
# added while handling it, and the suggestions each version's traceback
# module adds; the exception's refcount, its traceback's, unchanged.
import sys
import traceback


def clean(text):
    return text.replace(__file__, "grades.py")


def average(scores):
    return sum(scores) / len(scores)


def report(student, scores):
    return f"{student}: {average(scores):.1f}"


saved = None
for student, scores in [("ana", [90, 85]), ("ben", [])]:
    try:
        print(report(student, scores))
    except ZeroDivisionError as exc:
        exc.add_note(f"student {student} has no scores")
        saved = exc

print(traceback.format_exception_only(saved))
print(traceback.format_exception_only(type(saved), saved))
entries = traceback.format_tb(saved.__traceback__)
print(len(entries))
for entry in entries:
    print(clean(entry), end="")
print(clean("".join(traceback.format_tb(saved.__traceback__, limit=2))), end="")
before = sys.getrefcount(saved), sys.getrefcount(saved.__traceback__)
text = traceback.format_exception(saved)
print(clean("".join(text)), end="")
print(before == (sys.getrefcount(saved), sys.getrefcount(saved.__traceback__)))
print(type(text).__name__, type(text[0]).__name__, len(saved.__notes__))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
try:
    print(p.z)
except AttributeError as exc:
    print(traceback.format_exception_only(exc))
try:
    names = ["a", "b"]
    names.push("c")
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
try:
    counter = 0
    print(countr)
except NameError as exc:
    print(traceback.format_exc().splitlines()[-1])
    print(traceback.format_exception_only(exc))
