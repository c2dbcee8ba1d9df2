/*
 * asyncio_tb: the frames of asyncio's Python code in a traceback.
 *
 * An exception the main coroutine of asyncio.run() ended with is raised
 * again by asyncio.run() (runners.py's run and Runner.run, base_events.py's
 * run_until_complete: `return future.result()`): an uncaught one shows
 * those three frames between the line that called asyncio.run() and the
 * coroutine's own, with the line numbers of 3.11.7, 3.12.1 and 3.13.0
 * (3.13t: 3.13.0's source) and the files named as in an installation from
 * source with the default prefix (/usr/local/lib/pythonX.Y), as
 * threading_excepthook.c names threading.py.  The traceback is printed
 * only when no other frame of asyncio's Python code is in it: an exception
 * that went through one of asyncio's coroutines (sleep, wait_for,
 * Queue.get, Lock.acquire ... the model runs them in C) is flagged where
 * it leaves it (aio_lib_raised), and one a task kept while it came out of
 * another library CPython writes in Python (json, queue ...) is flagged
 * when the task stores it (aio_keep_library); either is still refused.
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"

/* The exception pending now leaves asyncio's Python code (a coroutine of
 * asyncio that the model runs in C): the entry of the line that awaited
 * it is where CPython's traceback goes on into asyncio's frames. */
void aio_lib_raised(PyRun *I)
{
    if (!I->ts->err.set || I->refused || I->err_library)
        return;
    I->err_library = "asyncio";
    I->err_library_line = py_current_line(I);
    I->err_library_tb = true;
}

/* A task stores exception e that came out of a library CPython writes in
 * Python (I->err_library is set): its traceback's outermost entry is
 * flagged, so that the frames it lacks are refused wherever it is shown. */
void aio_keep_library(PyRun *I, SimId e)
{
    if (!I->err_library || !e)
        return;
    SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK);
    if (tb && sim_kind(S, tb) == SK_TRACEBACK)
        sim_obj(S, tb)->v.tb.lasti |= TB_LASTI_LIBRARY;
    else /* no entry: its traceback has only the library's frames */
        sim_exc_set(S, e, SIM_EXC_SUPPRESS, sim_exc_get(S, e, SIM_EXC_SUPPRESS) | EXC_LIBRARY_TB);
}

/* asyncio.run() raises the main task's exception e again: the entry of
 * the line that called it is flagged, e is remembered (borrowed, compared
 * only) */
void aio_run_raised(PyRun *I, SimId e)
{
    aio(I)->run_exc = e;
    I->err_library = "asyncio";
    I->err_library_line = py_current_line(I);
    I->err_library_tb = true;
}

/* the number of flagged entries in e's traceback, -1 for one too deep to
 * show whole under 3.11 and 3.12's limit */
static int flagged(PyRun *I, SimId e)
{
    int n = 0, depth = 0;
    for (SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK); tb; tb = sim_obj(S, tb)->v.tb.next, depth++)
        n += (sim_obj(S, tb)->v.tb.lasti & TB_LASTI_LIBRARY) != 0;
    return depth > 900 ? -1 : n;
}

/* runners.py's and base_events.py's lines in 3.11.7, 3.12.1, 3.13.0 */
static const int run_lines[3][3] = {{190, 118, 653}, {194, 118, 684}, {194, 118, 721}};

bool asyncio_run_tb(PyRun *I, TbLibEntry *mid, int *nmid, SimId *at)
{
    PyAsyncio *A = I->asyncio;
    SimId top = I->ts->err_obj;
    int v = S->prof->version;
    if (!A || !A->run_exc || !top || (v != SIM_V311 && v != SIM_V312 && v != SIM_V313 && v != SIM_V313T))
        return false;
    if (I->err_library && top != A->run_exc) /* the exception came out of another library */
        return false;
    bool found = false;
    SimId seen[64];
    int nseen = 0;
    for (SimId e = top; e && nseen < 64; nseen++) { /* the exception, its causes and contexts */
        for (int i = 0; i < nseen; i++)
            if (seen[i] == e)
                return false; /* a loop in the chain */
        seen[nseen] = e;
        if (!exc_is_instance(I, e) || (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & EXC_LIBRARY_TB) ||
            exc_is_group(I, e))
            return false;
        int n = flagged(I, e);
        if (e == A->run_exc) {
            if (n != 1 || sim_is_subtype(S, sim_obj(S, e)->type, A->cls[AC_CANCELLED]))
                return false; /* its traceback went through other library frames; a cancelled main task */
            found = true;
        } else if (n != 0 || e == I->lib_exc) {
            return false;
        }
        SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE);
        SimId next = cause && cause != S->none ? cause : sim_exc_get(S, e, SIM_EXC_CONTEXT);
        e = next && next != S->none ? next : 0;
    }
    if (!found || nseen >= 64)
        return false;
    static char files[2][64];
    snprintf(files[0], sizeof files[0], "/usr/local/lib/python%s/asyncio/runners.py", S->prof->name);
    snprintf(files[1], sizeof files[1], "/usr/local/lib/python%s/asyncio/base_events.py", S->prof->name);
    const int *ln = run_lines[v == SIM_V313T ? 2 : v - SIM_V311];
    mid[0] = (TbLibEntry){files[0], ln[0], "run", "return runner.run(main)", "       ~~~~~~~~~~^^^^^^",
                          "       ^^^^^^^^^^^^^^^^"};
    mid[1] = (TbLibEntry){files[0], ln[1], "run", "return self._loop.run_until_complete(task)",
                          "       ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~^^^^^^", "       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"};
    mid[2] = (TbLibEntry){files[1], ln[2], "run_until_complete", "return future.result()", "       ~~~~~~~~~~~~~^^",
                          "       ^^^^^^^^^^^^^^^"};
    *nmid = 3;
    *at = A->run_exc;
    return true;
}
