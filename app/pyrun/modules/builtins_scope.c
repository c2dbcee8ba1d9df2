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
 * a generator expression's, and on 3.11 a comprehension's.  In 3.12's
 * inlined comprehensions (PEP 709) or a coroutine they are refused, and on 3.11/3.12 a frame
 * object that would outlive its frame with an f_locals (traceback.c).
 */
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"

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

/* 3.11 / 3.12 (_PyFrame_FastToLocalsWithError, _PyFrame_GetLocals): the
 * frame's one f_locals dict, made on first use and refreshed: each bound
 * local set, each unbound one deleted (when it was not there, a KeyError
 * set and cleared: 3.12 makes the exception, 3.11 its argument tuple
 * only unless an exception is being handled, which it chains to) */
static SimId refresh_flocals(PyRun *I, Frame *f)
{
    if (!f->flocals)
        f->flocals = sim_dict(S);
    if (S->prof->version == SIM_V312) { /* include_hidden: a dict for the hidden locals */
        SimId hidden = sim_dict(S);
        sim_decref(S, hidden);
    }
    const PyCode *co = &I->codes[f->code];
    for (int i = 0; i < co->nslots; i++) {
        SimId v = fast_value(I, f, i), name = co->slotnames[i];
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
                if (I->refused)
                    return 0;
                py_err_clear(I);
                continue;
            }
            SimId t = sim_tuple(S, 1); /* 3.11: its (key,) alone, cleared */
            sim_incref(S, name);
            sim_tuple_set(S, t, 0, name);
            sim_decref(S, t);
        }
    }
    sim_incref(S, f->flocals);
    return f->flocals;
}

/* 3.13 (PEP 667, _PyEval_GetFrameLocals): the frame object, a
 * FrameLocalsProxy over it (a tuple packs the frame for its constructor;
 * the proxy is a cell's size, tracked), then a new dict updated from it the
 * generic way: proxy.keys() as a list, an iterator over it, each value */
static SimId snapshot_locals(PyRun *I, Frame *f)
{
    int idx = py_thread_frame_index(I->ts, f);
    SimId fo = tb_frame_object(I, idx);
    SimId pack = sim_tuple(S, 1);
    sim_incref(S, fo);
    sim_tuple_set(S, pack, 0, fo);
    SimId proxy = sim_cell(S, 0);
    sim_decref(S, pack);
    SimId d = sim_dict(S);
    const PyCode *co = &I->codes[f->code];
    SimId keys = sim_list(S, 0);
    for (int i = 0; i < co->nslots; i++)
        if (fast_value(I, f, i)) {
            sim_incref(S, co->slotnames[i]);
            sim_list_append(S, keys, co->slotnames[i]);
        }
    SimId it = sim_iter(S, keys);
    sim_decref(S, keys);
    for (uint32_t i = 0; it && i < sim_obj(S, keys)->len; i++) {
        SimId name = sim_items(S, keys)[i];
        SimId v = 0;
        for (int j = 0; j < co->nslots && !v; j++)
            if (co->slotnames[j] == name)
                v = fast_value(I, f, j);
        if (!v)
            continue;
        sim_incref(S, name);
        sim_incref(S, v);
        sim_dict_set(S, d, name, v);
    }
    sim_xdecref(S, it);
    sim_decref(S, proxy);
    /* measured: from the second call on in an except block, 3.13's peak is
     * above the model's (120 or 72 bytes: which of these objects a free
     * list gives back is not pinned down) */
    tm_note_peak_unsure(I, "locals() on 3.13 (the proxy's objects)");
    return d;
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
        if (!own_frame || co->is_coro)
            return py_not_modelled(I, 0, "%s inside a %s", what,
                                   co->kind == CODE_COMP ? "comprehension" : co->is_coro ? "coroutine" : "generator"),
                   (SimId)0;
        return S->prof->version >= SIM_V313 ? snapshot_locals(I, f) : refresh_flocals(I, f);
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
