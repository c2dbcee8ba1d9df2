/*
 * vm_class: a class statement as the VM runs it — BUILD_CLASS (CPython's
 * __build_class__: the bases, the metaclass, __prepare__'s namespace and
 * the body's frame) and the body's return, which makes the class
 * (type_new, a metaclass's call, NamedTupleMeta) from the namespace.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define TOPF (I->ts->top)

static inline SimId pop(PyRun *I) { return I->ts->stack[--TOPF->sp]; }

bool vm_build_class(PyRun *I, uint32_t ci)
{
    const PyCode *co = &I->codes[ci];
    int nb = co->nbases;
    SimId bases, kw = 0, meta = 0;
    SimId hold[3] = {0, 0, 0};
    if (nb < 0) { /* `*bases` or keywords: a tuple and a dict */
        kw = pop(I);
        bases = pop(I);
        if (nb == -2)
            (void)pop(I); /* the NULL in __build_class__'s place */
        if (!class_keywords(I, &bases, &kw, nb == -2, hold, &meta))
            return false;
    } else {
        bases = sim_tuple(S, (size_t)nb);
        for (int i = nb - 1; i >= 0; i--)
            sim_tuple_set(S, bases, (size_t)i, pop(I));
    }
    nb = (int)sim_obj(S, bases)->len; /* 0 when the budget refused the tuple */
    for (int i = 0; i < nb; i++) {
        SimId b = sim_items(S, bases)[i];
        if (sim_kind(S, b) != SK_TYPE && !typing_is_namedtuple(I, b)) { /* __mro_entries__, or type(base) */
            py_not_modelled(I, 0, "a base that is not a class (CPython asks its __mro_entries__, or calls its "
                                  "type with the class's name, bases and namespace)");
            sim_decref(S, bases);
            sim_xdecref(S, meta);
            class_keywords_release(I, kw, hold);
            return false;
        }
    }
    if (!metaclass_winner(I, &meta, bases)) { /* _PyType_CalculateMetaclass */
        sim_decref(S, bases);
        class_keywords_release(I, kw, hold);
        return false;
    }
    SimId body = sim_func(S, ci, co->name, TOPF->globals, 0, 0);
    sim_incref(S, co->name);
    sim_incref(S, TOPF->globals);
    class_prepare_transient(I); /* type.__prepare__ bound, called, dropped */
    SimId ns = sim_dict(S);
    sim_dict_set(S, ns, sim_str_static(S, "__module__", 10), sim_str_intern(S, "__main__", 8));
    sim_incref(S, co->qualname);
    sim_dict_set(S, ns, sim_str_static(S, "__qualname__", 12), co->qualname);
    Frame *f = vm_new_frame(I, ci, TOPF->globals);
    if (!f) {
        sim_decref(S, bases), sim_decref(S, body), sim_decref(S, ns);
        sim_xdecref(S, meta);
        class_keywords_release(I, kw, hold);
        return false;
    }
    f->classmeta = meta;
    f->func = body;
    f->locals = ns;
    f->extra = bases;
    f->classkw = kw;
    memcpy(f->classhold, hold, sizeof hold);
    f->kind = FR_CLASS;
    vm_frame_entered(I, f, ENTERED_C);
    for (int i = 0; i < co->nslots; i++) /* MAKE_CELL: __class__, when a method uses super() */
        if (co->slotkind[i] == SLOT_CELL)
            I->ts->stack[f->base + (unsigned)i] = sim_cell(S, 0);
    return true;
}

static SimId finish_class(PyRun *I, uint32_t ci, SimId ns, SimId bases, SimId kw, SimId meta)
{
    if (meta) /* meta(name, bases, ns, **kw) */
        return metaclass_build(I, meta, I->codes[ci].name, bases, ns, kw);
    for (uint32_t i = 0; i < sim_obj(S, bases)->len; i++)
        if (typing_is_namedtuple(I, sim_items(S, bases)[i])) /* NamedTupleMeta.__new__ */
            return typing_namedtuple_class(I, I->codes[ci].name, ns, bases);
    if (!modelled_class_ok(I, ns, bases))
        return 0;
    SimId base = sim_obj(S, bases)->len ? sim_items(S, bases)[0] : 0;
    if (!base || sim_obj(S, base)->sub != SK_INSTANCE || (sim_type_word(S, base, SIM_TY_FLAGS) & SIM_TYF_HEAP))
        return class_build_kw(I, I->codes[ci].name, ns, bases, kw); /* object at the root */
    if (kw && sim_obj(S, kw)->len)
        return py_not_modelled(I, 0, "class keywords for a subclass of an exception"), (SimId)0;
    /* an exception class's subclass: the model's exception layout (its
     * type object's blocks are not CPython's: 952 bytes traced in 3.11
     * where CPython's are 1408) */
    tm_note_unsure(I, "a subclass of an exception class");
    SimId d = sim_dict(S);
    uint32_t pos = 0;
    SimId k, v, classcell = 0;
    while (sim_dict_next(S, ns, &pos, &k, &v)) {
        if (sim_str_equals(S, k, "__classcell__")) { /* type_new_set_classcell */
            classcell = v;
            continue;
        }
        sim_incref(S, k);
        sim_incref(S, v);
        sim_dict_set(S, d, k, v);
    }
    /* type_ready_set_hash: __eq__ without __hash__ makes instances unhashable */
    if (sim_dict_get_str(S, d, "__eq__") && !sim_dict_get_str(S, d, "__hash__")) {
        sim_incref(S, S->none);
        sim_dict_set(S, d, sim_str_intern(S, "__hash__", 8), S->none);
    }
    if (base && sim_obj(S, base)->sub != SK_INSTANCE)
        base = 0; /* subclassing built-in types: treated as object */
    if (base)
        sim_incref(S, base);
    SimId name = I->codes[ci].name;
    sim_incref(S, name);
    SimId cls = sim_type_new(S, name, base, d, true);
    class_set_hooks(I, cls);
    if (classcell && sim_kind(S, classcell) == SK_CELL && !SIM_V(S, classcell, SK_CELL, cell.ref)) {
        sim_incref(S, cls);
        SIM_V(S, classcell, SK_CELL, cell.ref) = cls;
    }
    return cls;
}

/* RETURN_VALUE of a class body (res, its None, consumed): the frame
 * unwound, then the class made from its namespace; the class, or 0 with
 * the error raised. */
SimId vm_class_return(PyRun *I, SimId res)
{
    Frame *f = TOPF;
    uint32_t ci = f->code;
    SimId ns = f->locals, bases = f->extra, ckw = f->classkw, meta = f->classmeta, hold[3];
    memcpy(hold, f->classhold, sizeof hold);
    f->locals = f->extra = f->classkw = f->classmeta = 0; /* kept past the unwind */
    memset(f->classhold, 0, sizeof f->classhold);
    vm_unwind_frame(I);
    sim_decref(S, res);
    SimId cls = finish_class(I, ci, ns, bases, ckw, meta);
    sim_decref(S, ns);
    sim_decref(S, bases);
    if (ckw || hold[0])
        class_keywords_release(I, ckw, hold);
    sim_xdecref(S, meta);
    return cls;
}
