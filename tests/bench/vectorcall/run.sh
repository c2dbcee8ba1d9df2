#!/bin/sh
# Chapter 4's vectorcall figures, rebuilt and rerun on this machine:
#   tests/bench/vectorcall/run.sh [PYTHON]      (default: python3)
# Builds callconv.c against PYTHON's headers in a temporary folder and runs
# bench.py.  Absolute numbers depend on the machine; the gaps are the lesson.
here=$(cd "$(dirname "$0")" && pwd)
PY=${1:-${PYTHON:-python3}}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])') || exit 1
suffix=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))') || exit 1
cc -O2 -Wall -shared -fPIC -I"$inc" -o "$out/callconv$suffix" "$here/callconv.c" || exit 1
"$PY" "$here/bench.py" "$out"
