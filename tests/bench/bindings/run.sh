#!/bin/sh
# Chapter 4's call-cost table, rebuilt and rerun on this machine:
#   tests/bench/bindings/run.sh [PYTHON]        (default: python3)
# Builds libadd.so, the addext C extension and (if cffi is importable) the
# CFFI API-mode module in a temporary folder, then runs bench.py.  Cython
# and pybind11 rows are added only when those tools are installed.  Absolute
# numbers depend on the machine; the order is what the chapter teaches.
here=$(cd "$(dirname "$0")" && pwd)
PY=${1:-${PYTHON:-python3}}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])') || exit 1
suffix=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))') || exit 1
cp "$here/add.c" "$out/" && printf 'int add(int a, int b);\n' >"$out/add.h"
cc -O2 -shared -fPIC -o "$out/libadd.so" "$out/add.c" || exit 1
cc -O2 -shared -fPIC -I"$inc" -o "$out/addext$suffix" "$here/addext.c" || exit 1
if "$PY" -c 'import cffi' 2>/dev/null; then
    (cd "$out" && "$PY" "$here/cffi_build.py" "$out" >/dev/null) || echo "# CFFI API module did not build" >&2
fi
if command -v cython >/dev/null 2>&1 || command -v cython3 >/dev/null 2>&1; then
    cy=$(command -v cython || command -v cython3)
    printf 'def add(int a, int b):\n    return a + b\n' >"$out/add_cython.pyx"
    (cd "$out" && "$cy" -3 -q add_cython.pyx 2>/dev/null && \
        cc -O2 -shared -fPIC -I"$inc" -o "add_cython$suffix" add_cython.c) || echo "# Cython module did not build" >&2
fi
if "$PY" -c 'import pybind11' 2>/dev/null; then
    pbi=$("$PY" -c 'import pybind11; print(pybind11.get_include())')
    printf '#include <pybind11/pybind11.h>\nint add(int a, int b) { return a + b; }\nPYBIND11_MODULE(add_pybind11, m) { m.def("add", &add); }\n' >"$out/add_pybind11.cpp"
    c++ -O2 -std=c++17 -shared -fPIC -I"$inc" -I"$pbi" -o "$out/add_pybind11$suffix" "$out/add_pybind11.cpp" ||
        echo "# pybind11 module did not build" >&2
fi
"$PY" "$here/bench.py" "$out"
