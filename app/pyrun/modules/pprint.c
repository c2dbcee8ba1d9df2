/*
 * pprint: pprint, pformat, pp and saferepr as Lib/pprint.py's
 * PrettyPrinter lays text out (3.11-3.13, the same algorithm): an object
 * whose one-line form (_safe_repr: dicts with their keys sorted) fits in
 * width - indent - allowance is written as that; a dict, list, tuple, set
 * or frozenset that does not is broken into one item per line (compact=
 * packs them), a str into chunks at whitespace.  Other objects are written
 * as their repr; one of the other kinds pprint breaks up (OrderedDict,
 * deque, bytes, a dataclass ...) that does not fit is refused, and so are
 * recursive structures (their text names an id), keys that do not sort
 * (pprint falls back on ids) and stream=; depth= writes the containers
 * past it as [...], (...), {...} as _safe_repr does.  The import is CPython's
 * heavy one (dataclasses, inspect, re ...), and every call runs Python
 * code, so the young count is refused after one until a gc.collect().
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

typedef struct PP {
    int64_t width, per_level;
    bool compact, sort_dicts;
    int64_t maxlevels; /* depth=: 0 for none */
    SimId context[64]; /* the containers being formatted (as many as _format's level) */
    int depth;
} PP;

static size_t chars(const char *s, size_t n) /* code points of UTF-8 text */
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xc0) != 0x80;
    return c;
}

/* a plain dict, list, tuple, set or frozenset (not a subclass's own repr) */
static bool plain(PyRun *I, SimId v, SimKind k)
{
    if (sim_kind(S, v) != k)
        return false;
    SimId t = sim_type_of(S, v);
    return t == S->types[k] || (k == SK_SET && sim_obj(S, v)->sub == SIM_SET_FROZEN);
}

static bool in_context(const PP *p, SimId v)
{
    for (int i = 0; i < p->depth; i++)
        if (p->context[i] == v)
            return true;
    return false;
}

static bool enter(PyRun *I, PP *p, SimId v)
{
    if (in_context(p, v))
        return py_not_modelled(I, 0, "pprint of a recursive structure (its text names an id)");
    if (p->depth == 64)
        return py_not_modelled(I, 0, "pprint of containers nested more than 64 deep");
    p->context[p->depth++] = v;
    return true;
}

/* the keys of dict d (or the items of set d) sorted as _safe_key sorts
 * them: a new list, 0 with the refusal raised */
static SimId sorted_keys(PyRun *I, SimId d, bool dict)
{
    SimId list = sim_list(S, 0);
    uint32_t pos = 0;
    SimId k, v;
    uint64_t h;
    if (dict) {
        while (sim_dict_next(S, d, &pos, &k, &v)) {
            sim_incref(S, k);
            sim_list_append(S, list, k);
        }
    } else {
        while (sim_set_next(S, d, &pos, &k, &h)) {
            sim_incref(S, k);
            sim_list_append(S, list, k);
        }
    }
    if (!bi_sort_list(I, list, 0, false)) {
        sim_decref(S, list);
        if (I->refused)
            return 0;
        py_err_clear(I);
        return py_not_modelled(I, 0, "pprint of keys that do not sort (pprint then orders them by id)"), (SimId)0;
    }
    return list;
}

/* _safe_repr: the one-line form */
static bool safe_repr(PyRun *I, PP *p, SimId v, Buf *out)
{
    bool list = plain(I, v, SK_LIST), tuple = plain(I, v, SK_TUPLE), dict = plain(I, v, SK_DICT);
    if (!list && !tuple && !dict)
        return op_repr(I, v, out);
    uint32_t n = sim_obj(S, v)->len;
    if (n == 0) {
        buf_adds(out, list ? "[]" : tuple ? "()" : "{}");
        return true;
    }
    if (p->maxlevels && p->depth >= p->maxlevels) { /* depth=: level >= maxlevels */
        buf_adds(out, list ? "[...]" : tuple && n == 1 ? "(...,)" : tuple ? "(...)" : "{...}");
        return true;
    }
    if (!enter(I, p, v))
        return false;
    bool ok = true;
    buf_addc(out, list ? '[' : tuple ? '(' : '{');
    if (dict) {
        SimId keys = p->sort_dicts ? sorted_keys(I, v, true) : 0;
        if (p->sort_dicts && !keys)
            return false;
        uint32_t pos = 0, i = 0;
        SimId key, val;
        while (ok && (keys ? i < sim_obj(S, keys)->len : sim_dict_next(S, v, &pos, &key, &val))) {
            if (keys) {
                key = sim_items(S, keys)[i];
                val = sim_dict_get(S, v, key);
            }
            if (i++)
                buf_adds(out, ", ");
            ok = safe_repr(I, p, key, out);
            buf_adds(out, ": ");
            ok = ok && val && safe_repr(I, p, val, out);
        }
        sim_xdecref(S, keys);
    } else {
        for (uint32_t i = 0; ok && i < sim_obj(S, v)->len; i++) {
            if (i)
                buf_adds(out, ", ");
            ok = safe_repr(I, p, sim_items(S, v)[i], out);
        }
    }
    buf_adds(out, list ? "]" : tuple && n == 1 ? ",)" : tuple ? ")" : "}");
    p->depth--;
    return ok;
}

static bool pp_format(PyRun *I, PP *p, SimId v, int64_t indent, int64_t allowance, int level, Buf *out);

static void spaces(Buf *out, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        buf_addc(out, ' ');
}

/* _format_items: the items of a list, tuple or sorted set */
static bool format_items_of(PyRun *I, PP *p, const SimId *items, uint32_t n, int64_t indent, int64_t allowance,
                            int level, Buf *out);

/* the items copied out of their container's payload first: formatting
 * them makes objects, which may move it */
static bool format_items(PyRun *I, PP *p, const SimId *items, uint32_t n, int64_t indent, int64_t allowance, int level,
                         Buf *out)
{
    SimId *copy = xmalloc((n ? n : 1) * sizeof *copy);
    memcpy(copy, items, n * sizeof *copy);
    bool ok = format_items_of(I, p, copy, n, indent, allowance, level, out);
    free(copy);
    return ok;
}

static bool format_items_of(PyRun *I, PP *p, const SimId *items, uint32_t n, int64_t indent, int64_t allowance,
                            int level, Buf *out)
{
    indent += p->per_level;
    if (p->per_level > 1)
        spaces(out, p->per_level - 1);
    int64_t width = p->width - indent + 1, max_width = width;
    const char *delim = "";
    for (uint32_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) {
            max_width -= allowance;
            width -= allowance;
        }
        if (p->compact) {
            Buf rep = {0};
            if (!safe_repr(I, p, items[i], &rep)) {
                buf_fini(&rep);
                return false;
            }
            int64_t w = (int64_t)chars(rep.data ? rep.data : "", rep.len) + 2;
            if (width < w) {
                width = max_width;
                if (*delim)
                    delim = "\n";
            }
            if (width >= w) {
                width -= w;
                if (delim[0] == '\n') {
                    buf_adds(out, ",\n");
                    spaces(out, indent);
                } else {
                    buf_adds(out, delim);
                }
                delim = ", ";
                buf_add(out, rep.data ? rep.data : "", rep.len);
                buf_fini(&rep);
                continue;
            }
            buf_fini(&rep);
        }
        if (delim[0] == '\n') {
            buf_adds(out, ",\n");
            spaces(out, indent);
        } else {
            buf_adds(out, delim);
        }
        delim = "\n";
        if (!pp_format(I, p, items[i], indent, last ? allowance : 1, level, out))
            return false;
    }
    return true;
}

static bool pprint_dict(PyRun *I, PP *p, SimId d, int64_t indent, int64_t allowance, int level, Buf *out)
{
    buf_addc(out, '{');
    if (p->per_level > 1)
        spaces(out, p->per_level - 1);
    SimId keys = p->sort_dicts ? sorted_keys(I, d, true) : 0;
    if (p->sort_dicts && !keys)
        return false;
    if (!p->sort_dicts) { /* insertion order */
        keys = sim_list(S, 0);
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(S, d, &pos, &k, &v)) {
            sim_incref(S, k);
            sim_list_append(S, keys, k);
        }
    }
    indent += p->per_level;
    allowance += 1;
    uint32_t n = sim_obj(S, keys)->len;
    bool ok = true;
    for (uint32_t i = 0; ok && i < n; i++) { /* _format_dict_items */
        SimId k = sim_items(S, keys)[i], v = sim_dict_get(S, d, k);
        bool last = i == n - 1;
        Buf rep = {0};
        ok = safe_repr(I, p, k, &rep);
        buf_add(out, rep.data ? rep.data : "", rep.len);
        buf_adds(out, ": ");
        int64_t klen = (int64_t)chars(rep.data ? rep.data : "", rep.len);
        buf_fini(&rep);
        ok = ok && v && pp_format(I, p, v, indent + klen + 2, last ? allowance : 1, level, out);
        if (!last) {
            buf_adds(out, ",\n");
            spaces(out, indent);
        }
    }
    sim_decref(S, keys);
    buf_addc(out, '}');
    return ok;
}

/* the line splits of str.splitlines(True) for ASCII line ends */
static size_t line_end(const char *s, size_t n, size_t i)
{
    for (; i < n; i++) {
        char c = s[i];
        if (c == '\r')
            return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
        if (c == '\n' || c == '\v' || c == '\f' || c == 0x1c || c == 0x1d || c == 0x1e)
            return i + 1;
    }
    return n;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1c && c <= 0x1f); }

static int64_t repr_len(PyRun *I, const char *s, size_t n, Buf *rep)
{
    rep->len = 0;
    SimId t = sim_str(S, s, n);
    op_repr(I, t, rep);
    sim_decref(S, t);
    return (int64_t)chars(rep->data ? rep->data : "", rep->len);
}

static void add_chunk(Buf *chunks, size_t *nchunks, const Buf *rep)
{
    buf_add(chunks, rep->data ? rep->data : "", rep->len);
    buf_addc(chunks, '\0');
    (*nchunks)++;
}

/* _pprint_str: a str too wide, in chunks broken after whitespace */
static bool pprint_str(PyRun *I, PP *p, SimId v, int64_t indent, int64_t allowance, int level, Buf *out)
{
    size_t n;
    const char *text = sim_str_data(S, v, &n);
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)text[i] >= 0x80)
            return py_not_modelled(I, 0, "pprint breaking up a str with non-ASCII characters");
    Buf held = {0}; /* a copy: the reprs measured below may move the str's payload */
    buf_add(&held, text, n);
    const char *s = buf_str(&held);
    if (level == 1) {
        indent += 1;
        allowance += 1;
    }
    int64_t max_width = p->width - indent, max_width1 = max_width;
    Buf chunks = {0}, rep = {0}, last_rep = {0};
    size_t nchunks = 0;
    for (size_t at = 0; at < n;) {
        size_t end = line_end(s, n, at);
        bool last_line = end == n;
        int64_t len = repr_len(I, s + at, end - at, &rep);
        buf_fini(&last_rep);
        last_rep = (Buf){0};
        buf_add(&last_rep, rep.data, rep.len);
        if (last_line)
            max_width1 -= allowance;
        if (len <= max_width1) {
            add_chunk(&chunks, &nchunks, &rep);
        } else { /* re.findall(r'\S*\s*', line): words with their trailing spaces */
            int64_t max_width2 = max_width;
            size_t cur = at, cur_end = at;
            for (size_t q = at; q < end;) {
                size_t w = q;
                while (w < end && !is_space(s[w]))
                    w++;
                while (w < end && is_space(s[w]))
                    w++;
                if (w == end && last_line)
                    max_width2 -= allowance;
                if (repr_len(I, s + cur, w - cur, &rep) > max_width2) {
                    if (cur_end > cur) {
                        repr_len(I, s + cur, cur_end - cur, &rep);
                        add_chunk(&chunks, &nchunks, &rep);
                    }
                    cur = q;
                }
                cur_end = w;
                q = w;
            }
            if (cur_end > cur) {
                repr_len(I, s + cur, cur_end - cur, &rep);
                add_chunk(&chunks, &nchunks, &rep);
            }
        }
        at = end;
    }
    if (nchunks == 1) {
        buf_add(out, last_rep.data ? last_rep.data : "", last_rep.len);
    } else {
        if (level == 1)
            buf_addc(out, '(');
        const char *c = chunks.data;
        for (size_t i = 0; i < nchunks; i++) {
            if (i) {
                buf_addc(out, '\n');
                spaces(out, indent);
            }
            buf_adds(out, c);
            c += strlen(c) + 1;
        }
        if (level == 1)
            buf_addc(out, ')');
    }
    buf_fini(&chunks);
    buf_fini(&rep);
    buf_fini(&last_rep);
    buf_fini(&held);
    return true;
}

/* _format */
static bool pp_format(PyRun *I, PP *p, SimId v, int64_t indent, int64_t allowance, int level, Buf *out)
{
    if (in_context(p, v))
        return py_not_modelled(I, 0, "pprint of a recursive structure (its text names an id)");
    Buf rep = {0};
    if (!safe_repr(I, p, v, &rep)) {
        buf_fini(&rep);
        return false;
    }
    int64_t max_width = p->width - indent - allowance;
    if ((int64_t)chars(rep.data ? rep.data : "", rep.len) <= max_width) {
        buf_add(out, rep.data ? rep.data : "", rep.len);
        buf_fini(&rep);
        return true;
    }
    SimKind k = sim_kind(S, v);
    bool ok = true, container = plain(I, v, SK_DICT) || plain(I, v, SK_LIST) || plain(I, v, SK_TUPLE) ||
                                plain(I, v, SK_SET);
    if (k == SK_STR && sim_type_of(S, v) == S->types[SK_STR]) {
        ok = pprint_str(I, p, v, indent, allowance, level + 1, out);
    } else if (container) {
        if (!enter(I, p, v)) {
            buf_fini(&rep);
            return false;
        }
        if (k == SK_DICT) {
            ok = pprint_dict(I, p, v, indent, allowance, level + 1, out);
        } else if (k == SK_SET) { /* _pprint_set: sorted */
            bool frozen = sim_obj(S, v)->sub == SIM_SET_FROZEN;
            SimId items = sorted_keys(I, v, false);
            ok = items != 0;
            if (ok) {
                buf_adds(out, frozen ? "frozenset({" : "{");
                ok = format_items(I, p, sim_items(S, items), sim_obj(S, items)->len, indent + (frozen ? 10 : 0),
                                  allowance + (frozen ? 2 : 1), level + 1, out);
                buf_adds(out, frozen ? "})" : "}");
                sim_decref(S, items);
            }
        } else {
            bool tuple = k == SK_TUPLE;
            const char *end = tuple ? (sim_obj(S, v)->len == 1 ? ",)" : ")") : "]";
            buf_addc(out, tuple ? '(' : '[');
            ok = format_items(I, p, sim_items(S, v), sim_obj(S, v)->len, indent, allowance + (int64_t)strlen(end),
                              level + 1, out);
            buf_adds(out, end);
        }
        p->depth--;
    } else if (k == SK_BYTES || k == SK_BYTEARRAY || k == SK_DEQUE || k == SK_DICT || k == SK_LIST ||
               (k == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, v)->type, "__dataclass_fields__"))) {
        ok = py_not_modelled(I, 0, "pprint breaking up a %s", op_typename(I, v));
    } else {
        buf_add(out, rep.data ? rep.data : "", rep.len);
    }
    buf_fini(&rep);
    return ok;
}

/* PrettyPrinter(indent, width, depth, stream, compact, sort_dicts,
 * underscore_numbers).pformat(obj), or refused */
static SimId pformat(PyRun *I, SimId *a, int n, SimId kw, const char *fn, bool pp, bool for_print)
{
    static const char *const names[] = {"object", "indent", "width", "depth", "stream", "compact", "sort_dicts",
                                        "underscore_numbers"};
    int np = bi_npos(I, n, kw), most = for_print ? 5 : 4; /* pprint(object, stream, indent, width, depth) */
    if (np < 1) {
        py_raise(I, EXC_TypeError, "%s() missing 1 required positional argument: 'object'", fn);
        return 0;
    }
    SimId arg[8] = {0};
    arg[0] = a[0];
    for (int i = 1; i < np; i++) {
        int slot = for_print ? (i == 1 ? 4 : i - 1) : i; /* pprint's second is stream */
        if (np > most) {
            py_raise(I, EXC_TypeError, "%s() takes from 1 to %d positional arguments but %d were given", fn, most, np);
            return 0;
        }
        arg[slot] = a[i];
    }
    for (int i = np; i < n; i++) {
        const char *w = sim_str_data(S, sim_items(S, kw)[i - np], &(size_t){0});
        int j = 1;
        while (j < 8 && strcmp(names[j], w) != 0)
            j++;
        if (j == 8)
            return py_not_modelled(I, 0, "the keyword argument '%s' of pprint.%s()", w, fn), (SimId)0;
        arg[j] = a[i];
    }
    PP p = {.width = 80, .per_level = 1, .sort_dicts = !pp};
    int64_t x;
    if (arg[1] && (!bi_int_arg(I, arg[1], &x) || x < 0 || x > 40))
        return I->ts->err.set ? 0 : (py_not_modelled(I, 0, "pprint with an indent outside 0..40"), (SimId)0);
    if (arg[1])
        p.per_level = x;
    if (arg[2] && (!bi_int_arg(I, arg[2], &x) || x < 1 || x > 10000))
        return I->ts->err.set ? 0 : (py_not_modelled(I, 0, "pprint with a width outside 1..10000"), (SimId)0);
    if (arg[2])
        p.width = x;
    if (arg[3] && arg[3] != S->none) { /* PrettyPrinter.__init__'s check */
        if (sim_kind(S, arg[3]) != SK_INT || sim_obj(S, arg[3])->sub == 1)
            return py_not_modelled(I, 0, "pprint.%s() with a depth that is not a small int", fn), (SimId)0;
        if (sim_obj(S, arg[3])->v.i <= 0) {
            py_raise(I, EXC_ValueError, "depth must be > 0");
            return 0;
        }
        p.maxlevels = sim_obj(S, arg[3])->v.i;
    }
    if ((arg[4] && arg[4] != S->none) || (arg[7] && op_truth(I, arg[7]) != 0))
        return py_not_modelled(I, 0, "pprint.%s() with stream= or underscore_numbers=", fn), (SimId)0;
    if (arg[5])
        p.compact = op_truth(I, arg[5]) > 0;
    if (arg[6])
        p.sort_dicts = op_truth(I, arg[6]) > 0;
    if (!I->gc_count_unsure)
        I->count_unsure_what = "pprint (PrettyPrinter's Python code)";
    I->gc_count_unsure = true;
    Buf out = {0};
    if (!pp_format(I, &p, a[0], 0, 0, 0, &out)) {
        buf_fini(&out);
        return 0;
    }
    SimId r = sim_str(S, out.data ? out.data : "", out.len);
    buf_fini(&out);
    return r;
}

static SimId print_it(PyRun *I, SimId text)
{
    if (!text)
        return 0;
    SimId r = textio_print(I, &text, 1, 0);
    sim_decref(S, text);
    return r;
}

static SimId p_pformat(PyRun *I, SimId *a, int n, SimId kw) { return pformat(I, a, n, kw, "pformat", false, false); }
static SimId p_pprint(PyRun *I, SimId *a, int n, SimId kw)
{
    return print_it(I, pformat(I, a, n, kw, "pprint", false, true));
}
static SimId p_pp(PyRun *I, SimId *a, int n, SimId kw) { return print_it(I, pformat(I, a, n, kw, "pp", true, true)); }

static SimId p_saferepr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        py_raise(I, EXC_TypeError, "saferepr() takes 1 positional argument but %d were given", n);
        return 0;
    }
    PP p = {.width = 80, .per_level = 1, .sort_dicts = true};
    Buf out = {0};
    if (!safe_repr(I, &p, a[0], &out)) {
        buf_fini(&out);
        return 0;
    }
    SimId r = sim_str(S, out.data ? out.data : "", out.len);
    buf_fini(&out);
    return r;
}

const BuiltinDef pprint_functions[] = {
    BUILTIN("pprint", 0, BM_PPRINT, p_pprint, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("pformat", 0, BM_PPRINT, p_pformat, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("pp", 0, BM_PPRINT, p_pp, .style = ARGS_OWN, .kw = "*"),
    BUILTIN("saferepr", 0, BM_PPRINT, p_saferepr, .style = ARGS_OWN),
};
const int pprint_nfunctions = (int)(sizeof pprint_functions / sizeof pprint_functions[0]);

void pprint_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void pprint_on_import(PyRun *I) { std_import(I, STD_PPRINT); }
