import gc, sys, io
from contextlib import ExitStack
from string import Template
gc.collect()
st = ExitStack()
st.callback(print, st)
del st
gc.collect()
t = Template("$x")
holder = [t]
print(sys.getrefcount(t), sys.getrefcount(holder))
b = io.BytesIO(b"abcdef")
v = b.getvalue()
print(sys.getrefcount(v), sys.getsizeof(b))
b.close()
print(sys.getrefcount(v), b.closed)
del b
print(gc.collect())
