from contextlib import ExitStack

def broken():
    raise RuntimeError("cleanup failed")

with ExitStack() as stack:
    stack.callback(broken)
    print("body")
