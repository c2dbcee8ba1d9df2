#!/bin/sh
# Chapter 4's cycle through an extension object, rebuilt and rerun:
#   tests/bench/gc-extension/run.sh [PYTHON]      (default: python3)
# Builds holder.c against PYTHON's headers in a temporary folder and runs
# cycle.py, which prints for each type what gc.collect() found and how many
# of the 1,000 cycles are still alive afterwards.
here=$(cd "$(dirname "$0")" && pwd)
PY=${1:-${PYTHON:-python3}}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])') || exit 1
suffix=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))') || exit 1
cc -O2 -Wall -shared -fPIC -I"$inc" -o "$out/holder$suffix" "$here/holder.c" || exit 1
"$PY" "$here/cycle.py" "$out"
