/*
 * bytes and bytearray: their constructors and bytearray's methods.
 */
#include <stdlib.h>

#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static SimId make_bytes(PyRun *I, SimId src, bool array)
{
    SimKind k = sim_kind(S, src);
    if (k == SK_INT) {
        int64_t n = sim_obj(S, src)->v.i;
        if (n < 0) {
            py_raise(I, "ValueError", "negative count");
            return 0;
        }
        return array ? sim_bytearray(S, NULL, (size_t)n) : sim_bytes(S, NULL, (size_t)n);
    }
    if (k == SK_BYTES || k == SK_BYTEARRAY || k == SK_STR) {
        size_t n;
        const char *d = sim_str_data(S, src, &n);
        if (k == SK_STR) {
            py_raise(I, "TypeError", "string argument without an encoding");
            return 0;
        }
        return array ? sim_bytearray(S, (const uint8_t *)d, n) : sim_bytes(S, (const uint8_t *)d, n);
    }
    SimId l = bi_list_from(I, src);
    if (!l)
        return 0;
    uint32_t n = sim_obj(S, l)->len;
    uint8_t *buf = malloc(n + 1);
    for (uint32_t i = 0; i < n; i++) {
        SimId v = sim_items(S, l)[i];
        if (sim_kind(S, v) != SK_INT || sim_obj(S, v)->v.i < 0 || sim_obj(S, v)->v.i > 255) {
            free(buf);
            sim_decref(S, l);
            py_raise(I, "ValueError", "bytes must be in range(0, 256)");
            return 0;
        }
        buf[i] = (uint8_t)sim_obj(S, v)->v.i;
    }
    sim_decref(S, l);
    SimId r = array ? sim_bytearray(S, buf, n) : sim_bytes(S, buf, n);
    free(buf);
    return r;
}

const BuiltinDef bytearray_methods[] = {
    {"append", SK_BYTEARRAY, 0, meth_append},
};
const int bytearray_nmethods = (int)(sizeof bytearray_methods / sizeof bytearray_methods[0]);

SimId bytes_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    bi_args_tuple(I, n); /* no vectorcall: type_call makes a tuple */
    if (!bi_nargs(I, kind == SK_BYTES ? "bytes" : "bytearray", np, 0, 2))
        return 0;
    if (np == 0)
        return kind == SK_BYTES ? sim_bytes(S, NULL, 0) : sim_bytearray(S, NULL, 0);
    if (np == 2 && sim_kind(S, a[0]) == SK_STR) {
        size_t len;
        const char *d = sim_str_data(S, a[0], &len);
        return kind == SK_BYTES ? sim_bytes(S, (const uint8_t *)d, len) : sim_bytearray(S, (const uint8_t *)d, len);
    }
    return make_bytes(I, a[0], kind == SK_BYTEARRAY);
}
