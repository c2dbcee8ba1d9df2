/*
 * exc_unicode: UnicodeEncodeError (Objects/exceptions.c) — what its
 * tp_init takes ("UUnnU": encoding, object, start, end, reason), its
 * start and end (Py_ssize_t members, read here from the argument tuple
 * that gave them: the model keeps no raw words in an exception), its
 * str, and the exception str.encode raises (unicode_encode_ucs1's
 * raise_encode_exception: _PyUnicodeEncodeError_Create calls the type
 * with Py_BuildValue's "sOnns": a new str for the encoding and the
 * reason, the string itself, two ints).  UnicodeDecodeError alike, its
 * object a bytes (bytes.decode gives it a copy of its input).  Setting start
 * or end, and UnicodeTranslateError, stay refused (exc_layout.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/str_int.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool exc_unicode_is_encode(PyRun *I, SimId e)
{
    ExcType t = exc_builtin_base(I, sim_obj(S, e)->type);
    return t == EXC_UnicodeEncodeError || t == EXC_UnicodeDecodeError;
}

static bool is_decode(PyRun *I, SimId e) { return exc_builtin_base(I, sim_obj(S, e)->type) == EXC_UnicodeDecodeError; }

static bool index_like(PyRun *I, SimId v)
{
    SimKind k = sim_kind(S, v);
    return (k == SK_INT && sim_obj(S, v)->sub != 1) || k == SK_BOOL;
}

/* UnicodeEncodeError_init after BaseException_init: PyArg_ParseTuple's
 * checks, then the three objects kept (the ints stay in args) */
void exc_unicode_init(PyRun *I, SimId e, SimId args)
{
    uint32_t n = sim_obj(S, args)->len;
    if (n != 5) {
        py_raise(I, EXC_TypeError, "function takes exactly 5 arguments (%u given)", n);
        return;
    }
    const SimId *a = sim_items(S, args);
    static const int str_args[3] = {0, 1, 4};
    bool decode = is_decode(I, e); /* UnicodeDecodeError_init: "UOnnU", the object bytes-like */
    for (int i = 0; i < 5; i++) {
        SimKind k = sim_kind(S, a[i]);
        if (decode && i == 1) {
            if (k == SK_BYTES && !sim_is_subinst(S, a[i]))
                continue;
            py_not_modelled(I, 0, "UnicodeDecodeError() with an object that is not bytes (its buffer copied)");
            return;
        }
        bool want_str = i == 0 || i == 1 || i == 4;
        if (want_str && k != SK_STR) {
            py_raise(I, EXC_TypeError, "argument %d must be str, not %s", i + 1, op_typename(I, a[i]));
            return;
        }
        if (!want_str && k == SK_INT && sim_obj(S, a[i])->sub == 1) {
            py_raise(I, EXC_OverflowError, "Python int too large to convert to C ssize_t");
            return;
        }
        if (!want_str && (k == SK_INSTANCE || sim_is_subinst(S, a[i]))) {
            py_not_modelled(I, 0, "UnicodeEncodeError() with a start or end that is an instance (__index__)");
            return;
        }
        if (!want_str && !index_like(I, a[i])) {
            py_raise(I, EXC_TypeError, "'%s' object cannot be interpreted as an integer", op_typename(I, a[i]));
            return;
        }
    }
    static const char *const names[3] = {"encoding", "object", "reason"};
    for (int i = 0; i < 3; i++)
        exc_layout_set(I, e, names[i], a[str_args[i]]);
}

/* start and end as the tuple that set them holds them (false: that tuple
 * is gone, or never held them) */
static bool positions(PyRun *I, SimId e, int64_t *start, int64_t *end)
{
    SimId args = exc_args(I, e);
    if (!args || sim_kind(S, args) != SK_TUPLE || sim_obj(S, args)->len != 5)
        return false;
    const SimId *a = sim_items(S, args);
    bool f;
    SimId enc = exc_layout_get(I, e, "encoding", &f), obj = exc_layout_get(I, e, "object", &f),
          reason = exc_layout_get(I, e, "reason", &f);
    bool same = enc == a[0] && obj == a[1] && reason == a[4] && index_like(I, a[2]) && index_like(I, a[3]);
    sim_xdecref(S, enc), sim_xdecref(S, obj), sim_xdecref(S, reason);
    if (!same)
        return false;
    *start = sim_obj(S, a[2])->v.i;
    *end = sim_obj(S, a[3])->v.i;
    return true;
}

SimId exc_unicode_position(PyRun *I, SimId e, bool end)
{
    int64_t s, t;
    if (!positions(I, e, &s, &t))
        return py_not_modelled(I, 0, "'%s.%s' once its arguments changed",
                               is_decode(I, e) ? "UnicodeDecodeError" : "UnicodeEncodeError", end ? "end" : "start"),
               (SimId)0;
    return sim_int(S, end ? t : s); /* the member's PyLong_FromSsize_t */
}

/* UnicodeEncodeError_str */
bool exc_unicode_text(PyRun *I, SimId e, Buf *out)
{
    int64_t start, end;
    bool f;
    SimId enc = exc_layout_get(I, e, "encoding", &f), obj = exc_layout_get(I, e, "object", &f),
          reason = exc_layout_get(I, e, "reason", &f);
    bool decode = is_decode(I, e);
    bool ok = enc && obj && reason && sim_kind(S, enc) == SK_STR && sim_kind(S, obj) == (decode ? SK_BYTES : SK_STR) &&
              sim_kind(S, reason) == SK_STR && positions(I, e, &start, &end);
    if (!ok) {
        sim_xdecref(S, enc), sim_xdecref(S, obj), sim_xdecref(S, reason);
        return py_not_modelled(I, 0, "str() of a %s without its five arguments",
                               decode ? "UnicodeDecodeError" : "UnicodeEncodeError");
    }
    size_t en, rn, len;
    const char *ed = sim_str_data(S, enc, &en), *rd = sim_str_data(S, reason, &rn);
    if (decode) { /* UnicodeDecodeError_str */
        const uint8_t *bd = (const uint8_t *)sim_str_data(S, obj, &len);
        if (start >= 0 && start < (int64_t)len && end == start + 1)
            buf_printf(out, "'%.*s' codec can't decode byte 0x%02x in position %lld: %.*s", (int)en, ed,
                       (unsigned)bd[start], (long long)start, (int)rn, rd);
        else if (start < 0 && end == start + 1)
            ok = py_not_modelled(I, 0, "str() of a UnicodeDecodeError with a negative start");
        else
            buf_printf(out, "'%.*s' codec can't decode bytes in position %lld-%lld: %.*s", (int)en, ed,
                       (long long)start, (long long)(end - 1), (int)rn, rd);
        sim_decref(S, enc), sim_decref(S, obj), sim_decref(S, reason);
        return ok;
    }
    uint32_t *cp = str_decode(I, obj, &len);
    if (end == start + 1 && start < 0 && start < (int64_t)len) {
        free(cp);
        sim_decref(S, enc), sim_decref(S, obj), sim_decref(S, reason);
        return py_not_modelled(I, 0, "str() of a UnicodeEncodeError with a negative start");
    }
    if (start < (int64_t)len && end == start + 1) {
        uint32_t c = cp[start];
        char ch[16];
        if (c <= 0xff)
            snprintf(ch, sizeof ch, "\\x%02x", (unsigned)c);
        else if (c <= 0xffff)
            snprintf(ch, sizeof ch, "\\u%04x", (unsigned)c);
        else
            snprintf(ch, sizeof ch, "\\U%08x", (unsigned)c);
        buf_printf(out, "'%.*s' codec can't encode character '%s' in position %lld: %.*s", (int)en, ed, ch,
                   (long long)start, (int)rn, rd);
    } else {
        buf_printf(out, "'%.*s' codec can't encode characters in position %lld-%lld: %.*s", (int)en, ed,
                   (long long)start, (long long)(end - 1), (int)rn, rd);
    }
    free(cp);
    sim_decref(S, enc), sim_decref(S, obj), sim_decref(S, reason);
    return true;
}

/* The raisers' common tail: args (encoding and object set) gets start, end
 * and reason, the exception is made (tp_init sets its fields from args,
 * which it takes) and raised with its text */
static void raise_made(PyRun *I, ExcType kind, SimId args, size_t start, size_t end, const char *reason)
{
    sim_tuple_set(S, args, 2, sim_int(S, (int64_t)start));
    sim_tuple_set(S, args, 3, sim_int(S, (int64_t)end));
    sim_tuple_set(S, args, 4, sim_str(S, reason, strlen(reason)));
    SimId e = exc_new(I, exc_class(I, kind), args);
    if (I->refused || I->ts->err.set) {
        sim_decref(S, e);
        return;
    }
    Buf b = {0};
    if (exc_unicode_text(I, e, &b))
        py_raise_instance(I, e, buf_str(&b));
    else
        sim_decref(S, e);
    buf_fini(&b);
}

/* raise_encode_exception for str.encode(encoding) meeting characters
 * start..end-1 it cannot encode (errors='strict') */
void exc_unicode_raise_encode(PyRun *I, const char *encoding, SimId obj, size_t start, size_t end, uint32_t limit)
{
    char reason[48];
    snprintf(reason, sizeof reason, "ordinal not in range(%u)", (unsigned)limit);
    SimId args = sim_tuple(S, 5);
    sim_tuple_set(S, args, 0, sim_str(S, encoding, strlen(encoding)));
    sim_incref(S, obj);
    sim_tuple_set(S, args, 1, obj);
    raise_made(I, EXC_UnicodeEncodeError, args, start, end, reason);
}

/* The exception bytes.decode raises for bytes start..end-1 of d
 * (errors='strict'): PyUnicodeDecodeError_Create's "sy#nns", a new bytes
 * object holding all of the input */
void exc_unicode_raise_decode(PyRun *I, const char *encoding, const uint8_t *d, size_t n, size_t start, size_t end,
                              const char *reason)
{
    uint8_t *input = xmalloc(n ? n : 1); /* the bytes' payload: the tuple made first may move it */
    memcpy(input, d, n);
    SimId args = sim_tuple(S, 5);
    sim_tuple_set(S, args, 0, sim_str(S, encoding, strlen(encoding)));
    sim_tuple_set(S, args, 1, sim_bytes(S, input, n));
    free(input);
    raise_made(I, EXC_UnicodeDecodeError, args, start, end, reason);
}
