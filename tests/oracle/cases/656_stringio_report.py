# Building text in memory instead of with += on a str: print() into an
# io.StringIO, then read it back.
import io
import sys

report = io.StringIO()
print(sys.getsizeof(report), report.closed, report.tell())
rows = [("apples", 3, 0.5), ("pears", 12, 0.25), ("plums", 7, 1.0)]
print("name", "qty", "price", sep="\t", file=report)
for name, qty, price in rows:
    print(name, qty, price, sep="\t", file=report)
print("total", sum(q * p for _, q, p in rows), file=report, end="!\n")
print(report.tell(), sys.getsizeof(report))
text = report.getvalue()
print(text, end="")
print(len(text), text.count("\n"))

report.seek(0)
print(repr(report.readline()))
print(repr(report.read(6)), report.tell())
for line in report:
    print("line:", line.rstrip("\n").split("\t"))
print(repr(report.read()), report.seek(0, 2), report.tell())
print(report.write("more\n"), report.seek(0), len(report.read()))

patched = io.StringIO("hello world")
print(patched.tell(), patched.write("HELLO"), patched.getvalue(), patched.tell())
patched.seek(20)
patched.write("!")
print(repr(patched.getvalue()), len(patched.getvalue()))

with io.StringIO() as buf:
    buf.write("inside ")
    print("with", file=buf)
    print(repr(buf.getvalue()), buf.readable(), buf.writable(), buf.seekable())
print(buf.closed)
for action in (lambda: buf.write("x"), lambda: buf.getvalue(), lambda: buf.tell()):
    try:
        action()
    except ValueError as e:
        print("ValueError:", e)
try:
    io.StringIO().write(42)
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO(b"raw")
except TypeError as e:
    print("TypeError:", e)
try:
    io.StringIO().seek(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    io.StringIO("abc").seek(1, 1)
except OSError as e:
    print("OSError:", e)
