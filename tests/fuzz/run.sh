#!/bin/sh
# Builds tests/fuzz/fuzz_pyrun with clang's libFuzzer, ASan and UBSan and
# runs it for SECONDS (default 180) on the oracle programs as a seed corpus.
# Usage: tests/fuzz/run.sh [SECONDS]
cd "$(dirname "$0")/../.." || exit 2
secs=${1:-180}
out=build/fuzz
mkdir -p "$out/corpus"
cp tests/oracle/shared/*.py "$out/corpus/" 2>/dev/null
[ -d tests/oracle/cases ] && cp tests/oracle/cases/*.py "$out/corpus/" 2>/dev/null
src=$(find app/base app/sim app/pyrun -name '*.c' | sort)
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -Iapp -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -std=c11 \
    -o "$out/fuzz_pyrun" tests/fuzz/fuzz_pyrun.c $src -lm || exit 1
"$out/fuzz_pyrun" -max_total_time="$secs" -max_len=2048 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/" "$out/corpus"
