/*
 * asyncio_log: the loop's record of its tasks for the loop view
 * (sim/looplog.h): a lane per task (made, ready, running a step, awaiting,
 * done), what each awaits — the innermost object its coroutine's chain of
 * awaits is suspended on: a sleep, another task, gather's future, a
 * Queue's get, a Lock's acquire, wait() — and how it ended.  Written by
 * asyncio_loop.c as it runs; kept for the whole program (every
 * asyncio.run()).
 */
#include <stdio.h>

#include "pyrun/modules/asyncio_int.h"

/* The log's index of task, or -1 */
static int index_of(PyRun *I, SimId task)
{
    PyAsyncio *A = aio(I);
    for (int i = A->log.ntasks - 1; i >= 0; i--)
        if (A->logids[i] == task)
            return i;
    return -1;
}

/* the task's name, into out */
static void name_of_task(PyRun *I, SimId task, char *out, size_t n)
{
    SimId nm = aio_get(I, task, "_name");
    size_t len = 0;
    const char *txt = nm && sim_kind(S, nm) == SK_STR ? sim_str_data(S, nm, &len) : "";
    snprintf(out, n, "%.*s", (int)len, txt);
}

void aio_log_task(PyRun *I, SimId task)
{
    PyAsyncio *A = aio(I);
    char name[24];
    name_of_task(I, task, name, sizeof name);
    int i = ll_task(&A->log, name, I->vs.now);
    A->logids = xgrow(A->logids, &A->caplogids, (size_t)i + 1, sizeof *A->logids);
    A->logids[i] = task; /* compared, never read: a task is not freed before it is done */
}

void aio_log_name(PyRun *I, SimId task)
{
    int i = index_of(I, task);
    if (i >= 0)
        name_of_task(I, task, aio(I)->log.tasks[i].name, sizeof aio(I)->log.tasks[i].name);
}

/* What fut (yielded to the task) stands for, into out */
static void describe(PyRun *I, SimId task, SimId fut, char *out, size_t n)
{
    static const char *const ops[] = {[OK_LOCK] = "Lock.acquire", [OK_SEM] = "Semaphore.acquire",
                                      [OK_EVENT] = "Event.wait", [OK_GET] = "Queue.get", [OK_PUT] = "Queue.put",
                                      [OK_JOIN] = "Queue.join", [OK_DONE] = "", [OK_WAITFOR] = "wait_for",
                                      [OK_WAIT] = "wait()", [OK_TGEXIT] = "TaskGroup", [OK_ASONE] = "as_completed",
                                      [OK_COND] = "Condition.wait", [OK_CONDFOR] = "Condition.wait_for",
                                      [OK_TOTHREAD] = "to_thread"};
    SimId at = aio_get(I, task, "_coro");
    for (int depth = 0; at && sim_kind(S, at) == SK_GEN && depth < 64; depth++) {
        SimId next = vm_gen_yield_from_target(I, at);
        if (!next)
            break;
        at = next;
    }
    if (at && aio_is_class(I, at, AC_OP)) {
        unsigned k = sim_obj(S, at)->cap & 15u;
        if (k < sizeof ops / sizeof ops[0] && ops[k] && *ops[k]) {
            snprintf(out, n, "%s", ops[k]);
            return;
        }
    }
    if (aio_is_class(I, fut, AC_SLEEP)) {
        snprintf(out, n, "sleep");
    } else if (aio_is_class(I, fut, AC_TASK)) {
        name_of_task(I, fut, out, n);
    } else if (aio_get(I, fut, "_children")) {
        snprintf(out, n, "gather");
    } else {
        snprintf(out, n, "a future");
    }
}

void aio_log_lane(PyRun *I, SimId task, int lane, SimId fut)
{
    PyAsyncio *A = aio(I);
    int i = index_of(I, task);
    if (i < 0)
        return;
    char what[24] = "";
    if (lane == LL_WAIT && fut) {
        describe(I, task, fut, what, sizeof what);
    } else if (lane == LL_DONE) {
        SimId e = aio_get(I, task, "_exception");
        if (fstate(I, task) == FS_CANCELLED)
            snprintf(what, sizeof what, "cancelled");
        else if (e && e != S->none)
            snprintf(what, sizeof what, "%s", op_typename(I, e));
        else
            snprintf(what, sizeof what, "done");
        A->logids[i] = 0;
    }
    ll_lane(&A->log, i, (LlLane)lane, I->vs.now, what[0] ? what : NULL);
}

void aio_log_turn(PyRun *I, size_t ready)
{
    PyAsyncio *A = aio(I);
    A->log.turns++;
    if (ready > A->log.max_ready)
        A->log.max_ready = ready;
    A->log.now = I->vs.now;
}

const LoopLog *py_looplog(const PyRun *I) { return I->asyncio ? &I->asyncio->log : NULL; }
