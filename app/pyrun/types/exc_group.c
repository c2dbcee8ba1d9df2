/*
 * exc_group: BaseExceptionGroup and ExceptionGroup (PEP 654) as CPython's
 * Objects/exceptions.c makes them — __new__'s checks and its choice of
 * class (a BaseExceptionGroup of Exceptions only is an ExceptionGroup),
 * message and exceptions (the arguments as a tuple), str(), derive(),
 * split() and subgroup() — and the two steps of `except*` (ceval's
 * CHECK_EG_MATCH and _PyExc_PrepReraiseStar), with the objects they make
 * in CPython's order: the lists split() fills, the group derive() makes
 * (its args keep the list), the set of leaf ids and the id ints a
 * re-raise's projection makes.
 *
 * ExceptionGroup is a heap type in CPython (PyErr_NewException with the
 * bases BaseExceptionGroup and Exception): its instances are 8 bytes
 * larger under 3.11 (a weakref slot) and 16 from 3.12 (a pre-header),
 * as the model's heap exception classes are.  A program's own subclass
 * of either group is refused (its derive() and __init__ are its own).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

#define F_MSG ((SimExcField)SIM_EXC_NFIELDS)
#define F_EXCS ((SimExcField)(SIM_EXC_NFIELDS + 1))

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

bool exc_is_group_class(PyRun *I, SimId cls)
{
    SimId b = I->exc_types[EXC_BaseExceptionGroup];
    return b && sim_kind(S, cls) == SK_TYPE && sim_is_subtype(S, cls, b);
}

bool exc_is_group(PyRun *I, SimId v)
{
    return sim_is_exc(S, v) && exc_is_group_class(I, sim_obj(S, v)->type);
}

static bool own_class(PyRun *I, SimId cls)
{
    return cls == exc_class(I, EXC_BaseExceptionGroup) || cls == exc_class(I, EXC_ExceptionGroup);
}

SimId exc_group_excs(PyRun *I, SimId e) { return sim_exc_get(S, e, F_EXCS); }

/* BaseExceptionGroup_new (and its tp_init) for args = (message, exceptions),
 * the call's tuple (stolen): the instance, or 0 with the error raised. */
static SimId group_new(PyRun *I, SimId cls, SimId args)
{
    uint32_t n = sim_obj(S, args)->len;
    if (n != 2) {
        py_raise(I, EXC_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%u given)", n);
        sim_decref(S, args);
        return 0;
    }
    SimId msg = sim_items(S, args)[0], seq = sim_items(S, args)[1];
    if (sim_kind(S, msg) != SK_STR) {
        py_raise(I, EXC_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", op_typename(I, msg));
        sim_decref(S, args);
        return 0;
    }
    SimKind k = sim_kind(S, seq);
    SimId excs = 0;
    if (k == SK_TUPLE) {
        excs = ref(I, seq);
    } else if (k == SK_LIST) { /* PySequence_Tuple */
        uint32_t m = sim_obj(S, seq)->len;
        excs = sim_tuple(S, m);
        for (uint32_t i = 0; i < m; i++)
            sim_tuple_set(S, excs, i, ref(I, sim_items(S, seq)[i]));
    } else if (k == SK_INT || k == SK_FLOAT || k == SK_BOOL || k == SK_NONE || k == SK_SET || k == SK_DICT ||
               sim_is_exc(S, seq)) {
        py_raise(I, EXC_TypeError, "second argument (exceptions) must be a sequence");
        sim_decref(S, args);
        return 0;
    } else {
        sim_decref(S, args);
        return py_not_modelled(I, 0, "an exception group's exceptions given as a %s (only a list or a tuple)",
                               op_typename(I, seq)), (SimId)0;
    }
    uint32_t m = sim_obj(S, excs)->len;
    bool nested_base = false;
    const char *fail = NULL;
    ExcType fail_type = EXC_ValueError;
    uint32_t bad = 0;
    if (m == 0)
        fail = "second argument (exceptions) must be a non-empty sequence";
    for (uint32_t i = 0; !fail && i < m; i++) {
        SimId e = sim_items(S, excs)[i];
        if (!sim_is_exc(S, e)) {
            fail = "item";
            bad = i;
        } else if (!sim_is_subtype(S, sim_obj(S, e)->type, exc_class(I, EXC_Exception))) {
            nested_base = true;
        }
    }
    if (!fail && cls == exc_class(I, EXC_ExceptionGroup) && nested_base) {
        fail = "Cannot nest BaseExceptions in an ExceptionGroup";
        fail_type = EXC_TypeError;
    }
    if (fail) {
        if (strcmp(fail, "item") == 0)
            py_raise(I, EXC_ValueError, "Item %u of second argument (exceptions) is not an exception", bad);
        else
            py_raise(I, fail_type, "%s", fail);
        sim_decref(S, excs);
        sim_decref(S, args);
        return 0;
    }
    if (cls == exc_class(I, EXC_BaseExceptionGroup) && !nested_base)
        cls = exc_class(I, EXC_ExceptionGroup);
    bool heap = cls == exc_class(I, EXC_ExceptionGroup);
    SimId g = sim_exc_new(S, cls, heap, exc_layout_words(I, cls));
    sim_exc_set(S, g, SIM_EXC_ARGS, args);
    sim_exc_set(S, g, F_MSG, ref(I, msg));
    sim_exc_set(S, g, F_EXCS, excs);
    return g;
}

static bool call_ok(PyRun *I, SimId cls, bool kw)
{
    if (!own_class(I, cls))
        return py_not_modelled(I, 0, "a subclass of an exception group made by the program"), false;
    if (kw) {
        size_t n;
        const char *nm = sim_str_data(S, sim_items(S, cls)[0], &n);
        py_raise(I, EXC_TypeError, "%.*s() takes no keyword arguments", (int)n, nm);
        return false;
    }
    return true;
}

SimId exc_group_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames)
{
    if (!call_ok(I, cls, kwnames && sim_obj(S, kwnames)->len))
        return 0;
    SimId t = sim_tuple(S, (size_t)nargs);
    for (int i = 0; i < nargs; i++)
        sim_tuple_set(S, t, (size_t)i, ref(I, args[i]));
    return group_new(I, cls, t);
}

SimId exc_group_call_tuple(PyRun *I, SimId cls, SimId args, bool kw)
{
    if (!call_ok(I, cls, kw))
        return 0;
    return group_new(I, cls, ref(I, args));
}

/* _PyExc_CreateExceptionGroup / derive: BaseExceptionGroup(msg, excs) */
static SimId make_group(PyRun *I, SimId msg, SimId excs)
{
    SimId a = sim_tuple(S, 2);
    sim_tuple_set(S, a, 0, ref(I, msg));
    sim_tuple_set(S, a, 1, ref(I, excs));
    return group_new(I, exc_class(I, EXC_BaseExceptionGroup), a);
}

/* ---- split -------------------------------------------------------------- */

typedef enum { BY_TYPE, BY_PREDICATE, BY_IDS } MatchKind;

typedef struct Matcher {
    MatchKind kind;
    SimId value;
    const SimId *ids; /* BY_IDS: the leaves' ids, and the set CPython fills */
    uint32_t nids;
} Matcher;

static bool get_matcher(PyRun *I, SimId v, Matcher *m)
{
    SimKind k = sim_kind(S, v);
    m->value = v;
    if (k == SK_FUNC || (k == SK_BUILTIN && !exc_is_class(I, v))) {
        m->kind = BY_PREDICATE;
        return true;
    }
    m->kind = BY_TYPE;
    if (exc_is_class(I, v))
        return true;
    bool ok = k == SK_TUPLE;
    for (uint32_t i = 0; ok && i < sim_obj(S, v)->len; i++)
        ok = exc_is_class(I, sim_items(S, v)[i]);
    if (ok)
        return true;
    if (sim_kind(S, v) == SK_INSTANCE || sim_kind(S, v) == SK_TYPE)
        return py_not_modelled(I, 0, "split() or subgroup() with this matcher (a callable object or a class)"), false;
    py_raise(I, EXC_TypeError, S->prof->version >= SIM_V313
                                   ? "expected an exception type, a tuple of exception types, or a callable (other than a class)"
                                   : "expected a function, exception type or tuple of exception types");
    return false;
}

static bool type_matches(PyRun *I, SimId e, SimId t)
{
    if (sim_kind(S, t) == SK_TUPLE) {
        for (uint32_t i = 0; i < sim_obj(S, t)->len; i++)
            if (sim_is_subtype(S, sim_obj(S, e)->type, sim_items(S, t)[i]))
                return true;
        return false;
    }
    return sim_is_subtype(S, sim_obj(S, e)->type, t);
}

static SimId id_int(PyRun *I, SimId e)
{
    return sim_int(S, (int64_t)(sim_id_address(S, e) & 0x7fffffffffffull));
}

/* exceptiongroup_split_check_match: 1, 0, or -1 on error */
static int check_match(PyRun *I, SimId e, const Matcher *m)
{
    if (m->kind == BY_TYPE)
        return type_matches(I, e, m->value);
    if (m->kind == BY_IDS) { /* PyLong_FromVoidPtr(exc) looked up in the set */
        sim_decref(S, id_int(I, e));
        for (uint32_t i = 0; i < m->nids; i++)
            if (m->ids[i] == e)
                return 1;
        return 0;
    }
    SimId r = vm_call(I, m->value, &e, 1);
    if (!r)
        return -1;
    int t = op_truth(I, r);
    sim_decref(S, r);
    return t;
}

/* exceptiongroup_subset: derive(excs) with orig's traceback, context,
 * cause and a copy of its notes; *out 0 when excs is empty */
static bool subset(PyRun *I, SimId orig, SimId excs, SimId *out)
{
    *out = 0;
    if (sim_obj(S, excs)->len == 0)
        return true;
    SimId g = make_group(I, sim_exc_get(S, orig, F_MSG), excs);
    if (!g)
        return false;
    static const SimExcField copied[] = {SIM_EXC_TRACEBACK, SIM_EXC_CONTEXT, SIM_EXC_CAUSE};
    for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++) {
        SimId v = sim_exc_get(S, orig, copied[i]);
        if (v)
            sim_exc_set(S, g, copied[i], ref(I, v));
    }
    sim_exc_set(S, g, SIM_EXC_SUPPRESS, 1); /* PyException_SetCause sets it, even to NULL */
    SimId d = sim_obj(S, orig)->v.instance.dict;
    SimId notes = d ? sim_dict_get_str(S, d, "__notes__") : 0;
    if (notes) {
        sim_decref(S, g);
        return py_not_modelled(I, 0, "splitting an exception group that has notes"), false;
    }
    *out = g;
    return true;
}

typedef struct Split {
    SimId match, rest; /* new references or 0 */
} Split;

/* CPython's calls inside a split (split's and derive's argument tuples,
 * the bound methods PyObject_CallMethod makes, the id ints) leave tuples
 * on the free lists that the model does not follow: the young count and
 * the allocator's figures are refused from here (a gc.collect() makes the
 * count exact again) */
static void split_unsure(PyRun *I)
{
    I->gc_count_unsure = true;
    if (!I->count_unsure_what)
        I->count_unsure_what = "an exception group split (the argument tuples of CPython's calls inside it)";
    if (!I->foreign_heap)
        I->foreign_heap = "an exception group split";
}

/* exceptiongroup_split_recursive */
static bool split_rec(PyRun *I, SimId e, const Matcher *m, bool with_rest, Split *r)
{
    r->match = r->rest = 0;
    split_unsure(I);
    int hit = check_match(I, e, m);
    if (hit < 0)
        return false;
    if (hit) {
        r->match = ref(I, e);
        return true;
    }
    if (!exc_is_group(I, e)) {
        if (with_rest)
            r->rest = ref(I, e);
        return true;
    }
    SimId excs = sim_exc_get(S, e, F_EXCS);
    SimId ml = sim_list(S, 0), rl = with_rest ? sim_list(S, 0) : 0;
    bool ok = true;
    for (uint32_t i = 0; ok && i < sim_obj(S, excs)->len; i++) {
        Split sub;
        ok = split_rec(I, sim_items(S, excs)[i], m, with_rest, &sub);
        if (ok && sub.match)
            sim_list_append(S, ml, sub.match);
        if (ok && sub.rest)
            sim_list_append(S, rl, sub.rest);
    }
    ok = ok && subset(I, e, ml, &r->match);
    if (ok && with_rest && !subset(I, e, rl, &r->rest)) {
        sim_xdecref(S, r->match);
        r->match = 0;
        ok = false;
    }
    sim_decref(S, ml);
    sim_xdecref(S, rl);
    return ok;
}

static SimId or_none(PyRun *I, SimId v) { return v ? v : ref(I, S->none); }

SimId exc_group_split(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Matcher m = {0};
    Split r;
    if (!get_matcher(I, a[1], &m) || !split_rec(I, a[0], &m, true, &r))
        return 0;
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, or_none(I, r.match));
    sim_tuple_set(S, t, 1, or_none(I, r.rest));
    return t;
}

SimId exc_group_subgroup(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Matcher m = {0};
    Split r;
    if (!get_matcher(I, a[1], &m) || !split_rec(I, a[0], &m, false, &r))
        return 0;
    return or_none(I, r.match);
}

SimId exc_group_derive(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return make_group(I, sim_exc_get(S, a[0], F_MSG), a[1]);
}

/* BaseExceptionGroup_str's text */
void exc_group_text(PyRun *I, SimId e, Buf *b)
{
    uint32_t k = sim_obj(S, sim_exc_get(S, e, F_EXCS))->len;
    size_t len;
    const char *d = sim_str_data(S, sim_exc_get(S, e, F_MSG), &len);
    buf_add(b, d, len);
    buf_printf(b, " (%u sub-exception%s)", k, k > 1 ? "s" : "");
}

SimId exc_group_str(PyRun *I, SimId e)
{
    Buf b = {0};
    exc_group_text(I, e, &b);
    SimId r = sim_str(S, buf_str(&b), b.len);
    buf_fini(&b);
    return r;
}

/* ---- except* ------------------------------------------------------------ */

/* check_except_star_type_valid */
static bool star_type_valid(PyRun *I, SimId t)
{
    bool tuple = sim_kind(S, t) == SK_TUPLE;
    uint32_t n = tuple ? sim_obj(S, t)->len : 1;
    for (uint32_t i = 0; i < n; i++) {
        SimId c = tuple ? sim_items(S, t)[i] : t;
        if (!exc_is_class(I, c)) {
            py_raise(I, EXC_TypeError, "catching classes that do not inherit from BaseException is not allowed");
            return false;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        if (exc_is_group_class(I, tuple ? sim_items(S, t)[i] : t)) {
            py_raise(I, EXC_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return false;
        }
    return true;
}

/* CHECK_EG_MATCH's exception_group_match: *match and *rest new references
 * (None for none); false with the error raised */
bool exc_group_match(PyRun *I, SimId exc, SimId type, SimId *match, SimId *rest)
{
    *match = *rest = 0;
    if (!star_type_valid(I, type))
        return false;
    if (exc == S->none) {
        *match = ref(I, S->none);
        *rest = ref(I, S->none);
        return true;
    }
    if (exc_is_group(I, exc) && !own_class(I, sim_obj(S, exc)->type))
        return py_not_modelled(I, 0, "except* on a program's own subclass of ExceptionGroup");
    if (type_matches(I, exc, type)) {
        if (exc_is_group(I, exc)) {
            *match = ref(I, exc);
        } else { /* a naked exception: wrapped */
            SimId t = sim_tuple(S, 1);
            sim_tuple_set(S, t, 0, ref(I, exc));
            SimId empty = sim_str(S, "", 0);
            SimId g = make_group(I, empty, t);
            sim_decref(S, empty);
            sim_decref(S, t);
            if (!g)
                return false;
            *match = g;
        }
        *rest = ref(I, S->none);
        return true;
    }
    if (exc_is_group(I, exc)) {
        Matcher m = {BY_TYPE, type, NULL, 0};
        Split r;
        if (!split_rec(I, exc, &m, true, &r))
            return false;
        /* the pair split() returns, then let go */
        SimId pair = sim_tuple(S, 2);
        sim_tuple_set(S, pair, 0, or_none(I, r.match));
        sim_tuple_set(S, pair, 1, or_none(I, r.rest));
        *match = ref(I, sim_items(S, pair)[0]);
        *rest = ref(I, sim_items(S, pair)[1]);
        sim_decref(S, pair);
        return true;
    }
    *match = ref(I, S->none);
    *rest = ref(I, exc);
    return true;
}

static bool same_metadata(PyRun *I, SimId a, SimId b)
{
    static const SimExcField f[] = {SIM_EXC_TRACEBACK, SIM_EXC_CAUSE, SIM_EXC_CONTEXT};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (sim_exc_get(S, a, f[i]) != sim_exc_get(S, b, f[i]))
            return false;
    SimId da = sim_obj(S, a)->v.instance.dict, db = sim_obj(S, b)->v.instance.dict;
    SimId na = da ? sim_dict_get_str(S, da, "__notes__") : 0, nb = db ? sim_dict_get_str(S, db, "__notes__") : 0;
    return na == nb;
}

static void leaf_ids(PyRun *I, SimId e, SimId set, SimId **ids, uint32_t *n, uint32_t *cap)
{
    if (e == S->none)
        return;
    if (!exc_is_group(I, e)) {
        sim_set_add(S, set, id_int(I, e));
        for (uint32_t i = 0; i < *n; i++)
            if ((*ids)[i] == e)
                return;
        if (*n == *cap) {
            size_t c = *cap;
            *ids = xgrow(*ids, &c, (size_t)*n + 1, sizeof **ids);
            *cap = (uint32_t)c;
        }
        (*ids)[(*n)++] = e;
        return;
    }
    SimId excs = sim_exc_get(S, e, F_EXCS);
    for (uint32_t i = 0; i < sim_obj(S, excs)->len; i++)
        leaf_ids(I, sim_items(S, excs)[i], set, ids, n, cap);
}

/* exception_group_projection: the part of orig whose leaves are keep's */
static bool projection(PyRun *I, SimId orig, SimId keep, SimId *out)
{
    SimId set = sim_set(S);
    SimId *ids = NULL;
    uint32_t n = 0, cap = 0;
    for (uint32_t i = 0; i < sim_obj(S, keep)->len; i++)
        leaf_ids(I, sim_items(S, keep)[i], set, &ids, &n, &cap);
    Matcher m = {BY_IDS, set, ids, n};
    Split r;
    bool ok = split_rec(I, orig, &m, false, &r);
    sim_decref(S, set);
    free(ids);
    *out = ok ? or_none(I, r.match) : 0;
    return ok;
}

/* _PyExc_PrepReraiseStar: what the try statement raises (new reference,
 * None for nothing), or 0 with the error raised */
SimId exc_group_prep_reraise(PyRun *I, SimId orig, SimId excs)
{
    uint32_t n = sim_obj(S, excs)->len;
    if (n == 0)
        return ref(I, S->none);
    if (!exc_is_group(I, orig)) /* a naked exception, wrapped: one clause ran at most */
        return ref(I, sim_items(S, excs)[0]);
    SimId raised = sim_list(S, 0), reraised = sim_list(S, 0), result = 0;
    for (uint32_t i = 0; i < n; i++) {
        SimId e = sim_items(S, excs)[i];
        if (e == S->none)
            continue;
        sim_list_append(S, same_metadata(I, e, orig) ? reraised : raised, ref(I, e));
    }
    SimId re;
    if (projection(I, orig, reraised, &re)) {
        if (sim_obj(S, raised)->len == 0) {
            result = re;
        } else {
            if (re != S->none)
                sim_list_append(S, raised, ref(I, re));
            sim_decref(S, re);
            if (sim_obj(S, raised)->len > 1) {
                SimId empty = sim_str(S, "", 0);
                result = make_group(I, empty, raised);
                sim_decref(S, empty);
            } else {
                result = ref(I, sim_items(S, raised)[0]);
            }
        }
    }
    sim_decref(S, raised);
    sim_decref(S, reraised);
    return result;
}
