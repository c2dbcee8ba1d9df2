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
#include <string.h>

#include "pyrun/modules/asyncio_int.h"

/* The exception pending now leaves asyncio's Python code (a coroutine of
 * asyncio that the model runs in C): the entry of the line that awaited
 * it is where CPython's traceback goes on into asyncio's frames. */
void aio_lib_raised(PyRun *I)
{
    int k = aio(I)->tb_kind;
    aio(I)->tb_kind = 0;
    aio_lib_raised_kind(I, k);
}

/* A second passage before the entry of the first was written (wait_for
 * straight over sleep: two of asyncio's frames after one entry) is not
 * known; an earlier unknown one stays. */
void aio_lib_raised_kind(PyRun *I, int kind)
{
    if (!I->ts->err.set || I->refused)
        return;
    if (I->err_library) {
        if (I->err_library_tb || !I->err_library_kind || strcmp(I->err_library, "asyncio") != 0) {
            I->err_library_kind = 0;
            return;
        }
    } else {
        I->err_library_line = py_current_line(I);
    }
    I->err_library = "asyncio";
    I->err_library_tb = true;
    I->err_library_kind = (uint8_t)kind;
}

/* tasks.py's, taskgroups.py's and timeouts.py's lines in 3.11.7, 3.12.1, 3.13.0 */
static const int kind_lines[7][3] = {{649, 665, 718}, {452, 520, 507}, {489, 520, 507}, {145, 145, 154},
                                     {115, 115, 116}, {500, 520, 507}, {502, 519, 506}};

int asyncio_tb_kind(PyRun *I, int k, TbLibEntry *e)
{
    int v = S->prof->version;
    if (k < TB_KIND_SLEEP || k > TB_KIND_WAIT_FOR_TIMEOUT)
        return 0;
    int ln = kind_lines[k - 1][v == SIM_V311 ? 0 : v == SIM_V312 ? 1 : 2];
    static char file[64];
    const char *f = k == TB_KIND_TG_AEXIT ? "taskgroups" : k == TB_KIND_TIMEOUT_AEXIT ? "timeouts" : "tasks";
    snprintf(file, sizeof file, "/usr/local/lib/python%s/asyncio/%s.py", S->prof->name, f);
    static char file2[64];
    snprintf(file2, sizeof file2, "/usr/local/lib/python%s/asyncio/timeouts.py", S->prof->name);
    switch (k) {
    case TB_KIND_WAIT_FOR_TIMEOUT: /* raise exceptions.TimeoutError() from exc; 3.12+: timeout()'s __aexit__ */
        if (v == SIM_V311) {
            e[0] = (TbLibEntry){file, ln, "wait_for", "raise exceptions.TimeoutError() from exc", NULL, NULL};
            return 1;
        }
        e[0] = (TbLibEntry){file, ln, "wait_for", "async with timeouts.timeout(timeout):",
                            "           ~~~~~~~~~~~~~~~~^^^^^^^^^", NULL};
        e[1] = (TbLibEntry){file2, kind_lines[TB_KIND_TIMEOUT_AEXIT - 1][v == SIM_V312 ? 1 : 2], "__aexit__",
                            "raise TimeoutError from exc_val", NULL, NULL};
        return 2;
    case TB_KIND_SLEEP:
        e[0] = (TbLibEntry){file, ln, "sleep", "return await future", "       ^^^^^^^^^^^^", "       ^^^^^^^^^^^^"};
        return 1;
    case TB_KIND_WAIT_FOR_NONE:
    case TB_KIND_WAIT_FOR:
    case TB_KIND_WAIT_FOR_CANCELLED: /* the CancelledError its timeout caught starts there */
        if (v == SIM_V311 && k != TB_KIND_WAIT_FOR_NONE)
            e[0] = (TbLibEntry){file, ln, "wait_for", "return fut.result()", "       ^^^^^^^^^^^^",
                                "       ^^^^^^^^^^^^"};
        else
            e[0] = (TbLibEntry){file, ln, "wait_for", "return await fut", "       ^^^^^^^^^", "       ^^^^^^^^^"};
        return 1;
    case TB_KIND_TG_AEXIT:
        e[0] = (TbLibEntry){file, ln, "__aexit__", "raise me from None", NULL, NULL};
        return 1;
    default:
        e[0] = (TbLibEntry){file, ln, "__aexit__", "raise TimeoutError from exc_val", NULL, NULL};
        return 1;
    }
}

/* A task stores exception e that came out of a library CPython writes in
 * Python (I->err_library is set): its traceback's outermost entry is
 * flagged, so that the frames it lacks are refused wherever it is shown. */
void aio_keep_library(PyRun *I, SimId e)
{
    if (!I->err_library || !e || (I->err_library_kind && !I->err_library_tb)) /* known, and on its entry */
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
    I->err_library_kind = 0;
}

/* the number of flagged entries in e's traceback, -1 for one too deep to
 * show whole under 3.11 and 3.12's limit */
static int flagged(PyRun *I, SimId e)
{
    int n = 0, depth = 0;
    for (SimId tb = sim_exc_get(S, e, SIM_EXC_TRACEBACK); tb; tb = sim_obj(S, tb)->v.tb.next, depth++) {
        uint32_t l = sim_obj(S, tb)->v.tb.lasti;
        n += (l & TB_LASTI_LIBRARY) && !TB_LASTI_KIND(l); /* frames the model does not know */
    }
    return depth > 900 ? -1 : n;
}

/* runners.py's and base_events.py's lines in 3.11.7, 3.12.1, 3.13.0 */
static const int run_lines[3][3] = {{190, 118, 653}, {194, 118, 684}, {194, 118, 721}};

/* exception e and what its report shows with it (its cause or unsuppressed
 * context, a group's exceptions) have no frames the model does not know;
 * the main task's (A->run_exc) has exactly one, the entry asyncio.run()'s
 * frames follow.  *found: run_exc was seen; seen[]: the exceptions met. */
static bool known_frames(PyRun *I, SimId e, bool *found, SimId *seen, int *nseen)
{
    PyAsyncio *A = I->asyncio;
    for (; e; ) {
        for (int i = 0; i < *nseen; i++)
            if (seen[i] == e)
                return false; /* a loop, or one shown twice */
        if (*nseen >= 64 || !exc_is_instance(I, e) || (sim_exc_get(S, e, SIM_EXC_SUPPRESS) & EXC_LIBRARY_TB))
            return false; /* (a known kind of EXC_LIBRARY_PRE is printed) */
        seen[(*nseen)++] = e;
        int n = flagged(I, e);
        if (e == A->run_exc) {
            if (n != 1)
                return false; /* its traceback went through other library frames */
            *found = true;
        } else if (n != 0 || e == I->lib_exc) {
            return false;
        }
        if (exc_is_group(I, e)) {
            SimId subs = exc_group_excs(I, e);
            if (!subs || sim_kind(S, subs) != SK_TUPLE)
                return false;
            uint32_t len = sim_obj(S, subs)->len;
            for (uint32_t i = 0; i < len; i++)
                if (!known_frames(I, sim_items(S, subs)[i], found, seen, nseen))
                    return false;
        }
        SimId cause = sim_exc_get(S, e, SIM_EXC_CAUSE), ctx = sim_exc_get(S, e, SIM_EXC_CONTEXT);
        SimId next = cause && cause != S->none ? cause : !(sim_exc_get(S, e, SIM_EXC_SUPPRESS) & 1) ? ctx : 0;
        e = next && next != S->none ? next : 0;
    }
    return true;
}

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
    if (!known_frames(I, top, &found, seen, &nseen) || !found)
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
