from contextlib import ExitStack

def broken():
    print("broken callback runs")
    raise RuntimeError("cleanup failed")

try:
    with ExitStack() as stack:
        stack.callback(print, "registered first, runs last")
        stack.callback(broken)
        print("body")
except RuntimeError as e:
    print("caught", e)
