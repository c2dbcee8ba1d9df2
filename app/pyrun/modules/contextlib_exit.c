/*
 * contextlib_exit: ExitStack, redirect_stdout and redirect_stderr, which
 * Lib/contextlib.py writes as Python classes, kept as composite records
 * (sizes from sys.getsizeof on 3.11.7, 3.12.1, 3.13.0: oracle 816-).
 *
 * An ExitStack holds its _exit_callbacks deque (a real collections.deque,
 * made by __init__), whose items are (True, cb) tuples: cb is the bound
 * __exit__ of a context manager (enter_context, push of a manager: a new
 * reference to it), the callable pushed as it is (push), or callback()'s
 * _exit_wrapper closure (a function whose cells hold the callback, the args
 * tuple and kwds dict, and whose __dict__ holds __wrapped__: two references
 * to the callback). __exit__ pops them newest first; a callback returning
 * true suppresses the exception and the later ones see three Nones; it
 * returns "received an exception and one suppressed it". An exception a
 * callback raises is refused: it leaves through contextlib.py's frame,
 * whose locals (sys.exc_info()) and the traceback make a cycle that keeps
 * the exception and what the callbacks hold alive until a collection; so
 * is any error contextlib.py itself raises.
 *
 * redirect_stdout(f) / redirect_stderr(f): _new_target and the
 * _old_targets list; entering sets sys.stdout (the model's print target,
 * a reference the sys module holds) to f and returns f; leaving restores.
 * The GC traffic of that Python code is not replayed (young count unsure;
 * once a callback is registered, the result of a gc.collect() too).
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/modules/contextlib_int.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { ES_DEQUE, ES_NREFS };                          /* ExitStack */
enum { RD_TARGET, RD_OLD, RD_NREFS };                 /* redirect_stdout / redirect_stderr */
enum { CB_FUNC, CB_ARGS, CB_KWDS, CB_WRAPPED, CB_NREFS }; /* callback()'s _exit_wrapper */

static SimId in_contextlib(PyRun *I, const char *what)
{
    if (I->refused)
        return 0;
    return py_not_modelled(I, 0, "%s (its traceback shows contextlib.py)", what), 0;
}

/* ---- ExitStack ------------------------------------------------------------------------------ */

static SimId new_stack(PyRun *I)
{
    SimId st = iter_composite(I, SIM_XT_CL_EXITSTACK, ES_NREFS, 0, 0, true);
    if (!st)
        return 0;
    SimId callbacks = sim_deque(S, -1); /* self._exit_callbacks = deque() */
    REFS(st)[ES_DEQUE] = callbacks;
    I->gc_count_unsure = true;             /* the class call's Python __init__: not replayed */
    return st;
}

SimId cl_exitstack(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (n) {
        py_raise(I, EXC_TypeError, "_BaseExitStack.__init__() takes 1 positional argument but %d were given", n + 1);
        return 0;
    }
    return new_stack(I);
}

static bool is_stack(PyRun *I, SimId self)
{
    if (sim_is_native(S, self) && sim_xtype_of(S, self) == SIM_XT_CL_EXITSTACK)
        return true;
    py_raise(I, EXC_TypeError, "the ExitStack method needs an ExitStack, not '%s'", op_typename(I, self));
    return false;
}

/* _push_exit_callback: (True, cb) appended; cb's reference is taken */
static bool push_cb(PyRun *I, SimId st, SimId cb)
{
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, sim_bool(S, true));
    sim_tuple_set(S, t, 1, cb);
    if (!sim_deque_push(S, REFS(st)[ES_DEQUE], t, false)) {
        py_no_memory(I);
        return false;
    }
    I->gc_count_unsure = true;
    /* the callbacks may close a cycle through the stack: CPython's garbage
     * then has the instance's dict, the wrapper's closure cells, __dict__ and
     * kwds, which the model's stand-ins do not count */
    if (!I->gc_garbage_unsure)
        I->garbage_unsure_what = "an ExitStack callback was registered";
    I->gc_garbage_unsure = true;
    return true;
}

/* Has type(v) an __exit__ (push() treats it as a context manager)? */
static bool has_exit(PyRun *I, SimId v)
{
    SimObj *o = sim_obj(S, v);
    if (o->kind == SK_INSTANCE)
        return sim_type_lookup(S, o->type, "__exit__") != 0;
    if (o->kind == SK_STRINGIO)
        return true;
    return sim_is_native(S, v) && contextlib_special_kind(I, v);
}

SimId es_enter_context(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_stack(I, a[0]))
        return 0;
    SimId cm = a[1];
    if (!has_exit(I, cm) && !(sim_obj(S, cm)->kind == SK_INSTANCE))
        return in_contextlib(I, "ExitStack.enter_context() of an object that is not a context manager");
    SimId enter = vm_special(I, cm, "__enter__", false);
    SimId exit = enter ? vm_special(I, cm, "__exit__", true) : 0;
    if (!exit) {
        sim_xdecref(S, enter);
        if (py_err_matches(I, EXC_TypeError)) { /* contextlib raises its own TypeError */
            py_err_clear(I);
            return in_contextlib(I, "ExitStack.enter_context() of an object that is not a context manager");
        }
        return 0;
    }
    SimId r = vm_call(I, enter, NULL, 0);
    sim_decref(S, enter);
    if (!r) {
        sim_decref(S, exit);
        return in_contextlib(I, "an exception raised by __enter__ inside ExitStack.enter_context()");
    }
    if (!push_cb(I, a[0], exit)) { /* _push_cm_exit: MethodType(_exit, cm) */
        sim_decref(S, r);
        return 0;
    }
    return r;
}

SimId es_push(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_stack(I, a[0]))
        return 0;
    SimId cb;
    if (has_exit(I, a[1])) {
        cb = vm_special(I, a[1], "__exit__", true);
        if (!cb)
            return 0;
    } else {
        cb = a[1];
        sim_incref(S, cb);
    }
    if (!push_cb(I, a[0], cb))
        return 0;
    sim_incref(S, a[1]);
    return a[1];
}

/* callback(callback, /, *args, **kwds): the wrapper's cells hold a new
 * args tuple and kwds dict (_create_cb_wrapper is called with them spread) */
SimId es_callback(PyRun *I, SimId *a, int n, SimId kw)
{
    int nk = kw ? (int)sim_obj(S, kw)->len : 0, np = n - nk;
    if (!is_stack(I, a[0]))
        return 0;
    if (np < 2) {
        py_raise(I, EXC_TypeError, "_BaseExitStack.callback() missing 1 required positional argument: 'callback'");
        return 0;
    }
    SimId func = a[1];
    SimId args = np > 2 ? sim_tuple(S, (size_t)(np - 2)) : S->empty_tuple;
    if (np > 2)
        for (int i = 2; i < np; i++) {
            sim_incref(S, a[i]);
            sim_tuple_set(S, args, (size_t)(i - 2), a[i]);
        }
    else
        sim_incref(S, args);
    SimId kwds = sim_dict(S);
    for (int i = 0; i < nk; i++) {
        sim_incref(S, sim_items(S, kw)[i]);
        sim_incref(S, a[np + i]);
        sim_dict_set(S, kwds, sim_items(S, kw)[i], a[np + i]);
    }
    SimId w = iter_composite(I, SIM_XT_CL_CBWRAP, CB_NREFS, 0, 0, true);
    if (!w) {
        sim_decref(S, args);
        sim_decref(S, kwds);
        return 0;
    }
    sim_incref(S, func);
    sim_incref(S, func);
    REFS(w)[CB_FUNC] = func;
    REFS(w)[CB_ARGS] = args;
    REFS(w)[CB_KWDS] = kwds;
    REFS(w)[CB_WRAPPED] = func; /* _exit_wrapper.__wrapped__ = callback */
    if (!push_cb(I, a[0], w))
        return 0;
    sim_incref(S, func);
    return func;
}

/* cb(*exc_details): the wrapper calls callback(*args, **kwds) */
static SimId call_cb(PyRun *I, SimId cb, SimId *exc)
{
    if (!sim_is_native(S, cb) || sim_xtype_of(S, cb) != SIM_XT_CL_CBWRAP)
        return vm_call(I, cb, exc, 3);
    SimId args = REFS(cb)[CB_ARGS], kwds = REFS(cb)[CB_KWDS];
    uint32_t np = sim_obj(S, args)->len, nk = sim_obj(S, kwds)->len;
    if (np + nk > 64)
        return py_not_modelled(I, 0, "an ExitStack callback with more than 64 arguments"), 0;
    SimId av[64], names = 0;
    for (uint32_t i = 0; i < np; i++)
        av[i] = sim_items(S, args)[i];
    if (nk) {
        names = sim_tuple(S, nk);
        uint32_t k = 0;
        SimId key, val;
        for (uint32_t pos = 0; sim_dict_next(S, kwds, &pos, &key, &val); k++) {
            sim_incref(S, key);
            sim_tuple_set(S, names, k, key);
            av[np + k] = val;
        }
    }
    SimId r = vm_call_kw(I, REFS(cb)[CB_FUNC], av, (int)(np + nk), names);
    sim_xdecref(S, names);
    if (r) {
        sim_decref(S, r);
        r = bi_none(I);
    }
    return r;
}

/* __exit__(*exc_details): the callbacks newest first */
static SimId stack_exit(PyRun *I, SimId st, SimId *exc)
{
    SimId details[3] = {exc[0], exc[1], exc[2]};
    bool received = sim_kind(S, exc[0]) != SK_NONE, suppressed = false;
    SimId dq = REFS(st)[ES_DEQUE];
    sim_incref(S, dq);
    I->gc_count_unsure = true;
    for (SimId t; (t = sim_deque_pop(S, dq, false)) != 0;) {
        SimId cb = sim_items(S, t)[1];
        SimId r = call_cb(I, cb, details);
        sim_decref(S, t);
        int truth = r ? op_truth(I, r) : -1;
        sim_xdecref(S, r);
        if (truth < 0) {
            sim_decref(S, dq);
            return in_contextlib(I, "an exception raised by an ExitStack callback (CPython keeps it, "
                                 "with what the callbacks hold, in a cycle through contextlib.py's frame)");
        }
        if (truth > 0) {
            suppressed = true;
            details[0] = details[1] = details[2] = S->none;
        }
    }
    sim_decref(S, dq);
    return sim_bool(S, received && suppressed);
}

SimId es_pop_all(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_stack(I, a[0]))
        return 0;
    SimId fresh = new_stack(I); /* new_stack = type(self)() */
    if (!fresh)
        return 0;
    SimId made = REFS(fresh)[ES_DEQUE]; /* new_stack._exit_callbacks = self._exit_callbacks */
    REFS(fresh)[ES_DEQUE] = REFS(a[0])[ES_DEQUE];
    sim_decref(S, made);
    SimId callbacks = sim_deque(S, -1); /* self._exit_callbacks = deque() */
    REFS(a[0])[ES_DEQUE] = callbacks;
    return fresh;
}

SimId es_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (!is_stack(I, a[0]))
        return 0;
    SimId none3[3] = {S->none, S->none, S->none};
    SimId r = stack_exit(I, a[0], none3);
    if (!r)
        return 0;
    sim_decref(S, r);
    return bi_none(I);
}

/* ---- redirect_stdout, redirect_stderr ------------------------------------------------------- */

static SimId redirect(PyRun *I, SimXType xt, SimId *a, int n, SimId kw)
{
    SimId target = bi_npos(I, n, kw) > 0 ? a[0] : bi_kwarg(I, a, n, kw, "new_target");
    if (bi_npos(I, n, kw) > 1) {
        py_raise(I, EXC_TypeError, "_RedirectStream.__init__() takes 2 positional arguments but %d were given",
                 bi_npos(I, n, kw) + 1);
        return 0;
    }
    if (!target) {
        py_raise(I, EXC_TypeError, "_RedirectStream.__init__() missing 1 required positional argument: 'new_target'");
        return 0;
    }
    SimId r = iter_composite(I, xt, RD_NREFS, 0, 0, true);
    if (!r)
        return 0;
    sim_incref(S, target);
    REFS(r)[RD_TARGET] = target;
    SimId old_targets = sim_list(S, 0);
    REFS(r)[RD_OLD] = old_targets;
    I->gc_count_unsure = true;
    return r;
}

SimId cl_redirect_stdout(PyRun *I, SimId *a, int n, SimId kw) { return redirect(I, SIM_XT_CL_REDIRECT_OUT, a, n, kw); }
SimId cl_redirect_stderr(PyRun *I, SimId *a, int n, SimId kw) { return redirect(I, SIM_XT_CL_REDIRECT_ERR, a, n, kw); }

static int stream_of(PyRun *I, SimId r) { return sim_xtype_of(S, r) == SIM_XT_CL_REDIRECT_OUT ? 1 : 2; }

/* __enter__: self._old_targets.append(getattr(sys, self._stream)), then
 * setattr(sys, self._stream, self._new_target) */
static SimId redirect_enter(PyRun *I, SimId r)
{
    int fd = stream_of(I, r);
    SimId old = stdstream_current(I, fd);
    if (!old)
        return in_contextlib(I, fd == 1 ? "redirect_stdout() with sys.stdout deleted"
                                        : "redirect_stderr() with sys.stderr deleted");
    sim_incref(S, old);
    sim_list_append(S, REFS(r)[RD_OLD], old);
    SimId t = REFS(r)[RD_TARGET];
    stdstream_set(I, fd, t);
    sim_incref(S, t);
    return t;
}

static SimId redirect_exit(PyRun *I, SimId r)
{
    SimId list = REFS(r)[RD_OLD];
    uint32_t len = sim_obj(S, list)->len;
    if (len == 0)
        return in_contextlib(I, "leaving a redirect_stdout never entered (pop from empty list)");
    SimId old = sim_items(S, list)[len - 1]; /* the list's reference moves to the stream */
    sim_items(S, list)[len - 1] = 0;
    sim_obj(S, list)->len = len - 1;
    stdstream_set(I, stream_of(I, r), old);
    sim_decref(S, old);
    return bi_none(I);
}

/* ---- the with-statement methods and the attributes -------------------------------------------- */

SimId cl_exit_enter(PyRun *I, SimId self)
{
    if (sim_xtype_of(S, self) == SIM_XT_CL_EXITSTACK) {
        sim_incref(S, self);
        return self;
    }
    return redirect_enter(I, self);
}

SimId cl_exit_exit(PyRun *I, SimId self, SimId *exc)
{
    if (sim_xtype_of(S, self) == SIM_XT_CL_EXITSTACK)
        return stack_exit(I, self, exc);
    return redirect_exit(I, self);
}
