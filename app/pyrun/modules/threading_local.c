/*
 * threading_local: threading.local (_thread._local), attributes of one
 * object that each thread sees apart.
 *
 * In CPython the local keeps one dict per thread (3.11-3.12: in `dummies`,
 * keyed by a weak reference to a per-thread dummy; 3.13: in `localdicts`)
 * and its getattro/setattro pick the running thread's.  The model keeps the
 * running thread's dict as the instance's __dict__ (instance.dict) and
 * parks the others in a table here; vm_thread_switch swaps them
 * (threading_locals_switch), so every attribute path of the VM sees the
 * right one.  A thread's dict is made when the thread first runs after the
 * local exists; a subclass's own __init__ runs at the thread's first
 * attribute access, with the arguments the constructor got (local_new
 * keeps them), as _ldict does.  A thread that ends drops its dicts.
 *
 * The table holds a weak reference to each local (CPython's one: local_new
 * makes it for wr_callback), whose callback drops the parked dicts when the
 * local dies.  The dummies, keys and weak references CPython allocates per
 * thread are not made: the young count stays unsure after a local, as
 * after the rest of threading.
 *
 * Sizes (tp_basicsize of localobject plus the GC header): 80 in 3.11 and
 * 3.12 (head, key, args, kw, weakreflist, dummies, wr_callback), 72 in 3.13
 * (head, args, kw, weakreflist, localdicts, sentinels); a subclass adds the
 * managed-dict pre-header (96, 96, 88).
 */
#include <stdlib.h>

#include "pyrun/modules/threading_int.h"

enum { LS_NONE, LS_MADE, LS_OWED }; /* a thread's dict: none, made, made with __init__ still owed */

typedef struct ThrLocal {
    SimId wr;         /* the weak reference to the local (owned) */
    SimId local;      /* the local (borrowed; valid while wr's referent) */
    SimId args, kw;   /* local_new's: a tuple (owned) and a dict (owned) or 0 */
    SimId *dicts;     /* per scheduler thread: its dict while parked (owned), else 0 */
    uint8_t *state;   /* per scheduler thread: LS_* */
    int n;
    int cur;          /* the thread whose dict is the instance's __dict__, -1 none */
} ThrLocal;

struct ThrLocals {
    ThrLocal *v;
    int n, cap;
    int owed;         /* dicts whose __init__ is still owed, over all locals */
    SimId cls;        /* _thread._local (borrowed: PyThreading.cls[THC_LOCAL]) */
};

static struct ThrLocals *locals(PyRun *I)
{
    PyThreading *t = st(I);
    if (!t->locals)
        t->locals = xcalloc(1, sizeof *t->locals);
    return t->locals;
}

static bool is_local(PyRun *I, SimId obj)
{
    return sim_kind(S, obj) == SK_INSTANCE && (sim_type_word(S, sim_obj(S, obj)->type, SIM_TY_FLAGS) & SIM_TYF_LOCAL);
}

static ThrLocal *find(PyRun *I, SimId obj)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    for (int i = 0; ls && i < ls->n; i++)
        if (ls->v[i].local == obj && ls->v[i].wr && sim_obj(S, ls->v[i].wr)->v.weakref.obj == obj)
            return &ls->v[i];
    return NULL;
}

static void grow(ThrLocal *l, int t)
{
    if (t < l->n)
        return;
    l->dicts = xrealloc(l->dicts, (size_t)(t + 1) * sizeof *l->dicts);
    l->state = xrealloc(l->state, (size_t)(t + 1) * sizeof *l->state);
    for (int i = l->n; i <= t; i++)
        l->dicts[i] = 0, l->state[i] = LS_NONE;
    l->n = t + 1;
}

/* Does the local's class run an __init__ of its own (tp_init is not object's)? */
static bool own_init(PyRun *I, SimId obj)
{
    return sim_type_lookup(S, sim_obj(S, obj)->type, "__init__") != 0;
}

/* the instance's __dict__ is now d (stolen); the old one's reference returned */
static SimId swap_dict(PyRun *I, SimId obj, SimId d)
{
    SimObj *o = sim_obj(S, obj);
    SimId old = o->v.instance.dict;
    o->v.instance.dict = d;
    return old;
}

/* Drops what l holds and frees its slot (the local died or the program ends). */
static void release(PyRun *I, ThrLocal *l)
{
    struct ThrLocals *ls = I->threading->locals;
    for (int t = 0; t < l->n; t++) {
        if (l->state[t] == LS_OWED)
            ls->owed--;
        sim_xdecref(S, l->dicts[t]);
    }
    free(l->dicts);
    free(l->state);
    sim_xdecref(S, l->args);
    sim_xdecref(S, l->kw);
    SimId wr = l->wr;
    *l = (ThrLocal){0};
    sim_xdecref(S, wr);
}

/* The weak reference's callback: the local died (its current dict went with
 * it, local_clear) and the parked ones go now. */
SimId thr_local_dead(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    for (int i = 0; ls && i < ls->n; i++)
        if (ls->v[i].wr == a[0]) {
            sim_incref(S, a[0]); /* the caller still holds it while the callback runs */
            release(I, &ls->v[i]);
            sim_decref(S, a[0]);
        }
    return bi_none(I);
}

/* a slot of the table, the slots of dead locals used again */
static ThrLocal *new_slot(PyRun *I)
{
    struct ThrLocals *ls = locals(I);
    for (int i = 0; i < ls->n; i++)
        if (!ls->v[i].wr)
            return &ls->v[i];
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? 2 * ls->cap : 8;
        ls->v = xrealloc(ls->v, (size_t)ls->cap * sizeof *ls->v);
    }
    ThrLocal *l = &ls->v[ls->n++];
    *l = (ThrLocal){0};
    return l;
}

bool threading_local_new(PyRun *I, SimId inst, SimId *args, int nargs, SimId kwnames)
{
    if (!is_local(I, inst))
        return true;
    if (nargs > 0 && !own_init(I, inst)) {
        py_raise(I, EXC_TypeError, "Initialization arguments are not supported");
        return false;
    }
    unsure(I);
    int nkw = kwnames ? (int)sim_obj(S, kwnames)->len : 0, np = nargs - nkw;
    ThrLocal *l = new_slot(I);
    l->local = inst;
    l->cur = -1;
    l->args = sim_tuple(S, (size_t)np);
    for (int i = 0; i < np; i++) {
        sim_incref(S, args[i]);
        sim_tuple_set(S, l->args, (size_t)i, args[i]);
    }
    if (nkw) {
        l->kw = sim_dict(S);
        for (int i = 0; i < nkw; i++) {
            sim_incref(S, sim_items(S, kwnames)[i]);
            sim_incref(S, args[np + i]);
            sim_dict_set(S, l->kw, sim_items(S, kwnames)[i], args[np + i]);
        }
    }
    /* the creating thread's dict, made now (local_new calls _ldict); its
     * __init__ is type_call's to run */
    sim_instance_dict(S, inst); /* the values array goes */
    sim_decref(S, swap_dict(I, inst, sim_dict(S)));
    int t = I->vs.running < 0 ? 0 : I->vs.running;
    grow(l, t);
    l->state[t] = LS_MADE;
    l->cur = t;
    SimId cb = thr_builtin(I, thr_local_dead);
    l->wr = sim_weakref(S, inst, cb);
    sim_decref(S, cb);
    return true;
}

/* thread t's dict in place of the running one's */
static void switch_one(PyRun *I, ThrLocal *l, int t)
{
    if (l->cur == t)
        return;
    grow(l, t);
    SimId mine = l->state[t] != LS_NONE ? l->dicts[t] : 0;
    if (l->state[t] == LS_NONE) {
        mine = sim_dict(S);
        l->state[t] = own_init(I, l->local) ? LS_OWED : LS_MADE;
        if (l->state[t] == LS_OWED)
            I->threading->locals->owed++;
    }
    l->dicts[t] = 0;
    SimId old = swap_dict(I, l->local, mine);
    if (l->cur >= 0)
        l->dicts[l->cur] = old;
    else
        sim_xdecref(S, old);
    l->cur = t;
}

void threading_locals_switch(PyRun *I, int t)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    for (int i = 0; ls && i < ls->n; i++)
        if (ls->v[i].wr)
            switch_one(I, &ls->v[i], t);
}

void threading_locals_thread_ended(PyRun *I, int t)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    for (int i = 0; ls && i < ls->n; i++) {
        ThrLocal *l = &ls->v[i];
        if (!l->wr || t >= l->n || l->state[t] == LS_NONE)
            continue;
        if (l->state[t] == LS_OWED)
            ls->owed--;
        l->state[t] = LS_NONE;
        SimId d = l->dicts[t];
        l->dicts[t] = 0;
        if (l->cur == t) { /* the thread's state dict goes: the local has no dict until the next switch */
            d = swap_dict(I, l->local, 0);
            l->cur = -1;
        }
        sim_xdecref(S, d);
    }
}

/* _ldict's __init__ for a thread that meets the local for the first time;
 * if it raises, the dict goes and the next access tries again */
static bool run_init(PyRun *I, ThrLocal *l)
{
    SimId obj = l->local, init = sim_type_lookup(S, sim_obj(S, obj)->type, "__init__");
    uint32_t np = sim_obj(S, l->args)->len, nk = l->kw ? sim_obj(S, l->kw)->len : 0;
    SimId *args = xmalloc((1 + np + nk) * sizeof *args), kwnames = nk ? sim_tuple(S, nk) : 0;
    args[0] = obj;
    for (uint32_t i = 0; i < np; i++)
        args[1 + i] = sim_items(S, l->args)[i];
    SimId k, v;
    uint32_t pos = 0;
    for (uint32_t i = 0; nk && sim_dict_next(S, l->kw, &pos, &k, &v); i++) {
        sim_incref(S, k);
        sim_tuple_set(S, kwnames, i, k);
        args[1 + np + i] = v;
    }
    sim_incref(S, obj);
    sim_incref(S, init);
    SimId r = vm_call_kw(I, init, args, (int)(1 + np + nk), kwnames);
    sim_decref(S, init);
    free(args);
    sim_xdecref(S, kwnames);
    if (r && r != S->none) {
        py_raise(I, EXC_TypeError, "__init__() should return None, not '%s'", op_typename(I, r));
        sim_decref(S, r);
        r = 0;
    }
    sim_decref(S, obj);
    if (r) {
        sim_decref(S, r);
        return true;
    }
    if (l->wr && l->cur >= 0 && l->state[l->cur] == LS_MADE) { /* a fresh dict, __init__ owed again */
        sim_decref(S, swap_dict(I, obj, sim_dict(S)));
        l->state[l->cur] = LS_OWED;
        I->threading->locals->owed++;
    }
    return false;
}

/* local_getattro and friends: the running thread's dict is in place
 * (vm_thread_switch put it there); a subclass's __init__ may be owed */
bool threading_local_check(PyRun *I, SimId obj, SimId name, bool store)
{
    if (!is_local(I, obj))
        return true;
    if (store && sim_kind(S, name) == SK_STR && sim_str_equals(S, name, "__dict__")) {
        py_raise(I, EXC_AttributeError, "'%s' object attribute '__dict__' is read-only", op_typename(I, obj));
        return false;
    }
    struct ThrLocals *ls = I->threading->locals;
    if (!ls || !ls->owed)
        return true;
    ThrLocal *l = find(I, obj);
    if (!l || l->cur < 0 || l->state[l->cur] != LS_OWED)
        return true;
    l->state[l->cur] = LS_MADE;
    ls->owed--;
    return run_init(I, l);
}

int threading_local_shape(PyRun *I, SimId obj)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    if (!ls)
        return 0;
    if (is_local(I, obj))
        return 1;
    for (int i = 0; sim_kind(S, obj) == SK_DICT && i < ls->n; i++) {
        ThrLocal *l = &ls->v[i];
        if (l->wr && l->cur >= 0 && sim_obj(S, l->local)->v.instance.dict == obj)
            return 2;
        for (int t = 0; l->wr && t < l->n; t++)
            if (l->dicts[t] == obj)
                return 2;
    }
    return 0;
}

bool threading_is_local_class(PyRun *I, SimId cls)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    return ls && cls && cls == ls->cls;
}

void threading_local_layout(PyRun *I, SimId cls, SimId best)
{
    if (!threading_is_local_class(I, best) || !sim_obj(S, cls)->data)
        return;
    /* the subclass's __dict__ is managed (a pre-header): the base had none, its
     * own __dict__ in the model being the per-thread one */
    sim_items(S, cls)[SIM_TY_BASICSIZE] += 16;
}

void threading_local_class_made(PyRun *I, SimId cls)
{
    locals(I)->cls = cls;
    if (!sim_obj(S, cls)->data)
        return;
    uint32_t *ty = sim_items(S, cls);
    ty[SIM_TY_FLAGS] |= SIM_TYF_LOCAL;
    /* localobject, less the GC header and the pre-header sys.getsizeof adds
     * for the model's __dict__ (3.11: a dict's; 3.12+: a dict's and weakref's) */
    ty[SIM_TY_BASICSIZE] = S->prof->version >= SIM_V313 ? 56 - 16 : 64 - 16;
}

void threading_locals_roots(PyRun *I, SimVisit visit, void *arg)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    for (int i = 0; ls && i < ls->n; i++) {
        ThrLocal *l = &ls->v[i];
        if (!l->wr)
            continue;
        visit(S, l->wr, arg);
        visit(S, l->args, arg);
        if (l->kw)
            visit(S, l->kw, arg);
        for (int t = 0; t < l->n; t++)
            if (l->dicts[t])
                visit(S, l->dicts[t], arg);
    }
}

void threading_locals_free(PyRun *I)
{
    struct ThrLocals *ls = I->threading ? I->threading->locals : NULL;
    if (!ls)
        return;
    for (int i = 0; i < ls->n; i++) {
        free(ls->v[i].dicts);
        free(ls->v[i].state);
    }
    free(ls->v);
    free(ls);
    I->threading->locals = NULL;
}
