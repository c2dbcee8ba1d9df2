/*
 * copy: the copy module's copy() and deepcopy() as Lib/copy.py runs them
 * on 3.11-3.13, natively.  What they return is built the way copy.py
 * builds it, so sizes and tracking follow: copy.copy of a list or dict is
 * list.copy / dict.copy (an exact-size list, a cloned keys table),
 * deepcopy makes an empty list and appends, an empty dict and inserts, a
 * tuple only when an item changed, and an instance through
 * object.__reduce_ex__(4): cls.__new__(cls), then y.__dict__.update(state)
 * (and copyreg caches cls.__slotnames__ = [] on the first such copy).  The
 * memo is a real dict of id() ints, as __deepcopy__ hooks see it; the
 * transient objects of copy.py's frames that hold references only for the
 * call (bound methods, iterators) are made and dropped around each level.
 * Types the model cannot reduce faithfully are refused at the line.
 */
#include <stdlib.h>
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/itertools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* copy.py's frames per level (deepcopy, _deepcopy_list): past this nesting
 * CPython's recursion limit and C stack checks decide, which the model
 * does not replay */
#define COPY_MAX_DEPTH 120

static bool atomic_kind(PyRun *I, SimId x)
{
    switch (sim_kind(S, x)) {
    case SK_NONE: case SK_BOOL: case SK_INT: case SK_FLOAT: case SK_COMPLEX: case SK_STR: case SK_BYTES:
    case SK_TYPE: case SK_RANGE: case SK_BUILTIN: case SK_FUNC: case SK_WEAKREF:
    case SK_PROPERTY: case SK_ELLIPSIS: case SK_NOTIMPL:
        return true;
    default:
        return false;
    }
}

static SimId refuse(PyRun *I, const char *what, SimId x)
{
    py_not_modelled(I, 0, "%s of a '%s' object", what, op_typename(I, x));
    return 0;
}

/* ---- shallow copies of the built-in containers ------------------------------- */

/* The items of a set in table order (a C array the caller frees). */
static SimId *set_items(PyRun *I, SimId set, uint32_t *n)
{
    uint32_t len = sim_obj(S, set)->len, i = 0;
    SimId *out = calloc(len ? len : 1, sizeof *out);
    SimId it = sim_iter(S, set);
    for (SimId v; it && i < len && (v = sim_iter_next(S, it)) != 0;) {
        out[i++] = v;
        sim_decref(S, v); /* the set still holds it */
    }
    sim_xdecref(S, it);
    *n = i;
    return out;
}

/* ---- instances: object.__reduce_ex__(4) and _reconstruct --------------------------- */

/* Can the model reduce this instance as object.__reduce_ex__ does? */
static bool plain_instance(PyRun *I, SimId x, const char *what)
{
    SimId cls = sim_obj(S, x)->type;
    if (sim_obj(S, x)->sub != SIM_INST_PLAIN) /* BaseException.__reduce__ */
        return refuse(I, what, x), false;
    static const char *const hooks[] = {"__reduce__", "__reduce_ex__", "__getstate__", "__setstate__",
                                        "__getnewargs__", "__getnewargs_ex__", "__new__"};
    for (size_t i = 0; i < sizeof hooks / sizeof hooks[0]; i++)
        if (sim_type_lookup(S, cls, hooks[i]))
            return py_not_modelled(I, 0, "%s of an instance whose class defines %s", what, hooks[i]);
    uint32_t flags = sim_type_word(S, cls, SIM_TY_FLAGS);
    if (flags & SIM_TYF_NATIVE) /* weakref's classes: CPython's __copy__ / __deepcopy__ or __reduce__ */
        return py_not_modelled(I, 0, "%s of a %s", what, sim_type_name(S, x));
    if (sim_type_word(S, cls, SIM_TY_NSLOTS) || !(flags & SIM_TYF_DICT))
        return py_not_modelled(I, 0, "%s of an instance with __slots__", what);
    if (flags & (SIM_TYF_GETATTR | SIM_TYF_SETATTR))
        return py_not_modelled(I, 0, "%s of an instance whose class customises attribute access", what);
    return true;
}

/* _PyObject_IsInstanceDictEmpty */
static bool inst_dict_empty(PyRun *I, SimId x)
{
    SimId d = sim_obj(S, x)->v.instance.dict;
    return d ? sim_obj(S, d)->len == 0 : sim_obj(S, x)->len == 0;
}

/* copyreg._slotnames: the first reduction of a class caches its (empty)
 * slot names as cls.__slotnames__ */
static bool cache_slotnames(PyRun *I, SimId cls)
{
    SimId cd = SIM_V(S, cls, SK_TYPE, type.dict);
    if (sim_dict_get_str(S, cd, "__slotnames__"))
        return true;
    SimId names = sim_list(S, 0);
    sim_dict_set(S, cd, sim_str_intern(S, "__slotnames__", 13), names); /* type_setattro */
    return true;
}

/* What object.__reduce_ex__(4) and the call _reconstruct(x, memo, *rv)
 * make around the copy and drop after it (tuples and lists go back to
 * their free lists, which is what the young count sees):
 *   newargs (cls,), the 5-tuple rv, the list [x, memo, *rv] and the
 *   7-tuple made of it, then in copyreg.__newobj__ the list [cls] and the
 *   tuple (cls,) of cls.__new__(cls, *args). */
typedef struct Reduction {
    SimId newargs, rv, call_args;
} Reduction;

static SimId tuple_of_nones(PyRun *I, size_t n)
{
    SimId t = sim_tuple(S, n);
    for (size_t i = 0; i < n; i++) {
        sim_incref(S, S->none);
        sim_tuple_set(S, t, i, S->none);
    }
    return t;
}

static void reduction_begin(PyRun *I, Reduction *r)
{
    r->newargs = tuple_of_nones(I, 1);
}

/* after the state is taken: rv, then the call's list and tuple */
static void reduction_call(PyRun *I, Reduction *r)
{
    r->rv = tuple_of_nones(I, 5);
    SimId l = sim_list(S, 0);
    r->call_args = tuple_of_nones(I, 7);
    sim_decref(S, l);
}

/* copyreg.__newobj__: cls.__new__(cls, *args) */
static void reduction_newobj(PyRun *I)
{
    SimId l = sim_list(S, 0);
    SimId t = tuple_of_nones(I, 1);
    sim_decref(S, l);
    sim_decref(S, t);
}

static void reduction_end(PyRun *I, Reduction *r)
{
    sim_xdecref(S, r->call_args);
    sim_xdecref(S, r->rv);
    sim_xdecref(S, r->newargs);
    r->newargs = r->rv = r->call_args = 0;
}

/* The reduction's state: x.__dict__ (materialised), or 0 for None. */
static SimId reduce_state(PyRun *I, SimId x)
{
    if (!cache_slotnames(I, sim_obj(S, x)->type))
        return 0;
    if (inst_dict_empty(I, x))
        return 0;
    SimId d = sim_instance_dict(S, x);
    sim_incref(S, d);
    return d;
}

/* y.__dict__.update(state) into y's empty dict: 3.11 and 3.12 clone a
 * clean combined state's keys (dict_merge), so y's dict stops sharing
 * its class's keys; 3.13 keeps the values inline. */
static void update_dict(PyRun *I, SimId y, SimId state)
{
    SimId yd = sim_instance_dict(S, y);
    const SimObj *so = sim_obj(S, state);
    bool split_src = sim_dict_split_class(S, state) != 0;
    size_t size = (size_t)1 << so->cap;
    bool clean = !split_src && so->cap && so->len == SIM_V(S, state, SK_DICT, dict.used) &&
                 (so->cap == 3 || (size / 2) * 2 / 3 < so->len);
    if (clean && !S->prof->inline_values && sim_obj(S, yd)->len == 0) {
        sim_obj(S, yd)->ext = 0; /* a combined table of its own from here on */
        sim_obj(S, yd)->flags &= (uint8_t)~SIM_F_EMBEDDED;
    }
    dict_merge(I, yd, state, DICT_MERGE_SET, NULL);
}

/* cls.__new__(cls) through copyreg.__newobj__ */
static SimId new_object(PyRun *I, SimId x)
{
    reduction_newobj(I);
    return vm_new_instance(I, sim_obj(S, x)->type, NULL, 0, false);
}

/* ---- copy.copy ----------------------------------------------------------------------- */

static SimId shallow(PyRun *I, SimId x)
{
    SimObj *o = sim_obj(S, x);
    if (sim_is_subinst(S, x)) /* a subclass of list or dict: __reduce_ex__'s path, not modelled */
        return refuse(I, "copy.copy()", x);
    if (atomic_kind(I, x) || o->kind == SK_TUPLE || (o->kind == SK_SET && o->sub == SIM_SET_FROZEN)) {
        sim_incref(S, x);
        return x;
    }
    switch ((SimKind)o->kind) {
    case SK_LIST: { /* list.copy: a slice, exactly as long as x */
        uint32_t n = o->len;
        SimId y = sim_list(S, n);
        for (uint32_t i = 0; i < n && i < sim_obj(S, y)->len; i++) {
            sim_incref(S, sim_items(S, x)[i]);
            sim_list_set(S, y, i, sim_items(S, x)[i]);
        }
        return y;
    }
    case SK_DICT:
        if (sim_dict_split_class(S, x))
            return refuse(I, "copy.copy()", x);
        return dict_copy(I, x);
    case SK_SET: /* set.copy; a frozenset is immutable: itself */
        if (o->sub == SIM_SET_FROZEN)
            return sim_incref(S, x), x;
        return set_copy_of(I, x);
    case SK_DEQUE: return deque_copy(I, x); /* cls.__copy__(x) */
    case SK_INSTANCE: break;
    default: return refuse(I, "copy.copy()", x);
    }
    SimId cls = o->type;
    SimId hook = sim_type_lookup(S, cls, "__copy__");
    if (hook) { /* copier = getattr(cls, "__copy__"); copier(x) */
        if (sim_kind(S, hook) != SK_FUNC)
            return py_not_modelled(I, 0, "a __copy__ that is not a plain function"), 0;
        sim_incref(S, hook);
        SimId r = vm_call(I, hook, &x, 1);
        sim_decref(S, hook);
        return r;
    }
    if (!plain_instance(I, x, "copy.copy()"))
        return 0;
    Reduction r;
    reduction_begin(I, &r);
    SimId state = reduce_state(I, x);
    if (I->ts->err.set) {
        reduction_end(I, &r);
        return 0;
    }
    reduction_call(I, &r);
    SimId y = new_object(I, x);
    if (y && state)
        update_dict(I, y, state);
    sim_xdecref(S, state);
    reduction_end(I, &r);
    return y;
}

static SimId c_copy(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return shallow(I, a[0]);
}

/* ---- copy.deepcopy ------------------------------------------------------------------- */

typedef struct Memo {
    SimId dict;   /* the memo (borrowed: the outermost call holds it) */
    int depth;
} Memo;

static SimId deep(PyRun *I, Memo *m, SimId x);

static SimId id_key(PyRun *I, SimId x) { return sim_int(S, (int64_t)sim_id_address(S, x)); }

/* memo[id(x)] = y */
static void memo_put(PyRun *I, Memo *m, SimId x, SimId y)
{
    sim_incref(S, y);
    sim_dict_set(S, m->dict, id_key(I, x), y);
}

/* _keep_alive: memo[id(memo)] is a list of the originals copied */
static void keep_alive(PyRun *I, Memo *m, SimId x)
{
    SimId key = id_key(I, m->dict);
    SimId l = sim_dict_get(S, m->dict, key);
    sim_incref(S, x);
    if (l && sim_kind(S, l) == SK_LIST) {
        sim_decref(S, key);
        sim_list_append(S, l, x);
        return;
    }
    /* the KeyError that told _keep_alive so: its args tuple (key,) goes
     * back to the tuple free list (the exception itself leaves no trace) */
    SimId args = sim_tuple(S, 1);
    sim_incref(S, key);
    sim_tuple_set(S, args, 0, key);
    sim_decref(S, args);
    l = sim_list(S, 1); /* [x] */
    sim_list_set(S, l, 0, x);
    sim_dict_set(S, m->dict, key, l);
}

static SimId deep_list(PyRun *I, Memo *m, SimId x)
{
    SimId y = sim_list(S, 0);
    memo_put(I, m, x, y);
    int ai = bi_method_of_kind(SK_LIST, "append");
    sim_incref(S, y);
    SimId append = sim_builtin(S, (uint32_t)ai, y); /* append = y.append */
    SimId it = iter_new(I, x);
    SimId a;
    while (it && (a = iter_next(I, it)) != 0) {
        SimId c = deep(I, m, a);
        sim_decref(S, a);
        if (!c)
            break;
        sim_list_append(S, y, c);
    }
    sim_xdecref(S, it);
    sim_decref(S, append);
    if (I->ts->err.set) {
        sim_decref(S, y);
        return 0;
    }
    return y;
}

static SimId deep_dict(PyRun *I, Memo *m, SimId x)
{
    SimId y = sim_dict(S);
    memo_put(I, m, x, y);
    sim_incref(S, x);
    SimId view = sim_dictview(S, x, SIM_VIEW_ITEMS); /* x.items(): the view holds x */
    SimId it = iter_new(I, view);
    SimId kv;
    while (it && (kv = iter_next(I, it)) != 0) {
        SimId k = sim_items(S, kv)[0], v = sim_items(S, kv)[1];
        sim_incref(S, k), sim_incref(S, v);
        sim_decref(S, kv);
        SimId ck = deep(I, m, k);
        SimId cv = ck ? deep(I, m, v) : 0;
        sim_decref(S, k), sim_decref(S, v);
        if (!cv) {
            sim_xdecref(S, ck);
            break;
        }
        sim_dict_set(S, y, ck, cv);
    }
    sim_xdecref(S, it);
    sim_decref(S, view);
    if (I->ts->err.set) {
        sim_decref(S, y);
        return 0;
    }
    return y;
}

/* y = [deepcopy(a, memo) for a in x]; memo[id(x)] if a cycle made it;
 * x itself when no item changed, else tuple(y) */
static SimId deep_tuple(PyRun *I, Memo *m, SimId x)
{
    uint32_t n = sim_obj(S, x)->len;
    SimId y = sim_list(S, 0);
    for (uint32_t i = 0; i < n; i++) {
        SimId c = deep(I, m, sim_items(S, x)[i]);
        if (!c) {
            sim_decref(S, y);
            return 0;
        }
        sim_list_append(S, y, c);
    }
    SimId key = id_key(I, x);
    SimId done = sim_dict_get(S, m->dict, key);
    sim_decref(S, key);
    if (done) {
        sim_decref(S, y);
        sim_incref(S, done);
        return done;
    }
    bool same = true;
    for (uint32_t i = 0; i < n && same; i++)
        same = sim_items(S, x)[i] == sim_items(S, y)[i];
    if (same) {
        sim_decref(S, y);
        sim_incref(S, x);
        return x;
    }
    SimId t = sim_tuple(S, n);
    for (uint32_t i = 0; i < n; i++) {
        sim_incref(S, sim_items(S, y)[i]);
        sim_tuple_set(S, t, i, sim_items(S, y)[i]);
    }
    sim_decref(S, y);
    return t;
}

/* set.__reduce__: (set, (list(x),), None); the list is deep-copied
 * (memoized), then set(copied_list) adds one item at a time */
static SimId deep_set(PyRun *I, Memo *m, SimId x)
{
    if (sim_obj(S, x)->sub == SIM_SET_FROZEN)
        return refuse(I, "copy.deepcopy()", x);
    uint32_t n;
    SimId *items = set_items(I, x, &n);
    SimId keys = sim_list(S, n);
    for (uint32_t i = 0; i < n; i++) {
        sim_incref(S, items[i]);
        sim_list_set(S, keys, i, items[i]);
    }
    free(items);
    SimId copied = deep(I, m, keys);
    sim_decref(S, keys);
    if (!copied)
        return 0;
    SimId st = sim_set(S);
    for (uint32_t i = 0; i < sim_obj(S, copied)->len; i++) {
        SimId v = sim_items(S, copied)[i];
        if (!py_hashable(I, v)) {
            sim_decref(S, st), sim_decref(S, copied);
            return 0;
        }
        sim_incref(S, v);
        sim_set_add(S, st, v);
    }
    sim_decref(S, copied);
    return st;
}

/* the reduction path of an instance: y memoized before its state is copied */
static SimId deep_instance(PyRun *I, Memo *m, SimId x)
{
    SimId bm = 0;
    SimId name = sim_str_intern(S, "__deepcopy__", 12);
    if (sim_type_lookup(S, sim_obj(S, x)->type, "__deepcopy__"))
        bm = attr_get(I, x, name); /* copier = getattr(x, "__deepcopy__") */
    sim_decref(S, name);
    if (bm) {
        SimId r = vm_call(I, bm, &m->dict, 1);
        sim_decref(S, bm);
        return r;
    }
    if (I->ts->err.set || !plain_instance(I, x, "copy.deepcopy()"))
        return 0;
    /* the transient objects of this path are not all replayed: the young
     * count is not known until the next full collection */
    if (!I->gc_count_unsure)
        I->count_unsure_what = "copy.deepcopy() of an instance";
    I->gc_count_unsure = true;
    Reduction r;
    reduction_begin(I, &r);
    SimId state = reduce_state(I, x);
    if (I->ts->err.set) {
        reduction_end(I, &r);
        return 0;
    }
    reduction_call(I, &r);
    SimId y = new_object(I, x);
    if (!y) {
        sim_xdecref(S, state);
        reduction_end(I, &r);
        return 0;
    }
    memo_put(I, m, x, y);
    if (state) {
        SimId cs = deep(I, m, state);
        sim_decref(S, state);
        if (!cs) {
            sim_decref(S, y);
            reduction_end(I, &r);
            return 0;
        }
        update_dict(I, y, cs);
        sim_decref(S, cs);
    }
    reduction_end(I, &r);
    return y;
}

/* deque.__reduce__: (type(d), ((), maxlen) or (), None, iter(d));
 * _reconstruct makes deque((), maxlen) (its extend of () starts it at the
 * left edge) or deque(),
 * memoizes it, then appends a deep copy of each item */
static SimId deep_deque(PyRun *I, Memo *m, SimId x)
{
    if (!I->gc_count_unsure) /* the reduction's transients are not all replayed */
        I->count_unsure_what = "copy.deepcopy() of a deque";
    I->gc_count_unsure = true;
    SimId y = sim_deque(S, sim_deque_maxlen(S, x));
    if (sim_deque_maxlen(S, x) > 0) /* deque((), maxlen); without one, deque() */
        sim_deque_start_extend(S, y, false);
    memo_put(I, m, x, y);
    SimId it = iter_new(I, x); /* listitems: iter(d) */
    SimId a;
    int r;
    while (it && (r = iter_step(I, it, &a)) == 1) {
        SimId c = deep(I, m, a);
        sim_decref(S, a);
        if (!c)
            break;
        SimId args[2] = {y, c}; /* y.append(item) */
        SimId app = builtins_call(I, (uint32_t)bi_method_of_kind(SK_DEQUE, "append"), y, args, 2, 0);
        sim_decref(S, c);
        if (!app)
            break;
        sim_decref(S, app);
    }
    sim_xdecref(S, it);
    if (I->ts->err.set) {
        sim_decref(S, y);
        return 0;
    }
    return y;
}

static SimId deep(PyRun *I, Memo *m, SimId x)
{
    SimId key = id_key(I, x);
    SimId y = sim_dict_get(S, m->dict, key); /* y = memo.get(d, _nil) */
    sim_decref(S, key);
    if (y) {
        sim_incref(S, y);
        return y;
    }
    if (m->depth >= COPY_MAX_DEPTH)
        return py_not_modelled(I, 0, "copy.deepcopy() of objects nested more than %d deep", COPY_MAX_DEPTH), 0;
    m->depth++;
    SimObj *o = sim_obj(S, x);
    if (sim_is_subinst(S, x)) { /* a subclass of list or dict: __reduce_ex__'s path, not modelled */
        m->depth--;
        return refuse(I, "copy.deepcopy()", x);
    }
    switch ((SimKind)o->kind) {
    case SK_LIST: y = deep_list(I, m, x); break;
    case SK_TUPLE: y = deep_tuple(I, m, x); break;
    case SK_DICT: y = deep_dict(I, m, x); break; /* an instance's __dict__ too: a plain dict */
    case SK_SET: y = deep_set(I, m, x); break;
    case SK_INSTANCE: y = deep_instance(I, m, x); break;
    case SK_DEQUE: y = deep_deque(I, m, x); break;
    default:
        if (atomic_kind(I, x)) {
            sim_incref(S, x);
            y = x;
        } else {
            y = refuse(I, "copy.deepcopy()", x);
        }
    }
    m->depth--;
    if (y && y != x) { /* if it is its own copy, it is not memoized */
        memo_put(I, m, x, y);
        keep_alive(I, m, x);
    }
    return y;
}

static SimId c_deepcopy(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId memo = itertools_arg(I, a, n, kw, 1, "memo");
    if (memo && sim_kind(S, memo) == SK_NONE)
        memo = 0;
    if (memo && (sim_kind(S, memo) != SK_DICT || sim_is_subinst(S, memo) || sim_dict_split_class(S, memo)))
        return py_not_modelled(I, 0, "copy.deepcopy() with a memo that is not a dict"), 0;
    Memo m = {memo ? memo : sim_dict(S), 0};
    SimId y = deep(I, &m, a[0]);
    if (!memo)
        sim_decref(S, m.dict);
    return y;
}

const BuiltinDef copy_functions[] = {
    BUILTIN("copy", 0, BM_COPY, c_copy, .style = ARGS_ONE),
    BUILTIN("deepcopy", 0, BM_COPY, c_deepcopy, .kw = "memo", .style = ARGS_CLINIC, .min = 1, .max = 2),
};
const int copy_nfunctions = (int)(sizeof copy_functions / sizeof copy_functions[0]);

void copy_module_init(PyRun *I, SimId d)
{
    (void)I, (void)d;
}

void copy_on_import(PyRun *I) { std_import(I, STD_COPY); }
