import sys, gc
print(sys.getsizeof(sys.stdout), sys.getsizeof(sys.stderr), gc.is_tracked(sys.stdout), type(sys.stdout).__name__, type(sys.stdout))
print(repr(sys.stdout), repr(sys.stderr))
print(sys.stdout is sys.__stdout__, sys.stdout.encoding, sys.stderr.errors, sys.stderr.line_buffering)
n = sys.stdout.write("abc\n")
print(n, sys.stdout.writable(), sys.stdout.name, sys.stdout.mode, sys.stdout.fileno(), sys.stdout.closed)
print(sys.stdout.flush())
try:
    sys.stdout.write(5)
except TypeError as e:
    print(e)
print(sys.getrefcount(sys.stdout), sys.getrefcount(sys.stderr))
print("to stderr", 1, 2.5, file=sys.stderr)
sys.stderr.write("raw err\n")
print("to stdout", file=sys.stdout, flush=True)
out = sys.stdout
print(sys.getrefcount(out), gc.get_count()[1:])
import io
from contextlib import redirect_stdout
buf = io.StringIO()
with redirect_stdout(buf) as b:
    print("captured", sys.stdout is buf, b is buf)
    print(sys.getrefcount(buf))
print(repr(buf.getvalue()), sys.stdout is out, sys.getrefcount(buf), sys.getrefcount(out))
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
got = sys.stdout.getvalue()
sys.stdout = old
print("back", repr(got))
sys.stdout = None
print("nothing")
sys.stdout = sys.__stdout__
print("restored")
def log(*a, **k):
    print(*a, file=sys.stderr, **k)
log("warn:", "x", sep="-")
print(sys.getrefcount(sys.stdout))
