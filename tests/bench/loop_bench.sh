#!/bin/sh
# The event-loop model's speed (lab/loop/evloop.h): simulated seconds per wall
# second for 1,000 requests a second over one simulated minute; median of
# RUNS runs (default 5).  Target: a simulated minute well under a second.
cd "$(dirname "$0")/../.." || exit 2
RUNS=${RUNS:-5}
[ -f build/libpydive.a ] || make --no-print-directory pydive >/dev/null || exit 1
cc -O2 -std=c11 -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o build/loop_bench \
    tests/bench/loop_bench.c build/libpydive.a -lm || exit 1
build/loop_bench "$RUNS" || exit 1
