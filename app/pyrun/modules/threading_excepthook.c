/*
 * threading_excepthook: what happens when a thread's run() raises
 * (Thread._bootstrap_inner's `except: self._invoke_excepthook(self)`).
 *
 * threading.excepthook is the hook: the default one (_thread._excepthook,
 * also threading.__excepthook__) ignores SystemExit and otherwise prints
 * "Exception in thread NAME:" and the traceback to sys.stderr, whose first
 * two entries are Lib/threading.py's (_bootstrap_inner, run) with the file
 * name of the interpreter's installation: the model does not know it, so
 * that print stays refused.  A hook the program sets is called in the
 * thread, after run()'s finally dropped _target, _args and _kwargs and
 * before the thread leaves _active, with an _ExceptHookArgs (exc_type,
 * exc_value, exc_traceback, thread); its exc_traceback is refused (its
 * first entries are threading.py's, as above).  The thread then ends as if
 * run() had returned; the program's exit status does not change.  Also the
 * module's dict entries for the hook, and the tp_name of the module's C
 * types for messages.
 */
#include <stdio.h>

#include "pyrun/modules/threading_int.h"

static SimId ehargs_exc(PyRun *I, SimId self)
{
    return get(I, self, "exc_value");
}

static SimId eh_field(PyRun *I, SimId self, int i)
{
    SimId v = 0;
    if (i == 0) {
        SimId e = ehargs_exc(I, self);
        v = e ? sim_type_of(S, e) : 0;
    } else if (i == 1) {
        v = ehargs_exc(I, self);
    } else if (i == 3) {
        v = get(I, self, "thread");
    } else if (i == 2) {
        return py_not_modelled(I, 0, "the exc_traceback of an exception that ended a thread (its first entries "
                                     "are Lib/threading.py's, whose file name is the installation's)"),
               (SimId)0;
    }
    if (!v) {
        py_raise(I, EXC_IndexError, "tuple index out of range");
        return 0;
    }
    sim_incref(S, v);
    return v;
}

SimId eh_exc_type(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return eh_field(I, a[0], 0);
}

SimId eh_exc_value(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return eh_field(I, a[0], 1);
}

SimId eh_exc_traceback(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return eh_field(I, a[0], 2);
}

SimId eh_thread(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    return eh_field(I, a[0], 3);
}

SimId eh_getitem(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 2 || sim_kind(S, a[1]) != SK_INT || sim_obj(S, a[1])->sub)
        return py_not_modelled(I, 0, "an _ExceptHookArgs indexed by anything but an int"), (SimId)0;
    int64_t i = sim_obj(S, a[1])->v.i;
    return eh_field(I, a[0], (int)(i < 0 ? i + 4 : i > 3 ? 4 : i));
}

SimId eh_len(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_int(S, 4);
}

SimId eh_repr(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "the repr of an _ExceptHookArgs (it shows the traceback, whose first entries "
                                 "are Lib/threading.py's)"),
           (SimId)0;
}

static bool hook_print(PyRun *I, SimId obj, bool own_run, SimId e, const char *lib, int lib_line);

/* _thread._excepthook called by the program: inside a hook it set, with
 * the args it was given, it prints as the default hook would have */
SimId eh_default(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId e = sim_kind(S, a[0]) == SK_INSTANCE && sim_obj(S, a[0])->type == st(I)->cls[THC_EHARGS]
                  ? ehargs_exc(I, a[0]) : 0;
    if (e && exc_is_instance(I, e) && sim_is_subtype(S, sim_type_of(S, e), exc_class(I, EXC_SystemExit)))
        return bi_none(I);
    PyThreading *th = st(I);
    SimId obj = e ? get(I, a[0], "thread") : 0;
    if (e && e == th->hook_exc && obj && obj == threading_obj(I, I->vs.running))
        return hook_print(I, obj, th->hook_own_run, e, th->hook_lib, th->hook_lib_line) ? bi_none(I) : 0;
    return py_not_modelled(I, 0, "threading.__excepthook__ called with arguments other than those a hook was "
                                 "given for its thread's exception"),
           (SimId)0;
}

/* threading.excepthook as the module holds it now (borrowed), 0 when gone */
static SimId current_hook(PyRun *I)
{
    SimId d = st(I)->dict;
    return d ? sim_dict_get_str(S, d, "excepthook") : 0;
}

static bool is_default(PyRun *I, SimId hook)
{
    return sim_kind(S, hook) == SK_BUILTIN && !SIM_V(S, hook, SK_BUILTIN, builtin.self) &&
           bi_def(SIM_V(S, hook, SK_BUILTIN, builtin.index))->fn == eh_default;
}

/* threading.py's lines the model runs in C, in 3.11.7, 3.12.1, 3.13.0 (and
 * 3.13t, the same source): Thread._bootstrap_inner's `self.run()`,
 * Thread.run's call of the target, Timer.run's of its function */
static const int lib_lines[3][3] = {{1045, 982, 1401}, {1073, 1010, 1431}, {1041, 992, 1342}};

/* The entries the thread's traceback starts with: _bootstrap_inner, then
 * Thread.run (own_run: the target was called for it) or Timer.run; none
 * more when a subclass's run is the program's.  false: refused. */
static bool lib_entries(PyRun *I, SimId obj, bool own_run, char *file, size_t nfile, TbLibEntry *pre, int *npre)
{
    int v = S->prof->version;
    if (v != SIM_V311 && v != SIM_V312 && v != SIM_V313 && v != SIM_V313T)
        return py_not_modelled(I, 0, "threading.excepthook's print under this profile (threading.py's line "
                                     "numbers were measured on 3.11.7, 3.12.1 and 3.13.0)");
    const int *ln = lib_lines[v == SIM_V313T ? 2 : v - SIM_V311];
    snprintf(file, nfile, "/usr/local/lib/python%s/threading.py", S->prof->name);
    pre[0] = (TbLibEntry){file, ln[0], "_bootstrap_inner", "self.run()", "~~~~~~~~^^", NULL};
    *npre = 1;
    SimId run = sim_type_lookup(S, sim_obj(S, obj)->type, "run");
    if (own_run) {
        pre[(*npre)++] = (TbLibEntry){file, ln[1], "run", "self._target(*self._args, **self._kwargs)",
                                      "~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^", NULL};
    } else if (run && sim_kind(S, run) == SK_BUILTIN && bi_def(SIM_V(S, run, SK_BUILTIN, builtin.index))->fn == timer_run) {
        pre[(*npre)++] = (TbLibEntry){file, ln[2], "run", "self.function(*self.args, **self.kwargs)",
                                      "~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^", NULL};
    } else if (!run || sim_kind(S, run) != SK_FUNC) {
        return py_not_modelled(I, 0, "threading.excepthook's print for a thread whose run() is neither "
                                     "Thread.run, Timer.run nor a Python function");
    }
    return true;
}

/* The library the pending exception (or one in its chain) came out of,
 * whose frames the model does not have, or NULL; *line: the program's line
 * that called into it */
static const char *pending_library(PyRun *I, int *line)
{
    const char *lib = I->err_library;
    *line = I->err_library_line;
    for (SimId e = I->ts->err_obj, n = 0; !lib && e && I->lib_exc && n < 64; n++) { /* causes, contexts */
        SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE);
        SimId next = cause && cause != S->none ? cause : sim_exc_get(S, e, SIM_EXC_CONTEXT);
        e = next && next != S->none ? next : 0;
        if (e == I->lib_exc)
            lib = I->lib_exc_library, *line = I->lib_exc_line;
    }
    return lib;
}

/* The default hook (_thread._excepthook, Modules/_threadmodule.c) writes
 * "Exception in thread NAME:" and the traceback to sys.stderr; threading.py's
 * entries are named as in an installation from source with the default
 * prefix (/usr/local/lib/pythonX.Y), the line numbers are the measured
 * versions'.  e: the exception (0: the pending one).  An exception that
 * came out of a library the model runs in C (lib: its frames unknown)
 * stays refused, as in the main thread. */
static bool hook_print(PyRun *I, SimId obj, bool own_run, SimId e, const char *lib, int lib_line)
{
    if (lib)
        return py_not_modelled(I, lib_line, "the traceback of an exception raised inside %s (CPython's frames in "
                                            "its Python code) that ends a thread", lib);
    if (stdstream_fd(I, stdstream_current(I, 2)) != 2)
        return py_not_modelled(I, 0, "threading.excepthook's print while sys.stderr is not CPython's own");
    char file[64];
    TbLibEntry pre[2];
    int npre;
    if (!lib_entries(I, obj, own_run, file, sizeof file, pre, &npre))
        return false;
    SimId name = get(I, obj, "_name");
    if (!name || sim_kind(S, name) != SK_STR)
        return py_not_modelled(I, 0, "threading.excepthook's print for a thread whose _name is not a str");
    size_t nn;
    const char *nd = sim_str_data(S, name, &nn);
    Buf b = {0};
    buf_printf(&b, "Exception in thread %.*s:\n", (int)nn, nd);
    if (e)
        format_exception_lib(I, e, pre, npre, &b);
    else
        format_traceback_lib(I, pre, npre, &b);
    py_write(I, 2, buf_str(&b), b.len);
    buf_fini(&b);
    return true;
}

bool threading_thread_raised(PyRun *I)
{
    PyThreadState *ts = I->ts;
    SimId hook = current_hook(I), obj = threading_obj(I, ts->id);
    if (I->refused || !ts->err.set || !hook || !obj)
        return false;
    bool sysexit = py_err_matches(I, EXC_SystemExit), own_run = ts->own_run;
    int lib_line;
    const char *lib = pending_library(I, &lib_line);
    if (is_default(I, hook) && !sysexit && !hook_print(I, obj, own_run, 0, lib, lib_line))
        return false; /* refused */
    SimId e = exc_instance(I);
    py_err_clear(I);
    exc_handled_pop_to(I, 0);
    while (ts->nframes > 0)
        vm_unwind_frame(I);
    if (ts->own_run) /* Thread.run's finally */
        thr_drop_run_args(I, obj);
    ts->own_run = false;
    if (is_default(I, hook)) { /* printed, or a SystemExit: nothing printed */
        sim_decref(S, e);
        return true;
    }
    SimId args = vm_new_instance(I, st(I)->cls[THC_EHARGS], NULL, 0, false);
    sim_incref(S, obj);
    bool ok = args != 0;
    if (ok) { /* under the properties' names: the fields are read-only */
        SimId k1 = name_of(I, "exc_value"), k2 = name_of(I, "thread");
        sim_attr_set(S, args, k1, e);
        sim_attr_set(S, args, k2, obj);
        sim_decref(S, k1), sim_decref(S, k2);
    } else {
        sim_decref(S, e), sim_decref(S, obj);
    }
    sim_incref(S, hook);
    PyThreading *th = st(I); /* for threading.__excepthook__(args) inside the hook */
    th->hook_exc = e, th->hook_own_run = own_run, th->hook_lib = lib, th->hook_lib_line = lib_line;
    SimId r = ok ? vm_call(I, hook, &args, 1) : 0;
    st(I)->hook_exc = 0;
    sim_decref(S, hook);
    sim_xdecref(S, args);
    if (!r) {
        if (!I->refused)
            py_not_modelled(I, 0, "an exception raised by threading.excepthook (CPython prints it with "
                                  "sys.excepthook, under \"Exception in threading.excepthook:\")");
        return false;
    }
    sim_decref(S, r);
    return true;
}

void thr_excepthook_init(PyRun *I, SimId d)
{
    PyThreading *t = st(I);
    static const char *const fields[] = {"exc_type", "exc_value", "exc_traceback", "thread"};
    static const BuiltinFn getters[] = {eh_exc_type, eh_exc_value, eh_exc_traceback, eh_thread};
    for (int i = 0; i < 4 && sim_obj(S, t->cls[THC_EHARGS])->data; i++) /* read-only properties */
        bi_dict_put(I, SIM_V(S, t->cls[THC_EHARGS], SK_TYPE, type.dict), fields[i],
                    sim_property(S, thr_builtin(I, getters[i]), 0, 0, 0));
    sim_incref(S, t->cls[THC_EHARGS]);
    bi_dict_put(I, d, "ExceptHookArgs", t->cls[THC_EHARGS]);
    SimId hook = sim_dict_get_str(S, d, "_excepthook");
    sim_incref(S, hook), sim_incref(S, hook);
    bi_dict_put(I, d, "excepthook", hook);
    bi_dict_put(I, d, "__excepthook__", hook);
    static const char *const hidden[] = {"_localdummy_destroyed", "_excepthook", "exc_type", "exc_value",
                                         "exc_traceback", "thread"}; /* the table's, not the module's names */
    for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
        SimId k = name_of(I, hidden[i]);
        sim_dict_del(S, d, k);
        sim_decref(S, k);
    }
    t->dict = d;
}

const char *threading_tp_name(PyRun *I, SimId v)
{
    PyThreading *t = I->threading;
    if (!t || sim_kind(S, v) != SK_INSTANCE)
        return NULL;
    SimId c = sim_obj(S, v)->type;
    return c == t->cls[THC_LOCK] ? "_thread.lock" : c == t->cls[THC_RLOCK] ? "_thread.RLock"
                                                 : c == t->cls[THC_LOCAL] ? "_thread._local" : NULL;
}
