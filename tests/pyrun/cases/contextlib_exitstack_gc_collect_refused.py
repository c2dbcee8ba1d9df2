import gc
from contextlib import ExitStack
gc.collect()
st = ExitStack()
st.callback(print, st)
del st
print(gc.collect())
