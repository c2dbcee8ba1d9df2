/*
 * bytes and bytearray: their constructors and bytearray's methods.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* bytes(iterable) past the buffer and int cases: _PyBytes_FromList,
 * _FromTuple, _FromIterator (one bytes object at the end) */
static SimId bytes_from_items(PyRun *I, SimId src)
{
    SimKind k = sim_kind(S, src);
    bool seq = (k == SK_LIST || k == SK_TUPLE) && !sim_is_subinst(S, src);
    SimId it = seq ? 0 : iter_new(I, src);
    if (!seq && !it)
        return 0;
    Buf b = {0};
    bool ok = true;
    for (uint32_t i = 0;; i++) {
        SimId v;
        if (seq) {
            if (i >= sim_obj(S, src)->len)
                break;
            v = sim_items(S, src)[i];
            sim_incref(S, v);
        } else {
            int got = iter_step(I, it, &v);
            if (got <= 0) {
                ok = got == 0;
                break;
            }
        }
        int byte;
        ok = bytes_byte_value(I, v, &byte);
        sim_decref(S, v);
        if (!ok) {
            if (I->ts->err.set && py_err_matches(I, EXC_ValueError)) { /* bytes says "bytes" where bytearray says "byte" */
                py_err_clear(I);
                py_raise(I, EXC_ValueError, "bytes must be in range(0, 256)");
            }
            break;
        }
        buf_addc(&b, (char)byte);
    }
    sim_xdecref(S, it);
    SimId r = ok ? sim_bytes_shared(S, (const uint8_t *)buf_str(&b), b.len) : 0;
    buf_fini(&b);
    return r;
}

static SimId make_bytes(PyRun *I, SimId src, bool array)
{
    SimKind k = sim_kind(S, src);
    if (k == SK_INT && sim_obj(S, src)->sub == 1) { /* PyNumber_AsSsize_t(x, PyExc_OverflowError) */
        py_raise(I, EXC_OverflowError, "cannot fit 'int' into an index-sized integer");
        return 0;
    }
    if (k == SK_INT) {
        int64_t n = sim_obj(S, src)->v.i;
        if (n < 0) {
            py_raise(I, EXC_ValueError, "negative count");
            return 0;
        }
        return array ? sim_bytearray(S, NULL, (size_t)n) : sim_bytes(S, NULL, (size_t)n);
    }
    if (k == SK_STR) {
        py_raise(I, EXC_TypeError, "string argument without an encoding");
        return 0;
    }
    if (!array && k == SK_BYTES && !sim_is_subinst(S, src)) { /* PyObject_Bytes: an exact bytes itself */
        sim_incref(S, src);
        return src;
    }
    if (!array && k == SK_BYTES) { /* a subclass: bytes.__bytes__ bound (_PyObject_LookupSpecial), a copy */
        SimId bound = sim_builtin(S, 0, 0);
        size_t n;
        const char *d = sim_str_data(S, src, &n);
        SimId r = sim_bytes_shared(S, (const uint8_t *)d, n);
        sim_decref(S, bound);
        return r;
    }
    if (bytes_like(I, src)) {
        size_t n;
        const char *d = sim_str_data(S, src, &n);
        return array ? sim_bytearray(S, (const uint8_t *)d, n) : sim_bytes(S, (const uint8_t *)d, n);
    }
    if (bytes_buffer_refused(I, src))
        return 0;
    if (k == SK_INSTANCE || (k == SK_FLOAT && sim_is_subinst(S, src))) {
        SimId r = !array && k == SK_INSTANCE ? dunder_special0(I, src, "__bytes__") : S->notimpl;
        if (r != S->notimpl) { /* bytes_new: __bytes__'s result itself */
            if (r && sim_kind(S, r) != SK_BYTES) {
                py_raise(I, EXC_TypeError, "__bytes__ returned non-bytes (type %s)", op_typename(I, r));
                sim_decref(S, r);
                return 0;
            }
            return r;
        }
        r = dunder_index(I, src); /* _PyIndex_Check, then PyNumber_AsSsize_t */
        if (r && r != S->notimpl) {
            SimId b = make_bytes(I, r, array);
            sim_decref(S, r);
            return b;
        }
        if (!r && (I->refused || !py_err_matches(I, EXC_TypeError)))
            return 0;
        if (!r) /* a TypeError: on to the iterator */
            py_err_clear(I);
    } else if (sim_is_subinst(S, src)) { /* the buffer protocol, a subclass's __iter__ */
        return py_not_modelled(I, 0, "%s() of an instance of a class", array ? "bytearray" : "bytes"), 0;
    }
    SimId it = 0; /* the iterator first: its TypeError names the conversion */
    if (k != SK_LIST && k != SK_TUPLE) {
        it = iter_new(I, src);
        if (!it) {
            if (!I->ts->err.set && !I->refused) { /* iter_new raises only what an __iter__ raised */
                py_raise(I, EXC_TypeError, "cannot convert '%s' object to %s", op_typename(I, src),
                         array ? "bytearray" : "bytes");
            }
            return 0;
        }
    }
    SimId r = array ? sim_bytearray(S, NULL, 0) : 0;
    if (array && !bytearray_fill(I, r, it ? it : src)) {
        sim_decref(S, r);
        r = 0;
    } else if (!array) {
        r = bytes_from_items(I, it ? it : src);
    }
    sim_xdecref(S, it);
    return r;
}

static SimId construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    const char *name = kind == SK_BYTES ? "bytes" : "bytearray";
    if (np == 3)
        return py_not_modelled(I, 0, "the errors argument of %s()", name), 0;
    if (!bi_nargs(I, name, np, 0, 2))
        return 0;
    if (np == 0)
        return kind == SK_BYTES ? sim_bytes(S, NULL, 0) : sim_bytearray(S, NULL, 0);
    if (np == 2 && sim_kind(S, a[0]) != SK_STR) {
        py_raise(I, EXC_TypeError, "encoding without a string argument");
        return 0;
    }
    if (np == 2) {
        size_t len, el;
        const char *d = sim_str_data(S, a[0], &len);
        const char *enc = sim_kind(S, a[1]) == SK_STR ? sim_str_data(S, a[1], &el) : "";
        if (sim_kind(S, a[1]) != SK_STR) {
            py_raise(I, EXC_TypeError, "%s() argument 'encoding' must be str, not %s", name, op_typename(I, a[1]));
            return 0;
        }
        bool utf8 = (el == 5 && strncasecmp(enc, "utf-8", 5) == 0) || (el == 4 && strncasecmp(enc, "utf8", 4) == 0) ||
                    (el == 5 && strncasecmp(enc, "utf_8", 5) == 0);
        bool ascii = el == 5 && strncasecmp(enc, "ascii", 5) == 0 && sim_obj(S, a[0])->cap == len;
        if (!utf8 && !ascii) /* the model stores str as UTF-8 only */
            return py_not_modelled(I, 0, "encoding to '%.*s' in %s()", (int)el, enc, name), 0;
        return kind == SK_BYTES ? sim_bytes_shared(S, (const uint8_t *)d, len) : sim_bytearray(S, (const uint8_t *)d, len);
    }
    return make_bytes(I, a[0], kind == SK_BYTEARRAY);
}

SimId bytes_value(PyRun *I, SimId *a, int n, SimId kw) { return construct(I, SK_BYTES, a, n, kw); }

SimId bytes_construct(PyRun *I, int kind, SimId *a, int n, SimId kw)
{
    /* bytes(n) of an exact int n >= 0: no Python code runs, no exception is
     * made and nothing but the new object is allocated while type_call's
     * argument tuple lives; when that tuple would only come off its free
     * list and go back (sim_tuple_roundtrip), the heap ends as without it */
    if (!kw && n == 1 && !I->ts->ex_args && sim_kind(S, a[0]) == SK_INT && !sim_is_subinst(S, a[0]) &&
        sim_obj(S, a[0])->sub != 1 && sim_obj(S, a[0])->v.i >= 0 && sim_tuple_roundtrip(S, 1))
        return construct(I, kind, a, n, kw);
    TpArgs t = tp_args(I, a, n, kw); /* no vectorcall: type_call packs the arguments */
    return tp_args_done(I, &t, construct(I, kind, a, n, kw));
}
