/*
 * builtins_scope: globals(), locals() and vars() without an argument — the
 * namespaces of the frame that calls them (bltinmodule.c's builtin_globals,
 * builtin_locals, builtin_vars).
 *
 * globals() is the module's dict itself, wherever it is called: a write
 * through it (`globals()["x"] = 1`) is a write to the module's names.  At
 * module level locals() is that same dict, and in a class body the class's
 * namespace while the body runs (neither optimised, so 3.11-3.13 agree:
 * PyEval_GetLocals / _PyFrame_GetLocals hand the frame's f_locals back).
 * In a function they differ: 3.11 and 3.12 fill one f_locals dict the
 * frame keeps (no frame object), refreshed at each call, so a second call
 * changes what the first returned; 3.13 (PEP 667) makes the frame object and
 * gives a new snapshot dict each time, copied from a FrameLocalsProxy.  A
 * generator's frame is a function's: its f_locals dict (3.11, 3.12) stays
 * with the suspended frame (vm_gen.c), its frame object (3.13) too; so is
 * a generator expression's, and on 3.11 a comprehension's.  3.12+ inline
 * the others (PEP 709): their variables are the enclosing function's
 * locals (compile_inline.c says where they go among its names), so locals()
 * inside one is the function's, with them; it is refused in a module or
 * class body's comprehension, a nested one, one whose function has cells,
 * and a coroutine; on 3.11/3.12 a frame object that would outlive its frame
 * with an f_locals is refused too (traceback.c).
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

static const Frame *caller(PyRun *I) { return I->ts->top; }

SimId builtin_globals(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw; /* METH_NOARGS: the caller checked */
    const Frame *f = caller(I);
    SimId g = f ? f->globals : I->globals;
    sim_incref(S, g);
    return g;
}

/* A fast local's value (borrowed): a cell's content for a cell or a free
 * variable (framelocalsproxy_getval, frame_get_var), 0 when unbound */
static SimId fast_value(PyRun *I, const Frame *f, int i)
{
    const PyCode *co = &I->codes[f->code];
    SimId v = I->ts->stack[f->base + (uint32_t)i];
    if (v && co->slotkind[i] != SLOT_LOCAL && sim_kind(S, v) == SK_CELL)
        v = SIM_V(S, v, SK_CELL, cell.ref);
    return v;
}

/* One of a function's locals as CPython lists them (co_localsplusnames):
 * its name and where its value is (a slot of frame f; f 0: unbound) */
typedef struct VarRef {
    SimId name;
    const Frame *f;
    int slot;
} VarRef;

static int slot_named(PyRun *I, const PyCode *co, SimId name)
{
    for (int i = 0; co && i < co->nslots; i++)
        if (co->slotnames[i] == name || sim_equal(S, co->slotnames[i], name))
            return co->slotkind[i] == SLOT_LOCAL ? i : -1;
    return -1;
}

/* e's locals in CPython's order: its slots with its inlined comprehensions'
 * variables (3.12+) where they go; inside comprehension c (or 0) these and
 * the names it shadows read c's slots. A new array of *n (free it). */
static VarRef *locals_of(PyRun *I, const Frame *e, const Frame *c, int *n)
{
    const PyCode *co = &I->codes[e->code], *cc = c ? &I->codes[c->code] : NULL;
    VarRef *v = xmalloc((size_t)(co->nslots + co->ninl + 1) * sizeof *v);
    int k = 0, count = co->vorder ? co->nvorder : co->nslots;
    for (int i = 0; i < count; i++) {
        int j = co->vorder ? co->vorder[i] : i;
        if (j < 0) { /* a comprehension's variable: bound while it runs */
            SimId name = co->inl_names[-j - 1];
            int cs = slot_named(I, cc, name);
            v[k++] = (VarRef){name, cs >= 0 ? c : NULL, cs};
            continue;
        }
        int cs = co->slotkind[j] == SLOT_LOCAL ? slot_named(I, cc, co->slotnames[j]) : -1;
        v[k++] = cs >= 0 ? (VarRef){co->slotnames[j], c, cs} : (VarRef){co->slotnames[j], e, j};
    }
    *n = k;
    return v;
}

static SimId ref_value(PyRun *I, const VarRef *r) { return r->f ? fast_value(I, r->f, r->slot) : 0; }

/* 3.11 / 3.12 (_PyFrame_FastToLocalsWithError, _PyFrame_GetLocals): the
 * frame's one f_locals dict, made on first use and refreshed: each bound
 * local set, each unbound one deleted (when it was not there, a KeyError
 * set and cleared: 3.12 makes the exception, 3.11 its argument tuple
 * only unless an exception is being handled, which it chains to) */
static SimId refresh_flocals(PyRun *I, Frame *f, const Frame *comp)
{
    if (!f->flocals)
        f->flocals = sim_dict(S);
    if (S->prof->version == SIM_V312) { /* include_hidden: a dict for the hidden locals */
        SimId hidden = sim_dict(S);
        sim_decref(S, hidden);
    }
    int nv;
    VarRef *vars = locals_of(I, f, comp, &nv);
    for (int i = 0; i < nv; i++) {
        SimId v = ref_value(I, &vars[i]), name = vars[i].name;
        if (v) {
            sim_incref(S, name);
            sim_incref(S, v);
            sim_dict_set(S, f->flocals, name, v);
        } else if (!sim_dict_del(S, f->flocals, name)) {
            bool handling = I->ts->nhandled && I->ts->handled[I->ts->nhandled - 1] &&
                            sim_kind(S, I->ts->handled[I->ts->nhandled - 1]) != SK_NONE;
            if (S->prof->version == SIM_V312 || handling) { /* _PyErr_SetKeyError: the KeyError made
                                                              * (3.11: to chain the handled one) */
                py_raise_key(I, EXC_KeyError, name);
                if (I->refused) {
                    free(vars);
                    return 0;
                }
                py_err_clear(I);
                continue;
            }
            SimId t = sim_tuple(S, 1); /* 3.11: its (key,) alone, cleared */
            sim_incref(S, name);
            sim_tuple_set(S, t, 0, name);
            sim_decref(S, t);
        }
    }
    free(vars);
    sim_incref(S, f->flocals);
    return f->flocals;
}

/* 3.13 (PEP 667, _PyEval_GetFrameLocals): the frame object, a
 * FrameLocalsProxy over it (a tuple packs the frame for its constructor;
 * the proxy is a cell's size, tracked), then a new dict updated from it the
 * generic way: proxy.keys() as a list, an iterator over it, each value */
static SimId snapshot_locals(PyRun *I, Frame *f, const Frame *comp)
{
    int idx = py_thread_frame_index(I->ts, f);
    SimId fo = tb_frame_object(I, idx);
    SimId pack = sim_tuple(S, 1);
    sim_incref(S, fo);
    sim_tuple_set(S, pack, 0, fo);
    SimId proxy = sim_cell(S, 0);
    sim_decref(S, pack);
    SimId d = sim_dict(S);
    int nv;
    VarRef *vars = locals_of(I, f, comp, &nv);
    SimId keys = sim_list(S, 0);
    for (int i = 0; i < nv; i++)
        if (ref_value(I, &vars[i])) {
            sim_incref(S, vars[i].name);
            sim_list_append(S, keys, vars[i].name);
        }
    SimId it = sim_iter(S, keys);
    sim_decref(S, keys);
    for (uint32_t i = 0; it && i < sim_obj(S, keys)->len; i++) {
        SimId name = sim_items(S, keys)[i];
        SimId v = 0;
        for (int j = 0; j < nv && !v; j++)
            if (vars[j].name == name)
                v = ref_value(I, &vars[j]);
        if (!v)
            continue;
        sim_incref(S, name);
        sim_incref(S, v);
        sim_dict_set(S, d, name, v);
    }
    free(vars);
    sim_xdecref(S, it);
    sim_decref(S, proxy);
    /* measured: from the second call on in an except block, 3.13's peak is
     * above the model's (120 or 72 bytes: which of these objects a free
     * list gives back is not pinned down) */
    tm_note_peak_unsure(I, "locals() on 3.13 (the proxy's objects)");
    return d;
}

/* 3.12+: locals() inside comprehension c inlined into a module or class
 * body e, whose variables are e's "hidden" fast locals (CO_FAST_HIDDEN).
 * 3.12 (_PyFrame_GetLocals, include_hidden): a dict of the bound hidden
 * ones, then a new dict updated from e's namespace and from it (the
 * namespace itself when none is bound); 3.13: the frame object and a
 * FrameLocalsProxy, whose keys are the bound fast locals only, copied into
 * a new dict (snapshot_locals) */
static SimId body_inlined_locals(PyRun *I, Frame *e, Frame *c)
{
    const PyCode *cc = &I->codes[c->code];
    if (S->prof->version >= SIM_V313) {
        int idx = py_thread_frame_index(I->ts, e);
        SimId fo = tb_frame_object(I, idx);
        SimId pack = sim_tuple(S, 1);
        sim_incref(S, fo);
        sim_tuple_set(S, pack, 0, fo);
        SimId proxy = sim_cell(S, 0);
        sim_decref(S, pack);
        SimId d = sim_dict(S), keys = sim_list(S, 0);
        for (int i = 0; i < cc->nslots; i++)
            if (cc->slotkind[i] == SLOT_LOCAL && !sim_str_equals(S, cc->slotnames[i], ".0") && fast_value(I, c, i)) {
                sim_incref(S, cc->slotnames[i]);
                sim_list_append(S, keys, cc->slotnames[i]);
            }
        SimId it = sim_iter(S, keys);
        sim_decref(S, keys);
        for (int i = 0; it && i < cc->nslots; i++) {
            SimId v = cc->slotkind[i] == SLOT_LOCAL && !sim_str_equals(S, cc->slotnames[i], ".0") ? fast_value(I, c, i) : 0;
            if (!v)
                continue;
            sim_incref(S, cc->slotnames[i]);
            sim_incref(S, v);
            sim_dict_set(S, d, cc->slotnames[i], v);
        }
        sim_xdecref(S, it);
        sim_decref(S, proxy);
        tm_note_peak_unsure(I, "locals() on 3.13 (the proxy's objects)");
        return d;
    }
    SimId hidden = sim_dict(S);
    for (int i = 0; i < cc->nslots; i++) {
        SimId v = cc->slotkind[i] == SLOT_LOCAL && !sim_str_equals(S, cc->slotnames[i], ".0") ? fast_value(I, c, i) : 0;
        if (!v)
            continue;
        sim_incref(S, cc->slotnames[i]);
        sim_incref(S, v);
        sim_dict_set(S, hidden, cc->slotnames[i], v);
    }
    SimId r = e->locals;
    if (sim_obj(S, hidden)->len) {
        r = sim_dict(S);
        if (!dict_merge(I, r, e->locals, DICT_MERGE_SET, NULL) || !dict_merge(I, r, hidden, DICT_MERGE_SET, NULL)) {
            sim_decref(S, r);
            sim_decref(S, hidden);
            return 0;
        }
    } else {
        sim_incref(S, r);
    }
    sim_decref(S, hidden);
    return r;
}

/* 3.12+: locals() inside comprehension c, inlined into its function: the
 * function's locals with c's variables (0 refused) */
static SimId inlined_locals(PyRun *I, Frame *c, const char *what)
{
    const PyCode *cc = &I->codes[c->code];
    int idx = py_thread_frame_index(I->ts, c);
    Frame *e = idx > 0 ? py_thread_frame(I->ts, idx - 1) : NULL;
    const PyCode *co = e ? &I->codes[e->code] : NULL;
    bool cells = false;
    for (int i = 0; i < cc->nslots; i++)
        cells = cells || cc->slotkind[i] == SLOT_CELL;
    for (int i = 0; e && e->locals && i < co->nslots; i++)
        cells = cells || co->slotkind[i] != SLOT_LOCAL; /* a class body's __class__ cell: it would be set too */
    if (e && e->locals && !cells && (co->kind == CODE_MODULE || co->kind == CODE_CLASS))
        return body_inlined_locals(I, e, c); /* a module or class body's comprehension */
    if (!e || e->locals || cc->inl_pos < 0 || (co->kind != CODE_FUNC && co->kind != CODE_LAMBDA) || co->is_coro)
        return py_not_modelled(I, 0, "%s inside a comprehension %s (3.12+ inline it)", what,
                               e && e->locals ? "at module level or in a class body" : "inside another one"),
               (SimId)0;
    for (int i = 0; i < cc->nslots; i++)
        if (cc->slotkind[i] == SLOT_CELL) /* captured by a function inside it */
            return py_not_modelled(I, 0, "%s inside a comprehension whose variables a function in it "
                                         "captures (3.12+ inline it)", what),
                   (SimId)0;
    return S->prof->version >= SIM_V313 ? snapshot_locals(I, e, c) : refresh_flocals(I, e, c);
}

/* The caller's f_locals, or 0 refused (what: "locals()" or "vars()"). */
SimId builtin_scope_locals(PyRun *I, const char *what) { return builtin_frame_locals(I, I->ts->top, what); }

SimId builtin_frame_locals(PyRun *I, Frame *f, const char *what)
{
    if (f && !f->locals) {
        const PyCode *co = &I->codes[f->code];
        /* a comprehension is a function of its own on 3.11, and a generator
         * expression on every version; 3.12 inlines the others (PEP 709) */
        bool own_frame = co->kind == CODE_FUNC || co->kind == CODE_LAMBDA ||
                         (co->kind == CODE_COMP && (S->prof->version == SIM_V311 || co->is_gen));
        if (!own_frame && co->kind == CODE_COMP && !co->is_gen)
            return inlined_locals(I, f, what);
        if (!own_frame || co->is_coro)
            return py_not_modelled(I, 0, "%s inside a %s", what,
                                   co->kind == CODE_COMP ? "comprehension" : co->is_coro ? "coroutine" : "generator"),
                   (SimId)0;
        return S->prof->version >= SIM_V313 ? snapshot_locals(I, f, NULL) : refresh_flocals(I, f, NULL);
    }
    if (!f)
        return py_not_modelled(I, 0, "%s without a frame", what), (SimId)0;
    if (S->prof->version == SIM_V312) { /* _PyFrame_GetLocals(frame, include_hidden=1): an empty
                                          * dict for an inlined comprehension's hidden locals */
        SimId hidden = sim_dict(S);
        sim_decref(S, hidden);
    }
    sim_incref(S, f->locals);
    return f->locals;
}

SimId builtin_locals(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return builtin_scope_locals(I, "locals()");
}
