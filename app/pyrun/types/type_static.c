/*
 * type_static: what a learner reads on a built-in type: `bool.__mro__`,
 * `int.__bases__`, `KeyError.__base__`, `list.__qualname__`,
 * `dict.__module__`.
 *
 * CPython's built-in types (and its built-in exception classes) are static
 * types: type_ready makes their tp_mro and tp_bases tuples at start-up, so
 * reading one makes nothing and the tuple outlives the program.  The model
 * makes each tuple the first time it is read, as CPython's static objects
 * are modelled: no heap block, no GC count, untracked, and immortal where
 * the profile makes static objects immortal (3.12 and 3.13).  3.12 leaves
 * these tuples tracked, 3.11 and 3.13 do not (gc.is_tracked, oracle 837).
 *
 * A static type's __qualname__ is a new str of its tp_name after the last
 * dot (type_qualname calls type_name); its __module__ the static str
 * "builtins" (type_module's _Py_ID(builtins)) when tp_name has no dot.
 * The types answered here are those whose tp_name has no dot: the others
 * (itertools.count, collections.deque ...) became heap types in 3.12 or
 * 3.13, with other refcounts; the caller refuses them.
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

#define S (I->sim)

/* the kinds whose type is a static one named without a dot */
static const uint8_t static_kinds[] = {
    SK_NONE, SK_BOOL, SK_INT, SK_FLOAT, SK_STR, SK_BYTES, SK_BYTEARRAY, SK_LIST, SK_TUPLE,
    SK_DICT, SK_SET, SK_OBJECT, SK_TYPE, SK_FUNC, SK_METHOD, SK_BUILTIN, SK_CELL, SK_MODULE,
    SK_RANGE, SK_NOTIMPL, SK_SUPER, SK_GEN, SK_PROPERTY, SK_CLASSMETHOD, SK_STATICMETHOD,
    SK_ELLIPSIS, SK_MEMBER_DESCR, SK_GETSET_DESCR, SK_TRACEBACK, SK_FRAME, SK_CODE, SK_COMPLEX,
};

/* ... and the iterator and view types that are static in all three versions */
static const uint8_t static_xtypes[] = {
    SIM_XT_DICT_KEYS, SIM_XT_DICT_VALUES, SIM_XT_DICT_ITEMS, SIM_XT_SEQ_ITER, SIM_XT_LIST_ITER,
    SIM_XT_LIST_REVITER, SIM_XT_TUPLE_ITER, SIM_XT_RANGE_ITER, SIM_XT_STR_ASCII_ITER,
    SIM_XT_STR_ITER, SIM_XT_BYTES_ITER, SIM_XT_BYTEARRAY_ITER, SIM_XT_SET_ITER,
    SIM_XT_DICT_KEYITER, SIM_XT_DICT_VALUEITER, SIM_XT_DICT_ITEMITER, SIM_XT_DICT_REVKEYITER,
    SIM_XT_DICT_REVVALUEITER, SIM_XT_DICT_REVITEMITER, SIM_XT_CALL_ITER, SIM_XT_REVERSED,
    SIM_XT_ENUMERATE, SIM_XT_ZIP, SIM_XT_MAP, SIM_XT_FILTER, SIM_XT_ODICT_KEYS,
    SIM_XT_ODICT_VALUES, SIM_XT_ODICT_ITEMS, SIM_XT_ODICT_ITER, SIM_XT_SLICE, SIM_XT_FROZENSET,
    SIM_XT_MAPPINGPROXY, SIM_XT_COROUTINE, SIM_XT_METHOD_WRAPPER, SIM_XT_IO_MEMVIEW,
    SIM_XT_IO_MBUF,
};

static SimId ret(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

static int builtin_exception(PyRun *I, SimId t)
{
    for (int i = 0; i < EXC_COUNT; i++)
        if (I->exc_types[i] == t)
            return i;
    return -1;
}

static bool static_type(PyRun *I, SimId t)
{
    for (size_t i = 0; i < sizeof static_kinds; i++)
        if (S->types[static_kinds[i]] == t)
            return true;
    for (size_t i = 0; i < sizeof static_xtypes; i++)
        if (S->xtypes[static_xtypes[i]] == t)
            return true;
    return builtin_exception(I, t) >= 0;
}

/* tp_base: int for bool, None for object, the parent of an exception
 * class, object for the others (borrowed; 0 for None) */
static SimId static_base(PyRun *I, SimId t)
{
    if (t == S->type_object)
        return 0;
    if (t == S->types[SK_BOOL])
        return S->types[SK_INT];
    if (builtin_exception(I, t) >= 0 && SIM_V(S, t, SK_TYPE, type.base))
        return SIM_V(S, t, SK_TYPE, type.base);
    return S->type_object;
}

/* a tuple of the n types given, made as CPython's static ones are */
static SimId static_tuple(PyRun *I, const SimId *items, size_t n)
{
    if (n == 0)
        return sim_tuple(S, 0); /* object.__bases__: the empty tuple singleton */
    bool was_static = S->static_alloc;
    S->static_alloc = true;
    SimId t = sim_tuple(S, n);
    S->static_alloc = was_static;
    for (size_t i = 0; i < n; i++)
        sim_tuple_set(S, t, i, (sim_incref(S, items[i]), items[i]));
    static_type_tuple_mark(I, t);
    return t;
}

void static_type_tuple_mark(PyRun *I, SimId t)
{
    sim_untrack(S, t);
    sim_obj(S, t)->flags |= SIM_F_STATIC;
    if (S->prof->immortal_refcnt)
        sim_obj(S, t)->flags |= SIM_F_IMMORTAL;
}

static StaticTypeTuples *entry_of(PyRun *I, SimId t)
{
    for (uint32_t i = 0; i < I->nstatic_tuples; i++)
        if (I->static_tuples[i].type == t)
            return &I->static_tuples[i];
    if (I->nstatic_tuples == I->capstatic_tuples) {
        I->capstatic_tuples = I->capstatic_tuples ? 2 * I->capstatic_tuples : 16;
        I->static_tuples = xrealloc(I->static_tuples, I->capstatic_tuples * sizeof *I->static_tuples);
    }
    StaticTypeTuples *e = &I->static_tuples[I->nstatic_tuples++];
    *e = (StaticTypeTuples){.type = t};
    return e;
}

static SimId bases_of(PyRun *I, SimId t)
{
    StaticTypeTuples *e = entry_of(I, t);
    if (!e->bases) {
        int x = builtin_exception(I, t);
        SimId base = static_base(I, t);
        if (x == EXC_ExceptionGroup) { /* class ExceptionGroup(BaseExceptionGroup, Exception) */
            SimId two[] = {base, exc_class(I, EXC_Exception)};
            e->bases = static_tuple(I, two, 2);
        } else {
            e->bases = static_tuple(I, &base, base ? 1 : 0);
        }
    }
    return e->bases;
}

static SimId mro_of(PyRun *I, SimId t)
{
    if (builtin_exception(I, t) >= 0) /* made with the class (exception.c) */
        return sim_items(S, t)[SIM_TY_MRO];
    StaticTypeTuples *e = entry_of(I, t);
    if (!e->mro) {
        SimId chain[3];
        size_t n = 0;
        for (SimId c = t; c; c = static_base(I, c))
            chain[n++] = c;
        e->mro = static_tuple(I, chain, n);
    }
    return e->mro;
}

bool static_type_tuple_is(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_TUPLE || sim_obj(S, v)->len == 0) /* not the empty tuple singleton */
        return false;
    for (uint32_t i = 0; i < I->nstatic_tuples; i++)
        if (I->static_tuples[i].mro == v || I->static_tuples[i].bases == v)
            return true;
    for (int i = 0; i < EXC_COUNT; i++)
        if (I->exc_types[i] && sim_items(S, I->exc_types[i])[SIM_TY_MRO] == v)
            return true;
    return false;
}

SimId static_type_attr(PyRun *I, SimId t, const char *name, bool *found)
{
    *found = static_type(I, t);
    if (!*found)
        return 0;
    if (strcmp(name, "__mro__") == 0)
        return ret(I, mro_of(I, t));
    if (strcmp(name, "__bases__") == 0)
        return ret(I, bases_of(I, t));
    if (strcmp(name, "__base__") == 0) {
        SimId b = static_base(I, t);
        return ret(I, b ? b : S->none);
    }
    if (strcmp(name, "__qualname__") == 0) {
        size_t n;
        const char *tn = sim_obj(S, t)->sub == SK_INSTANCE ? sim_str_data(S, sim_items(S, t)[SIM_TY_NAME], &n)
                                                            : sim_type_obj_name(S, t);
        return sim_str(S, tn, sim_obj(S, t)->sub == SK_INSTANCE ? n : strlen(tn));
    }
    if (strcmp(name, "__module__") == 0)
        return sim_str_static(S, "builtins", 8);
    *found = false;
    return 0;
}
