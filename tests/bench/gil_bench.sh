#!/bin/sh
# The scheduler model's speed (sim/sched.h): simulated seconds per wall
# second for 72 threads on 8 cores, one simulated minute, each regime, for
# the mixed, cpu and io workloads; median of RUNS runs (default 5).
# Target: a simulated minute well under a second of wall time.
# Part of `make bench` (tests/bench/run.sh, section 5); runs alone too.
cd "$(dirname "$0")/../.." || exit 2
RUNS=${RUNS:-5}
[ -f build/libpydive.a ] || make --no-print-directory pydive >/dev/null || exit 1
cc -O2 -std=c11 -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o build/gil_bench \
    tests/bench/gil_bench.c build/libpydive.a -lm || exit 1
build/gil_bench "$RUNS" || exit 1
