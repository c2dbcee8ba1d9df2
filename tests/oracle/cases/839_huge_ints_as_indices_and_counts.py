# Python ints have no upper bound, but indices, counts and lengths are C-sized: what happens at the edge.
import sys
HUGE = 10**30
print(HUGE.bit_length(), sys.maxsize.bit_length(), HUGE > sys.maxsize)

def attempt(label, thunk):
    try:
        print(label, "->", thunk())
    except (IndexError, OverflowError, ValueError, MemoryError) as err:
        print(label, "->", type(err).__name__ + ":", err)

data = [10, 20, 30]
attempt("data[HUGE]", lambda: data[HUGE])
attempt("data[-HUGE]", lambda: data[-HUGE])
attempt("'abc'[HUGE]", lambda: "abc"[HUGE])
attempt("(1, 2)[HUGE]", lambda: (1, 2)[HUGE])
attempt("data[1:HUGE]", lambda: data[1:HUGE])
attempt("data[-HUGE:2]", lambda: data[-HUGE:2])
attempt("'memory'[::HUGE]", lambda: "memory"[::HUGE])
attempt("'memory'[::-HUGE]", lambda: "memory"[::-HUGE])
attempt("[0] * HUGE", lambda: [0] * HUGE)
attempt("'ab' * -HUGE", lambda: "ab" * -HUGE)
attempt("bytes(HUGE)", lambda: bytes(HUGE))
attempt("data.pop(HUGE)", lambda: data.pop(HUGE))
attempt("(5).to_bytes(2, 'big')", lambda: (5).to_bytes(2, "big"))
attempt("HUGE.to_bytes(13, 'big')", lambda: HUGE.to_bytes(13, "big"))
attempt("HUGE.to_bytes(12, 'big')", lambda: HUGE.to_bytes(12, "big"))
attempt("1 >> HUGE", lambda: 1 >> HUGE)
attempt("-1 >> HUGE", lambda: -1 >> HUGE)
attempt("0 << HUGE", lambda: 0 << HUGE)
attempt("1 << HUGE", lambda: 1 << HUGE)
attempt("1 << -1", lambda: 1 << -1)
attempt("HUGE >> 64", lambda: HUGE >> 64)
attempt("divmod(-HUGE, 7)", lambda: divmod(-HUGE, 7))
attempt("HUGE in range(10)", lambda: HUGE in range(10))
attempt("int(float(HUGE))", lambda: int(float(HUGE)))
attempt("sorted([HUGE, -HUGE, 0])", lambda: sorted([HUGE, -HUGE, 0]))
attempt("f'{HUGE:,}'", lambda: f"{HUGE:,}")
attempt("f'{HUGE:x}'", lambda: f"{HUGE:x}")
attempt("(1, 2, 3).index(3, 0, HUGE)", lambda: (1, 2, 3).index(3, 0, HUGE))
print(sys.getsizeof(HUGE), sys.getsizeof(-HUGE), sys.getsizeof(HUGE // HUGE))
