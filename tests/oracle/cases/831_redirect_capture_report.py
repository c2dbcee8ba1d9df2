import io
import sys
from contextlib import redirect_stdout, ExitStack

def report(rows):
    print(f"{'name':<8}{'qty':>5}")
    for name, qty in rows:
        print(f"{name:<8}{qty:>5}")
    return len(rows)

rows = [("apples", 3), ("pears", 12), ("kiwis", 7)]
buffer = io.StringIO()
with redirect_stdout(buffer):
    n = report(rows)
text = buffer.getvalue()
print("captured", n, "rows,", len(text.splitlines()), "lines")
print(text, end="")
print(sys.getrefcount(buffer))

logs = [io.StringIO() for _ in range(3)]
with ExitStack() as stack:
    for i, log in enumerate(logs):
        stack.enter_context(redirect_stdout(log))
        print("written while", i + 1, "redirects are active")
print([log.getvalue() for log in logs])
print([log.closed for log in logs])
