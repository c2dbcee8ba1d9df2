import sys, gc, io
from contextlib import ExitStack, redirect_stdout, redirect_stderr, suppress, contextmanager

class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("close", self.name, exc_type.__name__ if exc_type else None)
        return False

with ExitStack() as stack:
    files = []
    for i in range(3):
        files.append(stack.enter_context(Resource(f"r{i}")))
    stack.callback(print, "callback", "with", "args", sep="-")
    print(len(files), files[0].name)

def cleanup(msg):
    print("cleanup:", msg)

st = ExitStack()
print(sys.getsizeof(st), gc.is_tracked(st), type(st).__name__)
print(sys.getrefcount(cleanup))
r = st.callback(cleanup, "later")
print(r is cleanup, sys.getrefcount(cleanup))
res = Resource("x")
print(sys.getrefcount(res))
st.enter_context(res)
print(sys.getrefcount(res))
moved = st.pop_all()
print(type(moved).__name__, sys.getrefcount(res))
st.close()
print("closing moved")
moved.close()
print(sys.getrefcount(res), sys.getrefcount(cleanup))

