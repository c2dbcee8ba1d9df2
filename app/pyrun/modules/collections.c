/*
 * collections: the module as far as the model has it — the deque type of
 * Modules/_collectionsmodule.c (3.11-3.13), its constructor and methods
 * here, its protocols (items, comparison, iteration, repr) in deque_ops.c.
 * The block layout lives in sim/deque.c.  defaultdict is
 * collections_defaultdict.c's, Counter collections_counter.c's and
 * counter_ops.c's; the module's other names (OrderedDict, namedtuple ...)
 * are refused by name.
 * `import collections` costs what std_import.c measured.
 */
#include <string.h>

#include "pyrun/modules/collections.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static bool is_deque(PyRun *I, SimId v) { return sim_kind(S, v) == SK_DEQUE; }

/* ---- growing and trimming --------------------------------------------------------- */

/* deque_append_internal / deque_appendleft_internal: steals item, then
 * trims the other end past maxlen */
static bool push(PyRun *I, SimId d, SimId item, bool left)
{
    if (!sim_deque_push(S, d, item, left)) {
        py_no_memory(I);
        return false;
    }
    int64_t maxlen = sim_deque_maxlen(S, d);
    if (maxlen >= 0 && (int64_t)sim_obj(S, d)->len > maxlen)
        sim_decref(S, sim_deque_pop(S, d, !left));
    else
        sim_deque_touch(S, d);
    return true;
}

bool deque_extend(PyRun *I, SimId d, SimId iterable, bool left)
{
    if (iterable == d) { /* extend by a snapshot of itself */
        SimId l = bi_list_from(I, d);
        if (!l)
            return false;
        bool ok = deque_extend(I, d, l, left);
        sim_decref(S, l);
        return ok;
    }
    SimId it = iter_new(I, iterable);
    if (!it) {
        if (!I->ts->err.set)
            py_raise(I, EXC_TypeError, "'%s' object is not iterable", op_typename(I, iterable));
        return false;
    }
    bool consume = sim_deque_maxlen(S, d) == 0;
    if (!consume)
        sim_deque_start_extend(S, d, left);
    SimId item;
    int r;
    while ((r = iter_step(I, it, &item)) == 1) {
        if (consume)
            sim_decref(S, item);
        else if (!push(I, d, item, left))
            break;
    }
    sim_decref(S, it);
    return r == 0;
}

/* ---- the constructor ------------------------------------------------------------------ */

static bool maxlen_arg(PyRun *I, SimId v, int64_t *out)
{
    *out = -1;
    if (!v || sim_kind(S, v) == SK_NONE)
        return true;
    SimKind k = sim_kind(S, v);
    if (k != SK_INT && k != SK_BOOL) {
        py_raise(I, EXC_TypeError, "an integer is required");
        return false;
    }
    if (sim_obj(S, v)->sub == 1)
        return py_not_modelled(I, 0, "a deque maxlen past sys.maxsize");
    *out = sim_obj(S, v)->v.i;
    if (*out < 0) {
        py_raise(I, EXC_ValueError, "maxlen must be non-negative");
        return false;
    }
    if (*out > INT32_MAX)
        return py_not_modelled(I, 0, "a deque maxlen past 2**31");
    return true;
}

SimId deque_construct(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw), nk = n - np;
    for (int i = 0; i < nk; i++) {
        SimId k = sim_items(S, kw)[i];
        if (!sim_str_equals(S, k, "iterable") && !sim_str_equals(S, k, "maxlen")) {
            size_t len;
            const char *w = sim_str_data(S, k, &len);
            if (S->prof->version <= SIM_V312)
                py_raise(I, EXC_TypeError, "'%.*s' is an invalid keyword argument for deque()", (int)len, w);
            else
                py_raise(I, EXC_TypeError, "deque() got an unexpected keyword argument '%.*s'", (int)len, w);
            return 0;
        }
    }
    if (n > 2) {
        py_raise(I, EXC_TypeError, "deque() takes at most 2 arguments (%d given)", n);
        return 0;
    }
    TpArgs t = tp_args(I, a, n, kw);
    SimId iterable = itertools_arg(I, a, n, kw, 0, "iterable");
    SimId maxlen_v = itertools_arg(I, a, n, kw, 1, "maxlen");
    int64_t maxlen;
    if (!maxlen_arg(I, maxlen_v, &maxlen)) { /* deque_init, after deque_new made it */
        if (!I->refused)
            sim_decref(S, sim_deque(S, -1));
        return tp_args_done(I, &t, 0);
    }
    SimId d = sim_deque(S, maxlen);
    if (iterable && !deque_extend(I, d, iterable, false)) {
        sim_decref(S, d);
        return tp_args_done(I, &t, 0);
    }
    return tp_args_done(I, &t, d);
}

/* ---- the methods -------------------------------------------------------------------- */

/* The positional count of rotate, index and insert: 3.13's Argument Clinic
 * words it "rotate expected at most 1 argument, got 2"; 3.11 and 3.12 say
 * "deque.rotate expected ..." (rotate) or "index() takes at least 1
 * argument (0 given)" (PyArg_ParseTuple). */
static bool positional(PyRun *I, const char *name, int np, int min, int max)
{
    if (np >= min && np <= max)
        return true;
    int want = np < min ? min : max;
    const char *how = min == max ? "" : np < min ? "at least " : "at most ";
    const char *s = want == 1 ? "" : "s";
    if (S->prof->version >= SIM_V313)
        py_raise(I, EXC_TypeError, "%s expected %s%d argument%s, got %d", name, how, want, s, np);
    else if (strcmp(name, "rotate") == 0)
        py_raise(I, EXC_TypeError, "deque.%s expected %s%d argument%s, got %d", name, how, want, s, np);
    else
        py_raise(I, EXC_TypeError, "%s() takes %s%d argument%s (%d given)", name,
                 min == max ? "exactly " : how, want, s, np);
    return false;
}

static SimId m_append(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_incref(S, a[1]);
    return push(I, a[0], a[1], false) ? bi_none(I) : 0;
}

static SimId m_appendleft(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_incref(S, a[1]);
    return push(I, a[0], a[1], true) ? bi_none(I) : 0;
}

static SimId pop_end(PyRun *I, SimId d, bool left)
{
    SimId v = sim_deque_pop(S, d, left);
    if (!v)
        py_raise(I, EXC_IndexError, "pop from an empty deque");
    return v;
}

static SimId m_pop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return pop_end(I, a[0], false);
}

static SimId m_popleft(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return pop_end(I, a[0], true);
}

static SimId m_extend(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return deque_extend(I, a[0], a[1], false) ? bi_none(I) : 0;
}

static SimId m_extendleft(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return deque_extend(I, a[0], a[1], true) ? bi_none(I) : 0;
}

static SimId m_rotate(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t k = 1;
    if (!positional(I, "rotate", n - 1, 0, 1))
        return 0;
    if (n > 1 && !bi_int_arg(I, a[1], &k))
        return 0;
    sim_deque_rotate(S, a[0], k);
    return bi_none(I);
}

static SimId m_clear(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    sim_deque_clear(S, a[0]);
    return bi_none(I);
}

/* the items compared with x from the left, as count/index/remove walk
 * them: the index of the first equal one (-1: none; -2: error) */
static int64_t find(PyRun *I, SimId d, SimId x, int64_t start, int64_t stop, int64_t *count)
{
    uint32_t state = sim_deque_state(S, d);
    for (int64_t i = start; i < stop && i < (int64_t)sim_obj(S, d)->len; i++) {
        SimId item = sim_deque_item(S, d, (size_t)i);
        sim_incref(S, item);
        int eq = item == x ? 1 : op_equal(I, item, x);
        sim_decref(S, item);
        if (eq < 0)
            return -2;
        if (state != sim_deque_state(S, d)) {
            py_raise(I, EXC_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (eq > 0 && !count)
            return i;
        if (eq > 0)
            (*count)++;
    }
    return -1;
}

static SimId m_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t c = 0;
    return find(I, a[0], a[1], 0, sim_obj(S, a[0])->len, &c) == -2 ? 0 : sim_int(S, c);
}

static bool bound(PyRun *I, SimId v, int64_t len, int64_t *out)
{
    if (!bi_int_arg(I, v, out))
        return false;
    if (*out < 0) {
        *out += len;
        if (*out < 0)
            *out = 0;
    }
    if (*out > len)
        *out = len;
    return true;
}

static SimId m_index(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!positional(I, "index", n - 1, 1, 3))
        return 0;
    int64_t len = sim_obj(S, a[0])->len, start = 0, stop = len;
    if ((n > 2 && !bound(I, a[2], len, &start)) || (n > 3 && !bound(I, a[3], len, &stop)))
        return 0;
    int64_t i = find(I, a[0], a[1], start, stop, NULL);
    if (i == -2)
        return 0;
    if (i == -1) {
        Buf b = {0};
        bool ok = op_repr(I, a[1], &b);
        if (ok)
            py_raise(I, EXC_ValueError, "%s is not in deque", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    return sim_int(S, i);
}

/* deque_del_item: rotate the item to the left end, pop it, rotate back */
static void del_at(PyRun *I, SimId d, int64_t i)
{
    sim_deque_rotate(S, d, -i);
    SimId item = sim_deque_pop(S, d, true);
    sim_deque_rotate(S, d, i);
    sim_xdecref(S, item);
}

static SimId m_remove(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int64_t i = find(I, a[0], a[1], 0, sim_obj(S, a[0])->len, NULL);
    if (i == -2)
        return 0;
    if (i == -1) {
        Buf b = {0};
        if (op_repr(I, a[1], &b))
            py_raise(I, EXC_ValueError, "%s is not in deque", buf_str(&b));
        buf_fini(&b);
        return 0;
    }
    del_at(I, a[0], i);
    return bi_none(I);
}

static SimId m_reverse(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId d = a[0];
    size_t len = sim_obj(S, d)->len;
    for (size_t i = 0; i < len / 2; i++) {
        SimId x = sim_deque_item(S, d, i), y = sim_deque_item(S, d, len - 1 - i);
        sim_incref(S, x), sim_incref(S, y);
        sim_deque_set_item(S, d, i, y);
        sim_deque_set_item(S, d, len - 1 - i, x);
    }
    return bi_none(I);
}

static SimId m_insert(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!positional(I, "insert", n - 1, 2, 2))
        return 0;
    SimId d = a[0];
    int64_t i, len = sim_obj(S, d)->len;
    if (!bi_int_arg(I, a[1], &i))
        return 0;
    if (sim_deque_maxlen(S, d) == len) {
        py_raise(I, EXC_IndexError, "deque already at its maximum size");
        return 0;
    }
    sim_incref(S, a[2]);
    if (i >= len)
        return push(I, d, a[2], false) ? bi_none(I) : 0;
    if (i <= -len || i == 0)
        return push(I, d, a[2], true) ? bi_none(I) : 0;
    sim_deque_rotate(S, d, -i);
    bool ok = push(I, d, a[2], i >= 0);
    sim_deque_rotate(S, d, i);
    return ok ? bi_none(I) : 0;
}

/* deque_copy: a new deque of the same maxlen, extended by this one */
SimId deque_copy(PyRun *I, SimId d)
{
    SimId c = sim_deque(S, sim_deque_maxlen(S, d));
    if (sim_obj(S, d)->len == 1) {
        SimId item = sim_deque_item(S, d, 0);
        sim_incref(S, item);
        push(I, c, item, false);
        return c;
    }
    if (!deque_extend(I, c, d, false)) {
        sim_decref(S, c);
        return 0;
    }
    return c;
}

static SimId m_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return deque_copy(I, a[0]);
}

SimId deque_concat(PyRun *I, SimId d, SimId e, bool inplace)
{
    if (!inplace && !is_deque(I, e)) {
        py_raise(I, EXC_TypeError, "can only concatenate deque (not \"%s\") to deque", op_typename(I, e));
        return 0;
    }
    SimId r = inplace ? d : deque_copy(I, d);
    if (!r)
        return 0;
    if (inplace)
        sim_incref(S, r);
    if (!deque_extend(I, r, e, false)) {
        sim_decref(S, r);
        return 0;
    }
    return r;
}

/* deque_inplace_repeat (on a copy for d * n): the items again n - 1 times,
 * as many as maxlen keeps */
SimId deque_repeat(PyRun *I, SimId d, int64_t n, bool inplace)
{
    SimId r = inplace ? d : deque_copy(I, d);
    if (!r)
        return 0;
    if (inplace)
        sim_incref(S, r);
    int64_t size = sim_obj(S, r)->len, maxlen = sim_deque_maxlen(S, r);
    if (n <= 0) {
        sim_deque_clear(S, r);
        return r;
    }
    if (size == 0 || n == 1)
        return r;
    if (size * n > 100000000 / 8)
        return sim_decref(S, r), py_not_modelled(I, 0, "a deque repeated past 100 million items"), (SimId)0;
    if (size == 1) {
        SimId item = sim_deque_item(S, r, 0);
        for (int64_t i = 1; i < n; i++) {
            sim_incref(S, item);
            if (!push(I, r, item, false))
                return sim_decref(S, r), (SimId)0;
        }
        return r;
    }
    SimId seq = bi_list_from(I, r); /* PySequence_List */
    if (!seq)
        return sim_decref(S, r), (SimId)0;
    if (maxlen >= 0 && n * size > maxlen)
        n = (maxlen + size - 1) / size;
    for (int64_t i = 0; i < n - 1; i++)
        if (!deque_extend(I, r, seq, false)) {
            sim_decref(S, seq), sim_decref(S, r);
            return 0;
        }
    sim_decref(S, seq);
    return r;
}

static SimId refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this deque method"), 0;
}

const BuiltinDef deque_methods[] = {
    BUILTIN("append", SK_DEQUE, 0, m_append, .style = ARGS_ONE),
    BUILTIN("appendleft", SK_DEQUE, 0, m_appendleft, .style = ARGS_ONE),
    BUILTIN("pop", SK_DEQUE, 0, m_pop, .style = ARGS_NONE),
    BUILTIN("popleft", SK_DEQUE, 0, m_popleft, .style = ARGS_NONE),
    BUILTIN("extend", SK_DEQUE, 0, m_extend, .style = ARGS_ONE),
    BUILTIN("extendleft", SK_DEQUE, 0, m_extendleft, .style = ARGS_ONE),
    BUILTIN("rotate", SK_DEQUE, 0, m_rotate),
    BUILTIN("clear", SK_DEQUE, 0, m_clear, .style = ARGS_NONE),
    BUILTIN("count", SK_DEQUE, 0, m_count, .style = ARGS_ONE),
    BUILTIN("index", SK_DEQUE, 0, m_index),
    BUILTIN("remove", SK_DEQUE, 0, m_remove, .style = ARGS_ONE),
    BUILTIN("reverse", SK_DEQUE, 0, m_reverse, .style = ARGS_NONE),
    BUILTIN("insert", SK_DEQUE, 0, m_insert),
    BUILTIN("copy", SK_DEQUE, 0, m_copy, .style = ARGS_NONE),
    BUILTIN("__copy__", SK_DEQUE, 0, m_copy, .style = ARGS_NONE),
    BUILTIN("__reduce__", SK_DEQUE, 0, refused, .refused = true),
    BUILTIN("__class_getitem__", SK_DEQUE, 0, refused, .refused = true),
};
const int deque_nmethods = (int)(sizeof deque_methods / sizeof deque_methods[0]);

/* The module's table: the deque type's constructor under its name (the
 * module's dict holds the type) */
const BuiltinDef collections_functions[] = {
    BUILTIN("deque", 0, BM_COLLECTIONS, deque_construct, .kw = "iterable maxlen"),
    BUILTIN("namedtuple", 0, BM_COLLECTIONS, namedtuple_make, .kw = "*"),
};
const int collections_nfunctions = (int)(sizeof collections_functions / sizeof collections_functions[0]);

void collections_module_init(PyRun *I, SimId d)
{
    /* registry.c puts the deque type in for its constructor */
    bi_dict_put(I, d, "defaultdict", defaultdict_make_type(I));
    bi_dict_put(I, d, "Counter", counter_make_type(I));
    bi_dict_put(I, d, "OrderedDict", odict_make_type(I));
    bi_dict_put(I, d, "ChainMap", chainmap_make_type(I));
}

void collections_on_import(PyRun *I) { std_import(I, STD_COLLECTIONS); }
