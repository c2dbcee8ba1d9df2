#!/bin/sh
# Memory-move suite: oracle programs whose runs once kept a pointer into the
# model's payload array (the slab) or record table across an allocation that
# may move it.  PYDIVE_MOVE_MEMORY=1 makes the sanitizer build (SIM_CHECKS,
# `make test-asan`) move both at every allocation, so such a pointer is a
# use after free AddressSanitizer reports; the normal build ignores it and
# the suite still checks each program's output against CPython 3.12's and
# audits the model (PYDIVE_AUDIT=1).  TAP, one line per program.
cd "$(dirname "$0")/../.." || exit 2
PYDIVE=${PYDIVE:-pydive}
[ -x "./$PYDIVE" ] || { echo "not ok 1 - $PYDIVE not built"; exit 1; }
export PYDIVE_MOVE_MEMORY=1 PYDIVE_AUDIT=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
for name in 016_size_bytes_bytearray 070_weakref_callback 104_print_containers 152_folded_containers \
            406_classmethod_staticmethod 430_refcounts_while_iterating 436_itertools_gc_and_refcounts \
            732_tracemalloc_diff_text 838_big_int_bits_and_powers 841_dataclass_with_own_ordering; do
    n=$((n + 1))
    case=tests/oracle/cases/$name.py
    (cd tests/oracle/cases && "../../../$PYDIVE" run --python 3.12 "$name.py" > "$tmp/out" 2> "$tmp/err")
    rc=$?
    if [ $rc -eq 0 ] && cmp -s "$tmp/out" "tests/oracle/cases/$name.3.12.out"; then
        echo "ok $n - $name moved at every allocation"
    else
        echo "not ok $n - $name moved at every allocation (exit $rc)"
        head -5 "$tmp/err" | sed 's/^/# /'
    fi
done
echo "1..$n"
