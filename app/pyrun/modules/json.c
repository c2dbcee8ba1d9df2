/*
 * json: dumps and loads (its scanner: json_loads.c) as Lib/json and Modules/_json.c give them
 * (3.11-3.13, the same text on each): dumps with indent, sort_keys,
 * separators, ensure_ascii, skipkeys, allow_nan and default; loads of a
 * str into dicts (built by setting each pair, as the C scanner does, a
 * key string shared by every object of one document), lists (built by
 * appends), strs, ints, floats, True/False/None, with JSONDecodeError's
 * messages and positions.  The import is CPython's costly one (json
 * imports re, which brings enum, functools, collections), replayed by
 * std_import.  Every call runs Python code in CPython (JSONEncoder.encode,
 * JSONDecoder.decode, the regexes that skip whitespace), so the young
 * count is refused after one until a gc.collect().  dump/load (files),
 * cls=, object_hook= and the parse_* hooks are refused.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/json.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

void json_note(PyRun *I, const char *what)
{
    if (!I->gc_count_unsure)
        I->count_unsure_what = what;
    I->gc_count_unsure = true;
}

/* ---- dumps ------------------------------------------------------------------------- */

typedef struct Enc {
    bool ensure_ascii, sort_keys, skipkeys, allow_nan;
    const char *indent; /* NULL: one line */
    size_t indent_len;
    const char *item_sep, *key_sep;
    size_t item_len, key_len;
    SimId dflt;          /* default= (borrowed) or 0 */
    SimId stack[64];     /* the containers being encoded (check_circular) */
    int depth;
} Enc;

static void put_code_point(Buf *out, uint32_t c)
{
    if (c >= 0x10000) { /* a surrogate pair */
        c -= 0x10000;
        buf_printf(out, "\\u%04x\\u%04x", 0xd800 | (c >> 10), 0xdc00 | (c & 0x3ff));
    } else {
        buf_printf(out, "\\u%04x", c);
    }
}

/* the UTF-8 sequence at p (n bytes left): its code point, its length */
static uint32_t utf8_next(const unsigned char *p, size_t n, size_t *len)
{
    if (p[0] < 0x80 || n < 2) {
        *len = 1;
        return p[0];
    }
    if ((p[0] & 0xe0) == 0xc0) {
        *len = 2;
        return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
    }
    if ((p[0] & 0xf0) == 0xe0 && n >= 3) {
        *len = 3;
        return (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    }
    *len = n >= 4 ? 4 : n;
    return n >= 4 ? (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3f) << 12 | (uint32_t)(p[2] & 0x3f) << 6 |
                        (p[3] & 0x3f)
                  : p[0];
}

/* py_encode_basestring(_ascii) */
static void enc_str(const Enc *e, const char *s, size_t n, Buf *out)
{
    const unsigned char *p = (const unsigned char *)s;
    buf_addc(out, '"');
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = utf8_next(p + i, n - i, &len);
        switch (c) {
        case '"': buf_adds(out, "\\\""); break;
        case '\\': buf_adds(out, "\\\\"); break;
        case '\n': buf_adds(out, "\\n"); break;
        case '\r': buf_adds(out, "\\r"); break;
        case '\t': buf_adds(out, "\\t"); break;
        case '\b': buf_adds(out, "\\b"); break;
        case '\f': buf_adds(out, "\\f"); break;
        default:
            if (c < 0x20 || (e->ensure_ascii && c >= 0x7f))
                put_code_point(out, c);
            else
                buf_add(out, s + i, len);
        }
        i += len;
    }
    buf_addc(out, '"');
}

static bool enc_float(PyRun *I, const Enc *e, double x, Buf *out)
{
    if (isfinite(x)) {
        float_repr(x, out);
        return true;
    }
    if (!e->allow_nan) {
        Buf r = {0};
        float_repr(x, &r);
        py_raise(I, EXC_ValueError, "Out of range float values are not JSON compliant%s%s",
                 S->prof->version >= SIM_V313 ? ": " : "", S->prof->version >= SIM_V313 ? buf_str(&r) : "");
        buf_fini(&r);
        return false;
    }
    buf_adds(out, isnan(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    return true;
}

static void newline(const Enc *e, int level, Buf *out)
{
    buf_addc(out, '\n');
    for (int i = 0; i < level; i++)
        buf_add(out, e->indent, e->indent_len);
}

static bool enc_value(PyRun *I, Enc *e, SimId v, int level, Buf *out);

static bool push(PyRun *I, Enc *e, SimId v)
{
    for (int i = 0; i < e->depth; i++)
        if (e->stack[i] == v) {
            py_raise(I, EXC_ValueError, "Circular reference detected");
            return false;
        }
    if (e->depth == 64)
        return py_not_modelled(I, 0, "json.dumps() of containers nested more than 64 deep");
    e->stack[e->depth++] = v;
    return true;
}

static bool enc_list(PyRun *I, Enc *e, SimId v, int level, Buf *out)
{
    uint32_t n = sim_obj(S, v)->len;
    if (n == 0) {
        buf_adds(out, "[]");
        return true;
    }
    if (!push(I, e, v))
        return false;
    buf_addc(out, '[');
    for (uint32_t i = 0; i < sim_obj(S, v)->len; i++) {
        if (i)
            buf_add(out, e->item_sep, e->item_len);
        if (e->indent)
            newline(e, level + 1, out);
        if (!enc_value(I, e, sim_items(S, v)[i], level + 1, out))
            return false;
    }
    if (e->indent)
        newline(e, level, out);
    buf_addc(out, ']');
    e->depth--;
    return true;
}

/* a dict key as its JSON string: str, float, True/False, None, int; 0 to skip */
static int key_text(PyRun *I, Enc *e, SimId k, Buf *out)
{
    SimKind kk = sim_kind(S, k);
    if (kk == SK_STR) {
        size_t n;
        const char *s = sim_str_data(S, k, &n);
        enc_str(e, s, n, out);
        return 1;
    }
    Buf t = {0};
    bool ok = true;
    if (kk == SK_FLOAT)
        ok = enc_float(I, e, sim_obj(S, k)->v.f, &t);
    else if (kk == SK_BOOL)
        buf_adds(&t, sim_obj(S, k)->v.i ? "true" : "false");
    else if (kk == SK_NONE)
        buf_adds(&t, "null");
    else if (kk == SK_INT)
        ok = op_repr(I, k, &t);
    else if (e->skipkeys) {
        buf_fini(&t);
        return 0;
    } else {
        buf_fini(&t);
        py_raise(I, EXC_TypeError, "keys must be str, int, float, bool or None, not %s", op_typename(I, k));
        return -1;
    }
    if (ok)
        enc_str(e, buf_str(&t), t.len, out);
    buf_fini(&t);
    return ok ? 1 : -1;
}

static bool enc_dict(PyRun *I, Enc *e, SimId v, int level, Buf *out)
{
    if (sim_obj(S, v)->len == 0) {
        buf_adds(out, "{}");
        return true;
    }
    if (!push(I, e, v))
        return false;
    SimId keys = sim_list(S, 0); /* the items in order, sorted when asked */
    uint32_t pos = 0;
    SimId k, val;
    while (sim_dict_next(S, v, &pos, &k, &val)) {
        sim_incref(S, k);
        sim_list_append(S, keys, k);
    }
    if (e->sort_keys) {
        for (uint32_t i = 0; i < sim_obj(S, keys)->len; i++)
            if (sim_kind(S, sim_items(S, keys)[i]) != SK_STR) {
                sim_decref(S, keys);
                return py_not_modelled(I, 0, "json.dumps(sort_keys=True) of a dict with keys that are not str");
            }
        if (!bi_sort_list(I, keys, 0, false)) {
            sim_decref(S, keys);
            return false;
        }
    }
    buf_addc(out, '{');
    bool first = true, ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, keys)->len; i++) {
        k = sim_items(S, keys)[i];
        val = sim_dict_get(S, v, k);
        if (!val)
            continue;
        Buf kt = {0};
        int r = key_text(I, e, k, &kt);
        if (r <= 0) {
            buf_fini(&kt);
            ok = r == 0;
            continue;
        }
        if (!first)
            buf_add(out, e->item_sep, e->item_len);
        first = false;
        if (e->indent)
            newline(e, level + 1, out);
        buf_add(out, kt.data, kt.len);
        buf_fini(&kt);
        buf_add(out, e->key_sep, e->key_len);
        ok = enc_value(I, e, val, level + 1, out);
    }
    sim_decref(S, keys);
    if (!ok)
        return false;
    if (e->indent)
        newline(e, level, out);
    buf_addc(out, '}');
    e->depth--;
    return true;
}

static bool enc_value(PyRun *I, Enc *e, SimId v, int level, Buf *out)
{
    switch (sim_kind(S, v)) {
    case SK_NONE: buf_adds(out, "null"); return true;
    case SK_BOOL: buf_adds(out, sim_obj(S, v)->v.i ? "true" : "false"); return true;
    case SK_INT: return op_repr(I, v, out);
    case SK_FLOAT: return enc_float(I, e, sim_obj(S, v)->v.f, out);
    case SK_STR: {
        size_t n;
        const char *s = sim_str_data(S, v, &n);
        enc_str(e, s, n, out);
        return true;
    }
    case SK_LIST: case SK_TUPLE: return enc_list(I, e, v, level, out);
    case SK_DICT: return enc_dict(I, e, v, level, out);
    default:
        break;
    }
    if (sim_kind(S, v) == SK_INSTANCE && enum_is_member(I, v))
        return py_not_modelled(I, 0, "json.dumps() of an enum member");
    if (e->dflt) { /* default(o): its result encoded instead */
        if (!push(I, e, v))
            return false;
        SimId r = vm_call(I, e->dflt, &v, 1);
        if (!r)
            return false;
        bool ok = enc_value(I, e, r, level, out);
        sim_decref(S, r);
        e->depth--;
        return ok;
    }
    const char *tn = op_typename(I, v), *dot = strrchr(tn, '.'); /* o.__class__.__name__: "deque", "array" */
    py_raise(I, EXC_TypeError, "Object of type %s is not JSON serializable", dot ? dot + 1 : tn);
    return false;
}

static bool kw_bool(PyRun *I, SimId v, bool *out)
{
    int t = op_truth(I, v);
    if (t < 0)
        return false;
    *out = t;
    return true;
}

static bool str_arg(PyRun *I, SimId v, const char **s, size_t *n, const char *what)
{
    if (sim_kind(S, v) != SK_STR)
        return py_not_modelled(I, 0, "json.dumps() with %s that is not a str", what);
    *s = sim_str_data(S, v, n);
    return true;
}

/* every keyword one of `known`, else refused (CPython passes it on to a
 * class's __init__) */
bool json_kw_check(PyRun *I, SimId kw, const char *fn, const char *known)
{
    for (uint32_t i = 0; kw && i < sim_obj(S, kw)->len; i++) {
        size_t n;
        const char *w = sim_str_data(S, sim_items(S, kw)[i], &n);
        char word[40];
        if (n + 3 > sizeof word)
            return py_not_modelled(I, 0, "the keyword argument '%.*s' of json.%s()", (int)n, w, fn);
        word[0] = ' ';
        memcpy(word + 1, w, n);
        word[n + 1] = ' ', word[n + 2] = 0;
        if (!strstr(known, word))
            return py_not_modelled(I, 0, "the keyword argument '%.*s' of json.%s()", (int)n, w, fn);
    }
    return true;
}

static SimId j_dumps(PyRun *I, SimId *a, int n, SimId kw)
{
    if (!json_kw_check(I, kw, "dumps", " skipkeys ensure_ascii allow_nan indent separators default sort_keys "))
        return 0;
    int np = bi_npos(I, n, kw);
    if (np != 1) {
        py_raise(I, EXC_TypeError, np ? "dumps() takes 1 positional argument but %d were given"
                                      : "dumps() missing 1 required positional argument: 'obj'", np);
        return 0;
    }
    json_note(I, "json.dumps() (JSONEncoder's Python code)");
    Enc e = {.ensure_ascii = true, .allow_nan = true, .item_sep = ", ", .key_sep = ": ", .item_len = 2, .key_len = 2};
    char spaces[64];
    SimId v;
    if ((v = bi_kwarg(I, a, n, kw, "indent")) && v != S->none) {
        if (sim_kind(S, v) == SK_INT && sim_obj(S, v)->sub != 1) {
            int64_t k = sim_obj(S, v)->v.i;
            if (k > 63)
                return py_not_modelled(I, 0, "json.dumps() with an indent over 63"), (SimId)0;
            k = k < 0 ? 0 : k;
            memset(spaces, ' ', (size_t)k);
            e.indent = spaces, e.indent_len = (size_t)k;
        } else if (!str_arg(I, v, &e.indent, &e.indent_len, "an indent")) {
            return 0;
        }
        e.item_sep = ",", e.item_len = 1;
    }
    if ((v = bi_kwarg(I, a, n, kw, "separators")) && v != S->none) {
        if ((sim_kind(S, v) != SK_TUPLE && sim_kind(S, v) != SK_LIST) || sim_obj(S, v)->len != 2)
            return py_not_modelled(I, 0, "json.dumps() with separators that are not a pair"), (SimId)0;
        if (!str_arg(I, sim_items(S, v)[0], &e.item_sep, &e.item_len, "a separator") ||
            !str_arg(I, sim_items(S, v)[1], &e.key_sep, &e.key_len, "a separator"))
            return 0;
    }
    if (((v = bi_kwarg(I, a, n, kw, "sort_keys")) && !kw_bool(I, v, &e.sort_keys)) ||
        ((v = bi_kwarg(I, a, n, kw, "ensure_ascii")) && !kw_bool(I, v, &e.ensure_ascii)) ||
        ((v = bi_kwarg(I, a, n, kw, "skipkeys")) && !kw_bool(I, v, &e.skipkeys)) ||
        ((v = bi_kwarg(I, a, n, kw, "allow_nan")) && !kw_bool(I, v, &e.allow_nan)))
        return 0;
    if ((v = bi_kwarg(I, a, n, kw, "default")) && v != S->none)
        e.dflt = v;
    /* the indent and separators a program gave are strs' payloads: copied,
     * as the objects the encoding makes may move them */
    Buf held[3] = {{0}, {0}, {0}};
    buf_add(&held[0], e.indent ? e.indent : "", e.indent_len);
    buf_add(&held[1], e.item_sep, e.item_len);
    buf_add(&held[2], e.key_sep, e.key_len);
    if (e.indent)
        e.indent = buf_str(&held[0]);
    e.item_sep = buf_str(&held[1]), e.key_sep = buf_str(&held[2]);
    Buf out = {0};
    bool ok = enc_value(I, &e, a[0], 0, &out);
    for (int i = 0; i < 3; i++)
        buf_fini(&held[i]);
    SimId r = ok ? sim_str(S, out.data ? out.data : "", out.len) : 0;
    buf_fini(&out);
    return r;
}

static SimId j_file(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "json.dump() and json.load() (files are not modelled)"), (SimId)0;
}

/* dumps(obj, *, ..., **kw) and loads(s, *, ..., **kw) take any keyword
 * (the rest goes to the encoder's or decoder's class): kw_check sorts them */
const BuiltinDef json_functions[] = {
    BUILTIN("dumps", 0, BM_JSON, j_dumps, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("loads", 0, BM_JSON, json_loads, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("dump", 0, BM_JSON, j_file, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("load", 0, BM_JSON, j_file, .style = ARGS_OWN, .kw = "*"),
};
const int json_nfunctions = (int)(sizeof json_functions / sizeof json_functions[0]);

void json_module_init(PyRun *I, SimId d)
{
    /* class JSONDecodeError(ValueError), of json.decoder */
    SimId cls = exc_subclass_in(I, "json.decoder", "JSONDecodeError", exc_class(I, EXC_ValueError));
    if (cls)
        bi_dict_put(I, d, "JSONDecodeError", cls);
}

void json_on_import(PyRun *I) { std_import(I, STD_JSON); }
