/*
 * methods: methods of the built-in types (list, dict, str, set, bytearray)
 * and the built-in type constructors (int(), list(), bytes(n), ...).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"

#define S (I->sim)

bool bi_sort_list(PyRun *I, SimId list, bool reverse);

static SimId m_append(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "list.append", n - 1, 1, 1))
        return 0;
    sim_incref(S, a[1]);
    if (sim_kind(S, a[0]) == SK_BYTEARRAY) {
        int64_t v;
        if (!bi_int_arg(I, a[1], &v))
            return 0;
        uint32_t len = sim_obj(S, a[0])->len;
        sim_bytearray_resize(S, a[0], len + 1);
        ((uint8_t *)sim_items(S, a[0]))[len] = (uint8_t)v;
        sim_decref(S, a[1]);
        return bi_none(I);
    }
    sim_list_append(S, a[0], a[1]);
    return bi_none(I);
}

static SimId m_extend(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "list.extend", n - 1, 1, 1) || !list_extend(I, a[0], a[1]))
        return 0;
    return bi_none(I);
}

static SimId m_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "pop", n - 1, 0, 1))
        return 0;
    int64_t len = sim_obj(S, a[0])->len, i = len - 1;
    if (n == 2 && !bi_int_arg(I, a[1], &i))
        return 0;
    if (len == 0) {
        py_raise(I, "IndexError", "pop from empty list");
        return 0;
    }
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        py_raise(I, "IndexError", "pop index out of range");
        return 0;
    }
    return sim_list_pop(S, a[0], (size_t)i);
}

static SimId m_insert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t i;
    if (!bi_nargs(I, "insert", n - 1, 2, 2) || !bi_int_arg(I, a[1], &i))
        return 0;
    int64_t len = sim_obj(S, a[0])->len;
    if (i < 0)
        i = i + len < 0 ? 0 : i + len;
    sim_incref(S, a[2]);
    sim_list_insert(S, a[0], (size_t)(i > len ? len : i), a[2]);
    return bi_none(I);
}

static int64_t find_item(PyRun *I, SimId list, SimId v)
{
    for (uint32_t i = 0; i < sim_obj(S, list)->len; i++) {
        SimId r = op_compare(I, OP_EQ, sim_items(S, list)[i], v);
        bool eq = r == S->true_;
        sim_xdecref(S, r);
        if (eq)
            return i;
    }
    return -1;
}

static SimId m_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "remove", n - 1, 1, 1))
        return 0;
    int64_t i = find_item(I, a[0], a[1]);
    if (i < 0) {
        py_raise(I, "ValueError", "list.remove(x): x not in list");
        return 0;
    }
    sim_list_del(S, a[0], (size_t)i);
    return bi_none(I);
}

static SimId m_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "index", n - 1, 1, 1))
        return 0;
    int64_t i = find_item(I, a[0], a[1]);
    if (i < 0) {
        Buf b = {0};
        op_repr(I, a[1], &b);
        py_raise(I, "ValueError", "%s is not in list", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return sim_int(S, i);
}

static SimId m_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "count", n - 1, 1, 1))
        return 0;
    int64_t c = 0;
    for (uint32_t i = 0; i < sim_obj(S, a[0])->len; i++) {
        SimId r = op_compare(I, OP_EQ, sim_items(S, a[0])[i], a[1]);
        c += r == S->true_;
        sim_xdecref(S, r);
    }
    return sim_int(S, c);
}

static SimId m_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "clear", n - 1, 0, 0))
        return 0;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_LIST)
        sim_list_clear(S, a[0]);
    else if (k == SK_DICT)
        sim_dict_clear(S, a[0]);
    else
        while (sim_obj(S, a[0])->len) {
            SimId key = 0;
            for (uint32_t i = 0; i < sim_obj(S, a[0])->v.p.a && !key; i++)
                key = sim_items(S, a[0])[i];
            sim_set_discard(S, a[0], key);
        }
    return bi_none(I);
}

static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "copy", n - 1, 0, 0))
        return 0;
    if (sim_kind(S, a[0]) == SK_LIST)
        return bi_list_from(I, a[0]);
    SimId d = sim_dict(S);
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, a[0], &pos, &k, &v)) {
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    return d;
}

static SimId m_reverse(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "reverse", n - 1, 0, 0))
        return 0;
    SimId *it = sim_items(S, a[0]);
    uint32_t len = sim_obj(S, a[0])->len;
    for (uint32_t i = 0; i < len / 2; i++) {
        SimId t = it[i];
        it[i] = it[len - 1 - i];
        it[len - 1 - i] = t;
    }
    return bi_none(I);
}

static SimId m_sort(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId rev = bi_kwarg(I, a, n, kw, "reverse");
    if (!bi_sort_list(I, a[0], rev && op_truth(I, rev) == 1))
        return 0;
    return bi_none(I);
}

/* ---- dict ------------------------------------------------------------------- */

static bool check_key(PyRun *I, SimId k)
{
    if (sim_hashable(S, k))
        return true;
    py_raise(I, "TypeError", "unhashable type: '%s'", op_typename(I, k));
    return false;
}

static SimId d_get(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "get", n - 1, 1, 2) || !check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v)
        v = n == 3 ? a[2] : S->none;
    sim_incref(S, v);
    return v;
}

static SimId d_view(PyRun *I, SimId *a, int n, int view)
{
    if (!bi_nargs(I, view == SIM_VIEW_KEYS ? "keys" : view == SIM_VIEW_VALUES ? "values" : "items", n - 1, 0, 0))
        return 0;
    sim_incref(S, a[0]);
    return sim_dictview(S, a[0], view);
}

static SimId d_keys(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_KEYS); }
static SimId d_values(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_VALUES); }
static SimId d_items(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return d_view(I, a, n, SIM_VIEW_ITEMS); }

static SimId d_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "pop", n - 1, 1, 2) || !check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v) {
        if (n == 3) {
            sim_incref(S, a[2]);
            return a[2];
        }
        Buf b = {0};
        op_repr(I, a[1], &b);
        py_raise(I, "KeyError", "%s", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    sim_incref(S, v);
    sim_dict_del(S, a[0], a[1]);
    return v;
}

static SimId d_setdefault(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "setdefault", n - 1, 1, 2) || !check_key(I, a[1]))
        return 0;
    SimId v = sim_dict_get(S, a[0], a[1]);
    if (!v) {
        v = n == 3 ? a[2] : S->none;
        sim_incref(S, a[1]), sim_incref(S, v);
        sim_dict_set(S, a[0], a[1], v);
    }
    sim_incref(S, v);
    return v;
}

static SimId d_update(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "update", n - 1, 1, 1))
        return 0;
    if (sim_kind(S, a[1]) != SK_DICT) {
        py_raise(I, "TypeError", "pydive's dict.update takes a dict");
        return 0;
    }
    uint32_t pos = 0;
    SimId k, v;
    while (sim_dict_next(S, a[1], &pos, &k, &v)) {
        sim_incref(S, k), sim_incref(S, v);
        sim_dict_set(S, a[0], k, v);
    }
    return bi_none(I);
}

/* ---- set --------------------------------------------------------------------- */

static SimId s_add(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "add", n - 1, 1, 1) || !check_key(I, a[1]))
        return 0;
    sim_incref(S, a[1]);
    sim_set_add(S, a[0], a[1]);
    return bi_none(I);
}

static SimId s_discard(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "discard", n - 1, 1, 1) || !check_key(I, a[1]))
        return 0;
    sim_set_discard(S, a[0], a[1]);
    return bi_none(I);
}

static SimId s_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "remove", n - 1, 1, 1) || !check_key(I, a[1]))
        return 0;
    if (!sim_set_discard(S, a[0], a[1])) {
        Buf b = {0};
        op_repr(I, a[1], &b);
        py_raise(I, "KeyError", "%s", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return bi_none(I);
}

/* ---- str ---------------------------------------------------------------------- */

static SimId str_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "join", n - 1, 1, 1))
        return 0;
    SimId l = bi_list_from(I, a[1]);
    if (!l)
        return 0;
    size_t sl;
    const char *sep = sim_str_data(S, a[0], &sl);
    uint64_t total = 0; /* PyUnicode_Join sizes the result before copying */
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++)
        if (sim_kind(S, sim_items(S, l)[i]) == SK_STR)
            total += sim_obj(S, sim_items(S, l)[i])->len + (i ? sl : 0);
    if (!py_mem_room(I, total)) {
        sim_decref(S, l);
        return 0;
    }
    Buf b = {0};
    for (uint32_t i = 0; i < sim_obj(S, l)->len; i++) {
        SimId it = sim_items(S, l)[i];
        if (sim_kind(S, it) != SK_STR) {
            py_raise(I, "TypeError", "sequence item %u: expected str instance, %s found", i, op_typename(I, it));
            buf_fini(&b);
            sim_decref(S, l);
            return 0;
        }
        if (i)
            buf_add(&b, sep, sl);
        size_t n2;
        const char *d = sim_str_data(S, it, &n2);
        buf_add(&b, d, n2);
    }
    sim_decref(S, l);
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

static SimId str_case(PyRun *I, SimId *a, int n, bool upper)
{
    if (!bi_nargs(I, upper ? "upper" : "lower", n - 1, 0, 0))
        return 0;
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    char *t = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        t[i] = (char)(upper ? (d[i] >= 'a' && d[i] <= 'z' ? d[i] - 32 : d[i])
                            : (d[i] >= 'A' && d[i] <= 'Z' ? d[i] + 32 : d[i]));
    SimId r = sim_str(S, t, len);
    free(t);
    return r;
}

static SimId str_upper(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return str_case(I, a, n, true); }
static SimId str_lower(PyRun *I, SimId *a, int n, SimId kw) { (void)kw; return str_case(I, a, n, false); }

static SimId str_strip(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "strip", n - 1, 0, 0))
        return 0;
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    size_t s0 = 0, e = len;
    while (s0 < e && strchr(" \t\n\r", d[s0]))
        s0++;
    while (e > s0 && strchr(" \t\n\r", d[e - 1]))
        e--;
    return sim_str(S, d + s0, e - s0);
}

static SimId str_split(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "split", n - 1, 0, 1))
        return 0;
    size_t len, sl = 0;
    const char *d = sim_str_data(S, a[0], &len);
    const char *sep = n == 2 && sim_kind(S, a[1]) == SK_STR ? sim_str_data(S, a[1], &sl) : NULL;
    SimId l = sim_list(S, 0);
    size_t i = 0;
    if (!sep) {
        while (i < len) {
            while (i < len && strchr(" \t\n\r", d[i]))
                i++;
            size_t st = i;
            while (i < len && !strchr(" \t\n\r", d[i]))
                i++;
            if (i > st)
                sim_list_append(S, l, sim_str(S, d + st, i - st));
        }
        return l;
    }
    size_t st = 0;
    for (i = 0; i + sl <= len;) {
        if (sl && memcmp(d + i, sep, sl) == 0) {
            sim_list_append(S, l, sim_str(S, d + st, i - st));
            i += sl;
            st = i;
        } else {
            i++;
        }
    }
    sim_list_append(S, l, sim_str(S, d + st, len - st));
    return l;
}

static SimId str_startswith(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "startswith", n - 1, 1, 1))
        return 0;
    size_t len, pl;
    const char *d = sim_str_data(S, a[0], &len), *p = sim_str_data(S, a[1], &pl);
    return sim_bool(S, pl <= len && memcmp(d, p, pl) == 0);
}

static SimId str_endswith(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "endswith", n - 1, 1, 1))
        return 0;
    size_t len, pl;
    const char *d = sim_str_data(S, a[0], &len), *p = sim_str_data(S, a[1], &pl);
    return sim_bool(S, pl <= len && memcmp(d + len - pl, p, pl) == 0);
}

static SimId str_replace(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "replace", n - 1, 2, 2))
        return 0;
    size_t len, ol, nl;
    const char *d = sim_str_data(S, a[0], &len), *o = sim_str_data(S, a[1], &ol),
               *nw = sim_str_data(S, a[2], &nl);
    Buf b = {0};
    for (size_t i = 0; i < len;) {
        if (ol && i + ol <= len && memcmp(d + i, o, ol) == 0) {
            buf_add(&b, nw, nl);
            i += ol;
        } else {
            buf_addc(&b, d[i++]);
        }
    }
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

static SimId str_format(PyRun *I, SimId *a, int n, SimId kw)
{
    size_t len;
    const char *d = sim_str_data(S, a[0], &len);
    int np = bi_npos(I, n, kw) - 1, auto_i = 0;
    Buf b = {0};
    for (size_t i = 0; i < len; i++) {
        if (d[i] == '{' && i + 1 < len && d[i + 1] == '{') {
            buf_addc(&b, '{');
            i++;
            continue;
        }
        if (d[i] == '}' && i + 1 < len && d[i + 1] == '}') {
            buf_addc(&b, '}');
            i++;
            continue;
        }
        if (d[i] != '{') {
            buf_addc(&b, d[i]);
            continue;
        }
        size_t j = i + 1;
        while (j < len && d[j] != '}' && d[j] != ':')
            j++;
        char field[64] = "", spec[32] = "";
        snprintf(field, sizeof field, "%.*s", (int)(j - i - 1), d + i + 1);
        if (j < len && d[j] == ':') {
            size_t k = j + 1;
            while (k < len && d[k] != '}')
                k++;
            snprintf(spec, sizeof spec, "%.*s", (int)(k - j - 1), d + j + 1);
            j = k;
        }
        SimId v = 0;
        if (!field[0])
            v = auto_i < np ? a[1 + auto_i++] : 0;
        else if (field[0] >= '0' && field[0] <= '9')
            v = atoi(field) < np ? a[1 + atoi(field)] : 0;
        else
            v = bi_kwarg(I, a, n, kw, field);
        if (!v) {
            buf_fini(&b);
            py_raise(I, "IndexError", "Replacement index %d out of range for positional args tuple", auto_i);
            return 0;
        }
        if (!op_format(I, v, spec, &b)) {
            buf_fini(&b);
            return 0;
        }
        i = j;
    }
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

const BuiltinDef method_defs[] = {
    {"append", SK_LIST, 0, m_append}, {"extend", SK_LIST, 0, m_extend},
    {"pop", SK_LIST, 0, m_pop}, {"insert", SK_LIST, 0, m_insert},
    {"remove", SK_LIST, 0, m_remove}, {"index", SK_LIST, 0, m_index},
    {"count", SK_LIST, 0, m_count}, {"clear", SK_LIST, 0, m_clear},
    {"copy", SK_LIST, 0, m_copy}, {"reverse", SK_LIST, 0, m_reverse},
    {"sort", SK_LIST, 0, m_sort},
    {"get", SK_DICT, 0, d_get}, {"keys", SK_DICT, 0, d_keys}, {"values", SK_DICT, 0, d_values},
    {"items", SK_DICT, 0, d_items}, {"clear", SK_DICT, 0, m_clear}, {"pop", SK_DICT, 0, d_pop},
    {"setdefault", SK_DICT, 0, d_setdefault}, {"update", SK_DICT, 0, d_update},
    {"copy", SK_DICT, 0, m_copy},
    {"add", SK_SET, 0, s_add}, {"discard", SK_SET, 0, s_discard}, {"remove", SK_SET, 0, s_remove},
    {"clear", SK_SET, 0, m_clear},
    {"append", SK_BYTEARRAY, 0, m_append},
    {"join", SK_STR, 0, str_join}, {"upper", SK_STR, 0, str_upper}, {"lower", SK_STR, 0, str_lower},
    {"strip", SK_STR, 0, str_strip}, {"split", SK_STR, 0, str_split},
    {"startswith", SK_STR, 0, str_startswith}, {"endswith", SK_STR, 0, str_endswith},
    {"replace", SK_STR, 0, str_replace}, {"format", SK_STR, 0, str_format},
    {"count", SK_TUPLE, 0, m_count}, {"index", SK_TUPLE, 0, m_index},
};
const int method_ndefs = (int)(sizeof method_defs / sizeof method_defs[0]);
