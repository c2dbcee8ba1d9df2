# Builds _add_cffi, CFFI's API (compiled) mode, around add.c.
import sys
from cffi import FFI

ffi = FFI()
ffi.cdef("int add(int a, int b);")
ffi.set_source("_add_cffi", '#include "add.h"', sources=["add.c"], include_dirs=["."])
if __name__ == "__main__":
    ffi.compile(verbose=False, tmpdir=sys.argv[1] if len(sys.argv) > 1 else ".")
