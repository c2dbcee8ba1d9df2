/*
 * sys: the sys module — refcounts and sizes from the model, interning,
 * the allocator's statistics, the recursion limit, the exception being
 * handled.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/asyncio.h"
#include "pyrun/modules/static_str_311.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/stats.h"

#define S (I->sim)

/* Is v, a str, one the interpreter itself holds from startup: under 3.11 a
 * static object (a one-character string, a name of its frozen modules),
 * whose count holds the interpreter's own references and so depends on
 * what it imported; under 3.13 an immortal one.  Only the interned
 * string itself: an equal string built at run time is an object of its own. */
static bool startup_str(PyRun *I, SimId v)
{
    SimVersion ver = S->prof->version;
    if (sim_kind(S, v) != SK_STR || (ver != SIM_V311 && ver != SIM_V313))
        return false;
    if (!(sim_obj(S, v)->flags & (SIM_F_SPECIAL | SIM_F_STATIC))) /* not the interned one */
        return false;
    size_t n;
    const char *d = sim_str_data(S, v, &n);
    char buf[64];
    if (n >= sizeof buf)
        return false;
    memcpy(buf, d, n);
    buf[n] = 0;
    if (ver == SIM_V313)
        return cpython313_immortal_str(buf);
    bool one_char = n == 1 || (n == 2 && ((unsigned char)d[0] & 0xe0) == 0xc0 && (unsigned char)d[0] <= 0xc3);
    return one_char || cpython311_static_str(buf);
}

/* 3.11's None, booleans, small ints, empty tuple, str and bytes: every
 * code object the interpreter loaded at startup refers to them, so their
 * counts depend on what it loaded (and on whether site ran). */
static bool shared_from_startup(PyRun *I, SimId v)
{
    const SimObj *o = sim_obj(S, v);
    if (S->prof->version != SIM_V311 || !(o->flags & SIM_F_STATIC))
        return false;
    switch ((SimKind)o->kind) {
    case SK_NONE: case SK_BOOL: case SK_INT: case SK_TUPLE: case SK_BYTES: case SK_ELLIPSIS: case SK_NOTIMPL:
        return true;
    case SK_STR:
        return o->len == 0;
    default:
        return false;
    }
}

/* Is v a name some code object uses (co_names, its variables)?  3.11's
 * compiler leaves references to those the model does not count. */
static bool code_name_311(PyRun *I, SimId v)
{
    if (S->prof->version != SIM_V311 || sim_kind(S, v) != SK_STR)
        return false;
    for (size_t i = 0; i < I->ncodes; i++) {
        const PyCode *c = &I->codes[i];
        for (size_t k = 0; k < c->nnames; k++)
            if (c->names[k] == v)
                return true;
        for (int k = 0; k < c->nslots; k++)
            if (c->slotnames[k] == v)
                return true;
    }
    return false;
}

/* Does the count of v include references the model does not keep? */
static bool unsure_count(PyRun *I, SimId v)
{
    const SimObj *o = sim_obj(S, v);
    bool v311 = S->prof->version == SIM_V311;
    if (v == I->abcmeta_type) /* abc.ABCMeta: the standard library's ABCs are its instances */
        return true;
    for (uint32_t i = 0; i < I->nlib_frame_held; i++) /* a Python frame of a library holds it */
        if (I->lib_frame_held[i] == v)
            return true;
    if (o->kind == SK_TYPE && o->sub != SK_INSTANCE) /* a built-in type: immortal from 3.12, but */
        return v311 || (o->sub == SK_ITER && o->cap >= SIM_XT_IT_COUNT) || o->sub == SK_DEQUE;
    if (o->kind == SK_TYPE && o->sub == SK_INSTANCE) {
        uint32_t f = sim_type_word(S, v, SIM_TY_FLAGS);
        /* a built-in exception class under 3.11 (a static type); one the program made (the
         * model builds those apart, without a __bases__ tuple: 5 for CPython's 7) */
        return (v311 && !(f & (SIM_TYF_HEAP | SIM_TYF_EXC_HEAP))) || (f & SIM_TYF_EXC_HEAP);
    }
    if (o->kind == SK_BUILTIN && !o->v.builtin.self) /* its module's tables hold it too */
        return true;
    if (o->kind == SK_MODULE) /* sys.modules and the import system */
        return true;
    if (v == sim_dict_get_str(S, I->globals, "__name__")) /* the module object holds it too */
        return true;
    if (o->kind == SK_STR && typecache_name_held(I, v)) /* the type method cache's reference */
        return true;
    if (static_type_tuple_is(I, v)) /* int.__mro__: its type's reference alone */
        return false;
    return shared_from_startup(I, v) || startup_str(I, v) || code_name_311(I, v);
}

static SimId s_getrefcount(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "getrefcount", n, 1, 1))
        return 0;
    if ((enum_is_enum_class(I, a[0]) && enum_refused(I, a[0], "sys.getrefcount()")) ||
        datetime_class_refused(I, a[0], "sys.getrefcount()") ||
        typing_refused(I, a[0], "sys.getrefcount() of"))
        return 0;
    SimId aio_count;
    if (asyncio_getrefcount(I, a[0], &aio_count)) /* a task, a future: the loop's references are CPython's */
        return aio_count;
    const SimObj *o = sim_obj(S, a[0]);
    if (o->kind == SK_CODE) /* the module's constants, the compiler's tables ... */
        return py_not_modelled(I, 0, "sys.getrefcount() of a code object"), 0;
    if (I->vs.parallel && (o->kind == SK_TYPE || o->kind == SK_FUNC || o->kind == SK_MODULE ||
                           o->kind == SK_MEMBER_DESCR || o->kind == SK_GETSET_DESCR || o->kind == SK_BUILTIN))
        /* 3.13t immortalizes these once a second thread starts (gh-117783); which ones
         * exactly (a nested function is not) the model does not follow */
        return py_not_modelled(I, 0, "sys.getrefcount() of a %s under 3.13t once a thread started (3.13t "
                                     "makes such objects immortal then)", op_typename(I, a[0])), 0;
    if (o->kind == SK_TYPE && o->sub == SK_INSTANCE && S->prof->immortal_refcnt &&
        !(sim_type_word(S, a[0], SIM_TY_FLAGS) & (SIM_TYF_HEAP | SIM_TYF_EXC_HEAP)))
        return sim_int(S, S->prof->immortal_refcnt); /* a built-in exception class: static, immortal */
    if (startup_str(I, a[0]) && S->prof->version == SIM_V313)
        return sim_int(S, S->prof->immortal_refcnt);
    /* An unsure count: printing it is refused, a difference of two and a
     * comparison are not (int.c) */
    if (unsure_count(I, a[0]))
        return sim_int_unsure(S, sim_refcount(S, a[0]));
    return sim_int(S, sim_refcount(S, a[0]));
}

/* Is v's size one the model knows?  (false with the refusal raised) */
bool sys_size_known(PyRun *I, SimId v)
{
    if (sim_kind(S, v) == SK_GEN && !I->codes[SIM_V(S, v, SK_GEN, gen.code)].framesize_known) {
        size_t len;
        const char *q = sim_str_data(S, I->codes[SIM_V(S, v, SK_GEN, gen.code)].qualname, &len);
        return py_not_modelled(I, 0, "the size of generator '%.*s' (its frame's stack depth)", (int)len, q);
    }
    if (typing_refused(I, v, "the size of"))
        return false;
    const char *what = native_python_what(I, v);
    if (what)
        return py_not_modelled(I, 0, "the size of %s (%s in CPython)", pyrun_builtin_name(sim_obj(S, v)->v.builtin.index),
                               what);
    if (sim_kind(S, v) == SK_DICT && sim_dict_split_class(S, v) &&
        (sim_type_word(S, sim_dict_split_class(S, v), SIM_TY_FLAGS) & SIM_TYF_KEYSFULL))
        return py_not_modelled(I, 0, "the size of an instance's __dict__ once its class's shared keys are full "
                                     "(a dict that no longer fits them is resized on its own)");
    if (sim_kind(S, v) == SK_CODE) /* its bytecode, tables and caches */
        return py_not_modelled(I, 0, "the size of a code object");
    if (sim_kind(S, v) == SK_FRAME && (sim_obj(S, v)->flags & SIM_F_SPECIAL))
        return py_not_modelled(I, 0, "the size of a frame object (its code's stack depth)");
    return true;
}

/* _PySys_GetSizeOf for an instance whose class defines __sizeof__: the
 * method bound and called, its answer taken as a Py_ssize_t, the type's
 * pre-header added; a TypeError on the way gives the default when there
 * is one (sys_getsizeof_impl) */
static SimId own_sizeof(PyRun *I, SimId v, SimId dflt)
{
    if (!dunder_defines(I, v, "__sizeof__"))
        return py_not_modelled(I, 0, "a __sizeof__ that is not a plain function"), 0;
    SimId r = dunder_special0(I, v, "__sizeof__");
    int64_t size = -1;
    if (r) { /* PyLong_AsSsize_t, then the check of its sign */
        SimKind k = sim_kind(S, r);
        if (sim_is_subinst(S, r)) { /* an int subclass's value */
            sim_decref(S, r);
            return py_not_modelled(I, 0, "a __sizeof__ that returns an instance of a subclass"), 0;
        }
        if (k != SK_INT && k != SK_BOOL)
            py_raise(I, EXC_TypeError, "an integer is required");
        else if (sim_obj(S, r)->sub == 1) /* a big int: past a Py_ssize_t either way */
            py_raise(I, EXC_OverflowError, "Python int too large to convert to C ssize_t");
        else if ((size = sim_obj(S, r)->v.i) < 0)
            py_raise(I, EXC_ValueError, "__sizeof__() should return >= 0");
        sim_decref(S, r);
    }
    if (size < 0) {
        if (!dflt || !py_err_matches(I, EXC_TypeError))
            return 0;
        py_err_clear(I);
        sim_incref(S, dflt);
        return dflt;
    }
    return sim_int_digits(S, size + (int64_t)sim_header_size(S, v));
}

static SimId s_getsizeof(PyRun *I, SimId *a, int n, SimId kw)
{
    /* sys_getsizeof's PyArg_ParseTupleAndKeywords("O|O:getsizeof") words them so */
    int np = bi_npos(I, n, kw);
    SimId obj = np > 0 ? a[0] : bi_kwarg(I, a, n, kw, "object");
    if (n > 2) {
        py_raise(I, EXC_TypeError, "getsizeof() takes at most 2 arguments (%d given)", n);
        return 0;
    }
    if (!obj) {
        py_raise(I, EXC_TypeError, "getsizeof() missing required argument 'object' (pos 1)");
        return 0;
    }
    if (!registry_keywords_ok(I, I->bi_called, kw)) /* kw_late: the names after the count */
        return 0;
    for (int i = 0; i < np; i++)
        if (bi_kwarg(I, a, n, kw, i ? "default" : "object")) {
            py_raise(I, EXC_TypeError, "argument for getsizeof() given by name ('%s') and position (%d)",
                     i ? "default" : "object", i + 1);
            return 0;
        }
    SimId dflt = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "default"); /* the answer when __sizeof__ fails */
    a = &obj;
    if (sim_kind(S, a[0]) == SK_ITER) /* a BytesIO counts its buffer unless garbage shares it */
        sim_timing_seen_refcount(S);
    if (!sys_size_known(I, a[0]) || datetime_class_refused(I, a[0], "sys.getsizeof()"))
        return 0;
    if (dunder_defines(I, a[0], "__sizeof__") ||
        (sim_kind(S, a[0]) == SK_INSTANCE && sim_type_lookup(S, sim_obj(S, a[0])->type, "__sizeof__")))
        return own_sizeof(I, a[0], dflt);
    /* _PySys_GetSizeOf: __sizeof__ looked up and bound (a built-in method,
     * a GC object), its answer an int, both dropped before the answer plus
     * the headers is made */
    size_t size = sim_sizeof(S, a[0]);
    SimId bound = sim_builtin(S, 0, 0);
    SimId raw = sim_int_digits(S, (int64_t)(size - sim_header_size(S, a[0])));
    sim_decref(S, bound);
    sim_decref(S, raw);
    return sim_int_digits(S, (int64_t)size); /* PyLong_FromSsize_t */
}

static SimId s_debugmallocstats(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (!bi_nargs(I, "_debugmallocstats", n, 0, 0))
        return 0;
    if (I->guessed_sizes) /* a generator's block may be in the wrong size class */
        return py_not_modelled(I, 0, "sys._debugmallocstats() after a generator of unknown frame size"), 0;
    if (I->foreign_heap) /* the import's blocks are not in the model's heap */
        return py_not_modelled(I, 0, "sys._debugmallocstats() after %s", I->foreign_heap), 0;
    Buf b = {0};
    sim_debugmallocstats(S, &b);
    py_write(I, 2, buf_str(&b), b.len);
    buf_fini(&b);
    return bi_none(I);
}

static SimId s_intern(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "intern", n, 1, 1))
        return 0;
    if (sim_kind(S, a[0]) != SK_STR) {
        py_raise(I, EXC_TypeError, "intern() argument must be str, not %s", op_typename(I, a[0]));
        return 0;
    }
    return sim_str_intern_obj(S, a[0]);
}

static SimId s_getswitchinterval(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_float(S, (double)I->vs.interval / 1e12);
}

/* sys.setswitchinterval(s): the GIL's switch interval on the simulated
 * clock (CPython keeps it in whole microseconds) */
static SimId s_setswitchinterval(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    double v;
    SimKind k = sim_kind(S, a[0]);
    if (k == SK_FLOAT)
        v = sim_obj(S, a[0])->v.f;
    else if (k == SK_INT || k == SK_BOOL)
        v = (double)sim_obj(S, a[0])->v.i;
    else {
        py_raise(I, EXC_TypeError, "must be real number, not %s", op_typename(I, a[0]));
        return 0;
    }
    if (v <= 0) {
        py_raise(I, EXC_ValueError, "switch interval must be strictly positive");
        return 0;
    }
    int64_t us = (int64_t)(v * 1e6);
    I->vs.interval = (us < 1 ? 1 : us) * 1000000;
    I->vs.check_at = 0; /* the next drop request moves */
    return bi_none(I);
}

static SimId s_getrecursionlimit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_int(S, I->recursion_limit);
}

/* sys.setrecursionlimit(n): any C int, as CPython (a recursion deeper than
 * the model's frames is refused where it happens: vm.c); the depth it
 * checks against counts Python frames, and in 3.11 this call too */
static SimId s_setrecursionlimit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimKind k = sim_kind(S, a[0]);
    int64_t limit;
    bool big = (k == SK_INT || k == SK_BOOL) && sim_obj(S, a[0])->sub == 1;
    if (big || (bi_int_arg(I, a[0], &limit) && (limit > INT32_MAX || limit < INT32_MIN))) {
        py_raise(I, EXC_OverflowError, "Python int too large to convert to C int");
        return 0;
    }
    if (I->ts->err.set)
        return 0;
    if (limit < 1) {
        py_raise(I, EXC_ValueError, "recursion limit must be greater or equal than 1");
        return 0;
    }
    int depth = I->ts->nframes + (S->prof->version == SIM_V311 ? 1 : 0);
    if (depth >= limit) {
        py_raise(I, EXC_RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: "
                 "the limit is too low", (int)limit, depth);
        return 0;
    }
    I->recursion_limit = (int)limit;
    return bi_none(I);
}

/* sys.exc_info(): (type, value, traceback) of the exception being handled */
static SimId s_exc_info(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    SimId e = exc_handled_top(I);
    SimId t = sim_tuple(S, 3);
    SimId tb = e ? sim_exc_get(S, e, SIM_EXC_TRACEBACK) : 0;
    SimId parts[3] = {e ? sim_obj(S, e)->type : S->none, e ? e : S->none, tb ? tb : S->none};
    for (size_t i = 0; i < 3; i++) {
        sim_incref(S, parts[i]);
        sim_tuple_set(S, t, i, parts[i]);
    }
    return t;
}

/* sys.exception() (3.11+): the exception being handled, or None */
static SimId s_exception(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    SimId e = exc_handled_top(I);
    e = e ? e : S->none;
    sim_incref(S, e);
    return e;
}

/* sys.exit(status=None): PyErr_SetObject(SystemExit, status), which makes
 * SystemExit(status) (no arguments for None; a tuple would be unpacked) */
static SimId s_exit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    SimId status = n ? a[0] : S->none;
    if (sim_kind(S, status) == SK_TUPLE)
        return py_not_modelled(I, 0, "sys.exit() with a tuple (its items become SystemExit's arguments)"), (SimId)0;
    SimId args = sim_tuple(S, status == S->none ? 0 : 1);
    if (status != S->none) {
        sim_incref(S, status);
        sim_tuple_set(S, args, 0, status);
    }
    SimId e = exc_new(I, exc_class(I, EXC_SystemExit), args);
    exc_chain_context(I, e);
    Buf b = {0};
    if (status == S->none || op_str(I, status, &b))
        py_raise_instance(I, e, buf_str(&b));
    else
        sim_decref(S, e);
    buf_fini(&b);
    return 0;
}

const BuiltinDef sys_functions[] = {
    BUILTIN("exit", 0, BM_SYS, s_exit, .style = ARGS_RANGE, .min = 0, .max = 1),
    BUILTIN("getrefcount", 0, BM_SYS, s_getrefcount, .style = ARGS_ONE),
    BUILTIN("getsizeof", 0, BM_SYS, s_getsizeof, .kw = "object default", .kw_late = true, .varargs = VA_ALL),
    BUILTIN("_debugmallocstats", 0, BM_SYS, s_debugmallocstats, .style = ARGS_NONE),
    BUILTIN("intern", 0, BM_SYS, s_intern, .style = ARGS_ONE),
    BUILTIN("getrecursionlimit", 0, BM_SYS, s_getrecursionlimit, .style = ARGS_NONE),
    BUILTIN("getswitchinterval", 0, BM_SYS, s_getswitchinterval, .style = ARGS_NONE),
    BUILTIN("setswitchinterval", 0, BM_SYS, s_setswitchinterval, .style = ARGS_ONE),
    BUILTIN("setrecursionlimit", 0, BM_SYS, s_setrecursionlimit, .style = ARGS_ONE),
    BUILTIN("exc_info", 0, BM_SYS, s_exc_info, .style = ARGS_NONE),
    BUILTIN("exception", 0, BM_SYS, s_exception, .style = ARGS_NONE),
    BUILTIN("_getframe", 0, BM_SYS, sys_getframe, .style = ARGS_RANGE, .min = 0, .max = 1),
};
const int sys_nfunctions = (int)(sizeof sys_functions / sizeof sys_functions[0]);

void sys_module_init(PyRun *I, SimId d)
{
    bi_dict_put(I, d, "maxsize", sim_int(S, INT64_MAX));
    sys_version_init(I, d);
    stdstream_init(I, d);
}
