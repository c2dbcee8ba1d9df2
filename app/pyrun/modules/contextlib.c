/*
 * contextlib: contextmanager, suppress, closing and nullcontext, which
 * Lib/contextlib.py writes as Python classes, kept here as composite
 * records with their sizes (sys.getsizeof of the instances, of the
 * decorated function) and their with-statement methods following
 * contextlib.py's logic: __enter__ runs the generator to its yield,
 * __exit__ resumes it or throws the body's exception into it.  The GC
 * traffic of that Python code is not replayed: the young count is unsure
 * (refused) until a gc.collect().  Exceptions leaving through contextlib's
 * own frames (their traceback names contextlib.py) are refused.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/contextlib_int.h"
#include "pyrun/modules/functools.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { HELPER_FUNC, HELPER_DICT, HELPER_NREFS };           /* the decorated function */
enum { CM_GEN, CM_FUNC, CM_ARGS, CM_KWDS, CM_DOC, CM_NREFS }; /* _GeneratorContextManager */
enum { ONE_REF };                                          /* suppress, closing, nullcontext */

static const BuiltinDef *def_named(const char *name)
{
    for (int i = 0; i < contextlib_nfunctions; i++)
        if (strcmp(contextlib_functions[i].name, name) == 0)
            return &contextlib_functions[i];
    return NULL;
}

/* contextmanager(func): helper = wraps(func)(helper) */
static SimId cl_contextmanager(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 1) {
        if (n == 0)
            py_raise(I, EXC_TypeError, "contextmanager() missing 1 required positional argument: 'func'");
        else
            py_raise(I, EXC_TypeError, "contextmanager() takes 1 positional argument but %d were given", n);
        return 0;
    }
    SimId h = iter_composite(I, SIM_XT_CL_HELPER, HELPER_NREFS, 0, 0, true);
    if (!h)
        return 0;
    sim_incref(S, a[0]);
    REFS(h)[HELPER_FUNC] = a[0];
    SimId dict = sim_dict(S);
    REFS(h)[HELPER_DICT] = dict;
    I->gc_count_unsure = true; /* wraps' partial and contextlib's closure: not replayed */
    SimId args[2] = {h, a[0]};
    SimId r = ft_update_wrapper(I, args, 2, 0);
    if (!r) {
        sim_decref(S, h);
        return 0;
    }
    sim_decref(S, r);
    return h;
}

/* helper(*args, **kwds): _GeneratorContextManager(func, args, kwds), whose
 * __init__ calls func(*args, **kwds) and takes the function's __doc__ */
static SimId helper_call(PyRun *I, SimId h, SimId *args, int nargs, SimId kwnames)
{
    I->ts->ex_args = 0;
    I->gc_count_unsure = true;
    SimId func = REFS(h)[HELPER_FUNC];
    int nk = kwnames ? (int)sim_obj(S, kwnames)->len : 0, np = nargs - nk;
    SimId tuple = np ? sim_tuple(S, (size_t)np) : S->empty_tuple;
    if (np)
        for (int i = 0; i < np; i++) {
            sim_incref(S, args[i]);
            sim_tuple_set(S, tuple, (size_t)i, args[i]);
        }
    else
        sim_incref(S, tuple);
    SimId kwds = sim_dict(S);
    for (int i = 0; i < nk; i++) {
        sim_incref(S, sim_items(S, kwnames)[i]);
        sim_incref(S, args[np + i]);
        sim_dict_set(S, kwds, sim_items(S, kwnames)[i], args[np + i]);
    }
    SimId cm = iter_composite(I, SIM_XT_CL_GENCM, CM_NREFS, 0, 0, true);
    SimId gen = cm ? vm_call_kw(I, func, args, nargs, kwnames) : 0;
    if (!gen) {
        sim_xdecref(S, cm);
        sim_decref(S, tuple);
        sim_decref(S, kwds);
        return 0;
    }
    REFS(cm)[CM_GEN] = gen;
    sim_incref(S, func);
    REFS(cm)[CM_FUNC] = func;
    REFS(cm)[CM_ARGS] = tuple;
    REFS(cm)[CM_KWDS] = kwds;
    SimId docname = sim_str_intern(S, "__doc__", 7);
    SimId doc = attr_get(I, func, docname);
    sim_decref(S, docname);
    if (!doc) {
        py_err_clear(I);
        doc = sim_none(S);
    }
    REFS(cm)[CM_DOC] = doc;
    return cm;
}

/* ---- the with-statement methods --------------------------------------------------------- */

static SimId take(PyRun *I, SimId cm, int slot)
{
    SimId v = REFS(cm)[slot];
    REFS(cm)[slot] = 0;
    return v;
}

static SimId gencm_enter(PyRun *I, SimId cm)
{
    sim_xdecref(S, take(I, cm, CM_ARGS)); /* del self.args, self.kwds, self.func */
    sim_xdecref(S, take(I, cm, CM_KWDS));
    sim_xdecref(S, take(I, cm, CM_FUNC));
    SimId gen = REFS(cm)[CM_GEN];
    if (!gen)
        return py_not_modelled(I, 0, "entering a @contextmanager object twice"), 0;
    SimId v = vm_gen_send(I, gen, S->none);
    if (!v && py_err_matches(I, EXC_StopIteration)) {
        py_err_clear(I);
        py_raise(I, EXC_RuntimeError, "generator didn't yield");
    }
    return v;
}

static SimId leaves_contextlib(PyRun *I)
{
    if (I->refused)
        return 0;
    return py_not_modelled(I, 0, "an exception leaving a @contextmanager generator other than the one "
                           "thrown into it (its traceback shows contextlib.py)"), 0;
}

static SimId gencm_exit(PyRun *I, SimId cm, SimId typ, SimId value, SimId tb)
{
    SimId gen = REFS(cm)[CM_GEN];
    if (sim_kind(S, typ) == SK_NONE) {
        SimId r = vm_gen_send(I, gen, S->none);
        if (r) {
            sim_decref(S, r);
            vm_gen_close(I, gen);
            return py_not_modelled(I, 0, "a @contextmanager generator that yields twice"), 0;
        }
        if (py_err_matches(I, EXC_StopIteration)) {
            py_err_clear(I);
            return sim_bool(S, false);
        }
        return leaves_contextlib(I);
    }
    if (sim_kind(S, value) == SK_NONE)
        return py_not_modelled(I, 0, "__exit__ of a @contextmanager object called with no exception value"), 0;
    sim_incref(S, value);
    vm_raise_value(I, value); /* self.gen.throw(value) */
    SimId r = vm_gen_throw(I, gen);
    if (r) {
        sim_decref(S, r);
        vm_gen_close(I, gen);
        return py_not_modelled(I, 0, "a @contextmanager generator that yields again after throw()"), 0;
    }
    if (I->refused)
        return 0;
    if (py_err_matches(I, EXC_StopIteration)) { /* it handled the exception: suppressed */
        py_err_clear(I);
        return sim_bool(S, true);
    }
    SimId now = exc_instance(I);
    bool same = now == value;
    sim_decref(S, now);
    if (!same)
        return leaves_contextlib(I);
    py_err_clear(I); /* exc.__traceback__ = traceback; return False */
    if (sim_kind(S, tb) != SK_NONE)
        sim_incref(S, tb);
    SimId old = sim_exc_get(S, value, SIM_EXC_TRACEBACK);
    sim_exc_set(S, value, SIM_EXC_TRACEBACK, sim_kind(S, tb) != SK_NONE ? tb : 0);
    (void)old;
    return sim_bool(S, false);
}

static SimId cl_enter(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId self = a[0];
    switch (sim_xtype_of(S, self)) {
    case SIM_XT_CL_GENCM: return gencm_enter(I, self);
    case SIM_XT_CL_SUPPRESS: return bi_none(I);
    case SIM_XT_CL_EXITSTACK: case SIM_XT_CL_REDIRECT_OUT: case SIM_XT_CL_REDIRECT_ERR:
        return cl_exit_enter(I, self);
    default: /* closing: the thing; nullcontext: enter_result */
        sim_incref(S, REFS(self)[ONE_REF]);
        return REFS(self)[ONE_REF];
    }
}

static SimId cl_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n != 4) {
        py_raise(I, EXC_TypeError, "__exit__() takes 4 positional arguments but %d were given", n);
        return 0;
    }
    SimId self = a[0], typ = a[1];
    switch (sim_xtype_of(S, self)) {
    case SIM_XT_CL_GENCM:
        return gencm_exit(I, self, typ, a[2], a[3]);
    case SIM_XT_CL_EXITSTACK: case SIM_XT_CL_REDIRECT_OUT: case SIM_XT_CL_REDIRECT_ERR:
        return cl_exit_exit(I, self, a + 1);
    case SIM_XT_CL_SUPPRESS: { /* typ is not None and issubclass(typ, self._exceptions) */
        if (sim_kind(S, typ) == SK_NONE)
            return sim_bool(S, false);
        SimId excs = REFS(self)[ONE_REF];
        for (uint32_t i = 0; i < sim_obj(S, excs)->len; i++) {
            SimId e = sim_items(S, excs)[i];
            if (sim_kind(S, e) != SK_TYPE)
                return py_not_modelled(I, 0, "contextlib.suppress() of something not a class"), 0;
            if (sim_is_subtype(S, typ, e))
                return sim_bool(S, true);
        }
        return sim_bool(S, false);
    }
    case SIM_XT_CL_CLOSING: { /* self.thing.close() */
        SimId name = sim_str_intern(S, "close", 5);
        SimId m = attr_get(I, REFS(self)[ONE_REF], name);
        sim_decref(S, name);
        if (!m)
            return leaves_contextlib(I);
        SimId r = vm_call(I, m, NULL, 0);
        sim_decref(S, m);
        if (!r)
            return leaves_contextlib(I);
        sim_decref(S, r);
        return bi_none(I);
    }
    default:
        return bi_none(I);
    }
}

/* ---- suppress, closing, nullcontext ------------------------------------------------------- */

static SimId one_ref(PyRun *I, SimXType xt, SimId v)
{
    SimId o = iter_composite(I, xt, 1, 0, 0, true);
    if (!o) {
        sim_decref(S, v);
        return 0;
    }
    REFS(o)[ONE_REF] = v;
    I->gc_count_unsure = true; /* the class call's Python __init__: not replayed */
    return o;
}

static SimId cl_suppress(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId t = sim_tuple(S, (size_t)n);
    for (int i = 0; i < n; i++) {
        sim_incref(S, a[i]);
        sim_tuple_set(S, t, (size_t)i, a[i]);
    }
    return one_ref(I, SIM_XT_CL_SUPPRESS, t);
}

static SimId cl_closing(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId thing = bi_npos(I, n, kw) > 0 ? a[0] : bi_kwarg(I, a, n, kw, "thing");
    if (bi_npos(I, n, kw) > 1) {
        py_raise(I, EXC_TypeError, "closing.__init__() takes 2 positional arguments but %d were given",
                 bi_npos(I, n, kw) + 1);
        return 0;
    }
    if (!thing) {
        py_raise(I, EXC_TypeError, "closing.__init__() missing 1 required positional argument: 'thing'");
        return 0;
    }
    sim_incref(S, thing);
    return one_ref(I, SIM_XT_CL_CLOSING, thing);
}

static SimId cl_nullcontext(PyRun *I, SimId *a, int n, SimId kw)
{
    if (bi_npos(I, n, kw) > 1) {
        py_raise(I, EXC_TypeError, "nullcontext.__init__() takes from 1 to 2 positional arguments but %d were given",
                 bi_npos(I, n, kw) + 1);
        return 0;
    }
    SimId v = n - (kw ? (int)sim_obj(S, kw)->len : 0) > 0 ? a[0] : bi_kwarg(I, a, n, kw, "enter_result");
    v = v ? v : S->none;
    sim_incref(S, v);
    return one_ref(I, SIM_XT_CL_NULLCONTEXT, v);
}

/* ---- the objects' protocol (types/native.c) ----------------------------------------------- */

SimId contextlib_native_call(PyRun *I, SimId obj, SimId *args, int nargs, SimId kwnames)
{
    return helper_call(I, obj, args, nargs, kwnames);
}

bool contextlib_special_kind(PyRun *I, SimId v)
{
    SimXType xt = sim_xtype_of(S, v);
    return xt >= SIM_XT_CL_GENCM && xt <= SIM_XT_CL_REDIRECT_ERR;
}

SimId contextlib_special(PyRun *I, SimId mgr, const char *name)
{
    if (!contextlib_special_kind(I, mgr))
        return 0;
    return native_bound(I, def_named(name), mgr);
}

bool contextlib_native_repr(PyRun *I, SimId obj, Buf *out)
{
    if (sim_xtype_of(S, obj) == SIM_XT_CL_HELPER) {
        SimId q = sim_dict_get_str(S, REFS(obj)[HELPER_DICT], "__qualname__");
        size_t len = 0;
        const char *s = q && sim_kind(S, q) == SK_STR ? sim_str_data(S, q, &len) : "helper";
        buf_printf(out, "<function %.*s at %#llx>", (int)(q ? len : 6), s, (unsigned long long)sim_id_address(S, obj));
        return true;
    }
    if (sim_xtype_of(S, obj) == SIM_XT_CL_CBWRAP) {
        buf_printf(out, "<function _BaseExitStack._create_cb_wrapper.<locals>._exit_wrapper at %#llx>",
                   (unsigned long long)sim_id_address(S, obj));
        return true;
    }
    buf_printf(out, "<%s object at %#llx>", sim_type_name(S, obj), (unsigned long long)sim_id_address(S, obj));
    return true;
}

static const char *const stack_methods[] = {"enter_context", "push", "callback", "pop_all", "close", "__enter__",
                                            "__exit__"};

SimId contextlib_native_attr(PyRun *I, SimId obj, const char *name, bool *found)
{
    SimXType xt = sim_xtype_of(S, obj);
    for (size_t i = 0; i < sizeof stack_methods / sizeof stack_methods[0]; i++)
        if ((xt == SIM_XT_CL_EXITSTACK || (i >= 5 && contextlib_special_kind(I, obj))) &&
            strcmp(name, stack_methods[i]) == 0) {
            *found = true;
            return native_bound(I, def_named(name), obj);
        }
    if (sim_xtype_of(S, obj) == SIM_XT_CL_GENCM && strcmp(name, "__doc__") == 0) {
        *found = true;
        sim_incref(S, REFS(obj)[CM_DOC]);
        return REFS(obj)[CM_DOC];
    }
    if (sim_xtype_of(S, obj) != SIM_XT_CL_HELPER || strncmp(name, "__", 2) != 0 || strcmp(name, "__dict__") == 0)
        return 0;
    SimId v = sim_dict_get_str(S, REFS(obj)[HELPER_DICT], name);
    if (v) {
        *found = true;
        sim_incref(S, v);
    }
    return v;
}

SimId contextlib_native_dict(PyRun *I, SimId obj)
{
    return sim_xtype_of(S, obj) == SIM_XT_CL_HELPER ? REFS(obj)[HELPER_DICT] : 0;
}

/* ---- the module ------------------------------------------------------------------------------ */

const BuiltinDef contextlib_functions[] = {
    BUILTIN("contextmanager", 0, BM_CONTEXTLIB, cl_contextmanager, .kw_refused = "*"),
    BUILTIN("suppress", 0, BM_CONTEXTLIB, cl_suppress, .kw_refused = "*"),
    BUILTIN("closing", 0, BM_CONTEXTLIB, cl_closing, .kw = "thing"),
    BUILTIN("nullcontext", 0, BM_CONTEXTLIB, cl_nullcontext, .kw = "enter_result"),
    BUILTIN("ExitStack", 0, BM_CONTEXTLIB, cl_exitstack),
    BUILTIN("redirect_stdout", 0, BM_CONTEXTLIB, cl_redirect_stdout, .kw = "new_target"),
    BUILTIN("redirect_stderr", 0, BM_CONTEXTLIB, cl_redirect_stderr, .kw = "new_target"),
    BUILTIN("enter_context", SK_SENTINEL, BM_CONTEXTLIB, es_enter_context, .style = ARGS_ONE),
    BUILTIN("push", SK_SENTINEL, BM_CONTEXTLIB, es_push, .style = ARGS_ONE),
    BUILTIN("callback", SK_SENTINEL, BM_CONTEXTLIB, es_callback, .kw = "*"),
    BUILTIN("pop_all", SK_SENTINEL, BM_CONTEXTLIB, es_pop_all, .style = ARGS_NONE),
    BUILTIN("close", SK_SENTINEL, BM_CONTEXTLIB, es_close, .style = ARGS_NONE),
    BUILTIN("__enter__", SK_SENTINEL, BM_CONTEXTLIB, cl_enter),
    BUILTIN("__exit__", SK_SENTINEL, BM_CONTEXTLIB, cl_exit),
};
const int contextlib_nfunctions = (int)(sizeof contextlib_functions / sizeof contextlib_functions[0]);

void contextlib_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

void contextlib_on_import(PyRun *I) { std_import(I, STD_CONTEXTLIB); }
