#!/bin/sh
# Builds every tests/fuzz/fuzz_NAME.c against build/fuzz/libpydive.a and runs
# it for SECONDS, seeded from tests/fuzz/corpus/NAME, tests/fuzz/regressions/NAME
# and the test folders tests/fuzz/SEEDS names for it (gathered into
# build/fuzz/seeds/NAME); new inputs it finds go to build/fuzz/corpus/NAME, so
# the repository keeps only the seeds.
# Crashes land in tests/fuzz/crashes/NAME/; copy each into
# tests/fuzz/regressions/NAME/ once fixed, where `make test` replays them.
# FUZZ_ONLY="pyrun parser" runs only the targets named; FUZZ_TIMEOUT sets the
# seconds after which one input counts as a hang (10; a loaded machine
# running several fuzzers at nice 19 may need more).
cd "$(dirname "$0")/../.." || exit 2
seconds=${1:-60}
CC=${FUZZ_CC:-clang}
libs=$(pkg-config --libs ncursesw lua5.4 yaml-0.1)
cflags="-Iapp -D_DEFAULT_SOURCE $(pkg-config --cflags ncursesw lua5.4 yaml-0.1)"
status=0
# seeds NAME: copies the files tests/fuzz/SEEDS names for target NAME (and its
# regressions) into build/fuzz/seeds/NAME, afresh each run.
seeds() {
    rm -rf "build/fuzz/seeds/$1"; mkdir -p "build/fuzz/seeds/$1"
    [ -d "tests/fuzz/regressions/$1" ] && cp tests/fuzz/regressions/"$1"/* "build/fuzz/seeds/$1/" 2>/dev/null
    grep -v '^#' tests/fuzz/SEEDS | while read -r target dir suffix; do
        [ "$target" = "$1" ] || continue
        for f in "$dir"/*"$suffix"; do
            [ -f "$f" ] && cp "$f" "build/fuzz/seeds/$1/$(echo "$dir" | tr / _)_$(basename "$f")"
        done
    done
}
for src in tests/fuzz/fuzz_*.c; do
    name=$(basename "$src" .c); name=${name#fuzz_}
    if [ -n "${FUZZ_ONLY:-}" ]; then
        case " $FUZZ_ONLY " in *" $name "*) ;; *) continue ;; esac
    fi
    bin=build/fuzz/fuzz_$name
    mkdir -p "tests/fuzz/corpus/$name" "tests/fuzz/crashes/$name" "build/fuzz/corpus/$name"
    $CC -g -O1 -fsanitize=fuzzer,address,undefined $cflags -o "$bin" "$src" build/fuzz/libpydive.a $libs -lm || { status=1; continue; }
    seeds "$name"
    log=build/fuzz/$name.log
    "$bin" -max_total_time="$seconds" -max_len=65536 -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
        -artifact_prefix="tests/fuzz/crashes/$name/" \
        "build/fuzz/corpus/$name" "tests/fuzz/corpus/$name" "build/fuzz/seeds/$name" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
    crashes=$(ls "tests/fuzz/crashes/$name" | wc -l)
    echo "fuzz $name: ${execs:-?} runs in ${seconds}s, $crashes crash file(s), exit $rc"
    [ "$rc" -eq 0 ] && [ "$crashes" -eq 0 ] || { status=1; tail -n 30 "$log"; }
done
exit $status
