/*
 * native: calls, reprs and attributes of the standard modules' composite
 * objects that are not iterators, each handed to the module that made it.
 */
#include "pyrun/types/native.h"

#include <string.h>

#include "pyrun/modules/functools.h"
#include "pyrun/modules/collections.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

bool native_callable(PyRun *I, SimId v)
{
    SimXType xt = sim_is_native(S, v) ? sim_xtype_of(S, v) : SIM_XT_NONE;
    return xt == SIM_XT_OP_ITEMGETTER || xt == SIM_XT_OP_ATTRGETTER || xt == SIM_XT_OP_METHODCALLER ||
           xt == SIM_XT_FT_PARTIAL || xt == SIM_XT_FT_LRU_WRAPPER || xt == SIM_XT_CL_HELPER;
}

SimId native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames)
{
    switch (sim_xtype_of(S, obj)) {
    case SIM_XT_OP_ITEMGETTER: case SIM_XT_OP_ATTRGETTER: case SIM_XT_OP_METHODCALLER:
        return operator_native_call(I, obj, args, nargs, kwnames);
    case SIM_XT_FT_PARTIAL: case SIM_XT_FT_LRU_WRAPPER:
        return functools_native_call(I, obj, args, nargs, kwnames);
    case SIM_XT_CL_HELPER:
        return contextlib_native_call(I, obj, args, nargs, kwnames);
    default:
        py_raise(I, EXC_TypeError, "'%s' object is not callable", op_typename(I, obj));
        return 0;
    }
}

bool native_repr(PyRun *I, SimId obj, Buf *out)
{
    switch (sim_xtype_of(S, obj)) {
    case SIM_XT_OP_ITEMGETTER: case SIM_XT_OP_ATTRGETTER: case SIM_XT_OP_METHODCALLER:
        return operator_native_repr(I, obj, out);
    case SIM_XT_CL_HELPER: case SIM_XT_CL_GENCM: case SIM_XT_CL_SUPPRESS: case SIM_XT_CL_CLOSING:
    case SIM_XT_CL_NULLCONTEXT: case SIM_XT_CL_EXITSTACK: case SIM_XT_CL_REDIRECT_OUT: case SIM_XT_CL_REDIRECT_ERR:
    case SIM_XT_CL_CBWRAP: case SIM_XT_IO_BYTESIO: case SIM_XT_STR_TEMPLATE: case SIM_XT_MAIN_LOADER:
        return contextlib_native_repr(I, obj, out);
    case SIM_XT_SLICE:
        return slice_repr(I, obj, out);
    case SIM_XT_IO_TEXT:
        return stdstream_repr(I, obj, out);
    case SIM_XT_TM_SNAPSHOT: case SIM_XT_TM_STATISTIC: case SIM_XT_TM_STATDIFF: case SIM_XT_TM_TRACEBACK:
    case SIM_XT_TM_FRAME:
        return tm_native_repr(I, obj, out);
    default:
        return functools_native_repr(I, obj, out);
    }
}

SimId native_attr(PyRun *I, SimId obj, SimId name, bool *found)
{
    size_t n;
    const char *s = sim_str_data(S, name, &n);
    char buf[64];
    *found = false;
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    switch (sim_xtype_of(S, obj)) {
    case SIM_XT_FT_PARTIAL: case SIM_XT_FT_LRU_WRAPPER: case SIM_XT_FT_CACHEINFO:
        return functools_native_attr(I, obj, buf, found);
    case SIM_XT_CL_HELPER: case SIM_XT_CL_GENCM: case SIM_XT_CL_SUPPRESS: case SIM_XT_CL_CLOSING:
    case SIM_XT_CL_NULLCONTEXT: case SIM_XT_CL_EXITSTACK: case SIM_XT_CL_REDIRECT_OUT: case SIM_XT_CL_REDIRECT_ERR:
        return contextlib_native_attr(I, obj, buf, found);
    case SIM_XT_SLICE:
        return slice_attr(I, obj, buf, found);
    case SIM_XT_TM_SNAPSHOT: case SIM_XT_TM_STATISTIC: case SIM_XT_TM_STATDIFF: case SIM_XT_TM_TRACEBACK:
    case SIM_XT_TM_FRAME:
        return tm_native_attr(I, obj, buf, found);
    case SIM_XT_IO_BYTESIO:
        return bytesio_native_attr(I, obj, buf, found);
    case SIM_XT_IO_TEXT:
        return stdstream_attr(I, obj, buf, found);
    case SIM_XT_MAIN_LOADER:
        *found = true;
        return py_not_modelled(I, 0, "__main__.__loader__'s '%s'", buf), (SimId)0;
    case SIM_XT_STR_TEMPLATE:
        return string_template_attr(I, obj, buf, found);
    default:
        return 0;
    }
}

SimId native_dict(PyRun *I, SimId obj)
{
    if (!sim_is_native(S, obj))
        return 0;
    if (sim_xtype_of(S, obj) == SIM_XT_FT_LRU_WRAPPER)
        return ft_lru_dict(I, obj);
    return contextlib_native_dict(I, obj);
}

SimId native_special(PyRun *I, SimId mgr, const char *name)
{
    SimId m = sim_xtype_of(S, mgr) == SIM_XT_IO_BYTESIO ? bytesio_special(I, mgr, name) : contextlib_special(I, mgr, name);
    if (!m && !I->ts->err.set)
        py_raise(I, EXC_TypeError, "'%s' object does not support the context manager protocol%s",
                 op_typename(I, mgr), strcmp(name, "__exit__") == 0 ? " (missed __exit__ method)" : "");
    return m;
}

bool native_python_level(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_BUILTIN)
        return false;
    const BuiltinDef *d = bi_def(sim_obj(S, v)->v.builtin.index);
    if (!d)
        return false;
    return d->module == BM_CONTEXTLIB || (d->module == BM_FUNCTOOLS && strcmp(d->name, "reduce") != 0) ||
           d->module == BM_RANDOM || d->module == BM_ABC || d->module == BM_TYPING || /* random's are Random's bound methods */
           (d->module == BM_COLLECTIONS && (d->owner == SK_DICT || d->owner == SK_INSTANCE)) || /* Counter's, ChainMap's */
           (d->module == BM_HEAPQ && d->name[0] == 'n') || d->module == BM_TEXTWRAP || d->module == BM_FRACTIONS || /* nlargest, nsmallest: Lib/heapq.py's */
           namedtuple_builtin(I, v) || (d->module == BM_COLLECTIONS && strcmp(d->name, "namedtuple") == 0);
}

bool native_tuple_refused(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_ITER || sim_xtype_of(S, v) != SIM_XT_FT_CACHEINFO)
        return false;
    py_not_modelled(I, 0, "a CacheInfo used as a tuple (iterated, indexed or compared)");
    return true;
}

SimId native_bound(PyRun *I, const BuiltinDef *def, SimId self)
{
    for (int i = 0; i < bi_count(); i++)
        if (bi_def((uint32_t)i) == def) {
            sim_incref(S, self);
            return sim_builtin(S, (uint32_t)i, self);
        }
    py_raise(I, EXC_SystemError, "unknown built-in method");
    return 0;
}

SimId native_static(PyRun *I, SimXType xt, uint32_t nints)
{
    SimId s = sim_iter_composite(S, xt, 0, nints, 0, false);
    SimObj *o = sim_obj(S, s);
    pm_free(&S->pm, o->mem);
    o->mem = PM_NULL;
    o->flags |= SIM_F_STATIC;
    return s;
}

bool native_static_tracked(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_ITER || !(sim_obj(S, v)->flags & SIM_F_STATIC))
        return false;
    SimXType xt = sim_xtype_of(S, v);
    return xt == SIM_XT_IO_TEXT || xt == SIM_XT_MAIN_LOADER;
}

bool native_is_tm(PyRun *I, SimId v, SimXType which)
{
    return sim_kind(S, v) == SK_ITER && sim_xtype_of(S, v) == which;
}
