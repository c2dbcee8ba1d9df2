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
           xt == SIM_XT_FT_PARTIAL || xt == SIM_XT_FT_LRU_WRAPPER || xt == SIM_XT_CL_HELPER ||
           xt == SIM_XT_GENERIC_ALIAS;
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
    case SIM_XT_GENERIC_ALIAS:
        return galias_call(I, obj, args, nargs, kwnames);
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
    case SIM_XT_GENERIC_ALIAS:
        return galias_repr(I, obj, out);
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
    case SIM_XT_GENERIC_ALIAS:
        return galias_attr(I, obj, buf, found);
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

static bool named(const BuiltinDef *d, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(d->name, *names) == 0)
            return true;
    return false;
}

/* A module's function the model makes a built-in: what CPython's is when it
 * is no built-in function (NULL when it is one, as the model's is). */
static const char *module_function_what(PyRun *I, const BuiltinDef *d)
{
    static const char *const classes[] = {"ExitStack", "closing", "nullcontext", "redirect_stderr",
                                          "redirect_stdout", "suppress", "SimpleQueue", "Runner", "partial", NULL};
    static const char *const c_level[] = {"get_ident", "_excepthook", "_localdummy_destroyed", "get_event_loop",
                                          "reduce", NULL};
    static const char *const mp_methods[] = {"Pipe", "cpu_count", "get_start_method", NULL};
    static const char *const tm_python[] = {"take_snapshot", "get_object_traceback", NULL};
    if (named(d, classes) && (d->module == BM_CONTEXTLIB || d->module == BM_QUEUE || d->module == BM_ASYNCIO ||
                              d->module == BM_FUNCTOOLS))
        return "a class";
    if (d->module == BM_THREADING && strcmp(d->name, "Lock") == 0) /* _thread.allocate_lock, a type in 3.13 */
        return S->prof->version >= SIM_V313 ? "a class" : NULL;
    if (d->module == BM_RANDOM) /* the module's hidden Random instance's */
        return "a bound method";
    if ((d->module == BM_MULTIPROCESSING && named(d, mp_methods)) || d->module == BM_REPRLIB)
        return "a bound method"; /* the default context's, reprlib.aRepr's */
    if (named(d, c_level))
        return NULL;
    if ((d->module == BM_TRACEMALLOC && named(d, tm_python)) || (d->module == BM_HEAPQ && strcmp(d->name, "merge") == 0) ||
        d->module == BM_FUNCTOOLS || d->module == BM_ABC || d->module == BM_TYPING || bi_python_library(d) ||
        (d->module == BM_COLLECTIONS && strcmp(d->name, "namedtuple") == 0))
        return "a Python function";
    return NULL;
}

const char *native_python_what(PyRun *I, SimId v)
{
    if (sim_kind(S, v) != SK_BUILTIN)
        return NULL;
    const BuiltinDef *d = bi_def(sim_obj(S, v)->v.builtin.index);
    if (!d)
        return NULL;
    if (!d->owner && !sim_obj(S, v)->v.builtin.self)
        return module_function_what(I, d);
    if (d->module == BM_CONTEXTLIB || (d->module == BM_FUNCTOOLS && strcmp(d->name, "reduce") != 0) ||
        d->module == BM_RANDOM || d->module == BM_ABC || d->module == BM_TYPING ||
        (d->module == BM_COLLECTIONS && (d->owner == SK_DICT || d->owner == SK_INSTANCE)) || /* Counter's, ChainMap's */
        d->module == BM_TEXTWRAP || d->module == BM_FRACTIONS || namedtuple_builtin(I, v))
        return "a Python function";
    return NULL;
}

bool native_python_level(PyRun *I, SimId v)
{
    return native_python_what(I, v) != NULL;
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
