import contextlib
import io

with contextlib.suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("after suppress")

buffer = io.StringIO()
with contextlib.redirect_stdout(buffer):
    print("captured line")
    print("another")
print("captured:", buffer.getvalue().splitlines())

class Connection:
    def __init__(self):
        self.closed = False
    def close(self):
        self.closed = True
        print("connection closed")

with contextlib.closing(Connection()) as conn:
    print("closed yet?", conn.closed)
print("closed now?", conn.closed)

with contextlib.nullcontext(42) as value:
    print("value", value)
