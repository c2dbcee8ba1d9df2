/*
 * asyncio_cancel: cancelling several tasks at once where CPython goes
 * through a set of tasks: Runner.close()'s _cancel_all_tasks (the tasks
 * still pending when asyncio.run()'s coroutine returns) and a TaskGroup's
 * _abort (its tasks still pending when one fails, the body raises or the
 * group is cancelled from outside).  A set of tasks iterates in the order
 * of their addresses, which the program does not decide, and each cancel()
 * schedules that task's wake-up in turn: the tasks unwind in that order.
 *
 * The order shows only in what the tasks run as they unwind.  A task is
 * quiet when throwing CancelledError into it runs nothing of the
 * program's: no try block is active in any coroutine of its chain of
 * awaits (no except, finally or with clause), none of them holds an
 * instance with __del__ or a generator in its frame, what it awaits
 * innermost is a sleep, a plain future, an Event's wait or a Queue's get,
 * put or join (their except clauses only take the waiter off), and nothing
 * but the group waits for it to finish.  When at most one of the tasks is
 * not quiet every order prints the same, and the model cancels them in the
 * order they were made; otherwise the run is refused.  (What the unwinding
 * frees beyond a frame's own slots is not looked at: a __del__ reached
 * through a container could still run in another order.)
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/asyncio_int.h"

/* Does what task awaits innermost only take its waiter off when cancelled? */
static bool quiet_target(PyRun *I, SimId at)
{
    if (sim_kind(S, at) == SK_GEN)
        return true; /* not started, or at a bare yield */
    if (aio_is_class(I, at, AC_SLEEP))
        return true;
    if (aio_is_class(I, at, AC_OP)) {
        unsigned k = sim_obj(S, at)->cap & 15u;
        return k == OK_EVENT || k == OK_GET || k == OK_PUT || k == OK_JOIN;
    }
    return aio_is_class(I, at, AC_FUTURE) && !aio_get(I, at, "_children");
}

static bool quiet_callbacks(PyRun *I, SimId task)
{
    SimId cbs = aio_get(I, task, "_callbacks");
    if (!cbs || sim_kind(S, cbs) != SK_LIST)
        return true;
    for (uint32_t i = 0; i < sim_obj(S, cbs)->len; i++) {
        SimId t = sim_items(S, cbs)[i];
        if (sim_obj(S, sim_items(S, t)[0])->v.i != AQ_TG_DONE)
            return false;
    }
    return true;
}

static bool quiet(PyRun *I, SimId task)
{
    if (fstate(I, task) != FS_PENDING)
        return true;
    if (!quiet_callbacks(I, task))
        return false;
    SimId at = aio_get(I, task, "_coro");
    for (int depth = 0; at && sim_kind(S, at) == SK_GEN; depth++) {
        if (depth > 256 || !vm_gen_unwinds_quietly(I, at))
            return false;
        SimId next = vm_gen_yield_from_target(I, at);
        if (!next)
            break;
        at = next;
    }
    return at && quiet_target(I, at);
}

bool aio_cancel_set(PyRun *I, const SimId *tasks, size_t n, int line, const char *what)
{
    size_t loud = 0, pending = 0;
    for (size_t i = 0; i < n; i++) {
        pending += fstate(I, tasks[i]) == FS_PENDING;
        loud += !quiet(I, tasks[i]);
    }
    if (pending > 1 && loud > 1)
        return py_not_modelled(I, line,
                               "%s cancels %zu tasks in a set's order (by address), and %zu of them run code as "
                               "they unwind (except, finally, with, what awaits them)",
                               what, pending, loud);
    SimId *each = xmalloc((n ? n : 1) * sizeof *each); /* a copy: cancelling may move a container's items */
    memcpy(each, tasks, n * sizeof *each);
    for (size_t i = 0; i < n; i++)
        if (fstate(I, each[i]) == FS_PENDING)
            aio_cancel(I, each[i], 0);
    free(each);
    return true;
}
