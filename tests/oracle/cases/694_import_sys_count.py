# import sys at the top of a function or a script: the module is already
# loaded, but 3.11 still makes (and drops) a small tuple on the way.
import gc


def show(label):
    import sys
    print(label, gc.get_count(), sys.getrefcount(None) > 1000)


gc.collect()
import sys
print("after import sys:", gc.get_count())
show("inside a function:")
from sys import getsizeof
print(getsizeof(()), gc.get_count())
