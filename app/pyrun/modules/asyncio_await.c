/*
 * asyncio_await: `await` on asyncio's objects (vm_gen.c's await_step and
 * await_throw hooks) and asyncio.sleep()'s future.
 *
 * `await fut` is a yield from over the future itself: pending, it yields
 * itself to the task; done, it gives its result.  asyncio.sleep(d) is a
 * future that schedules its own timer the first time it is awaited
 * (sleep(0) yields once, as __sleep0 does).  What asyncio_sync.c's objects
 * return (Queue.get(), Lock.acquire() ...) steps as their coroutine would.
 * An exception out of sleep or one of those leaves a coroutine of
 * asyncio's Python code (aio_lib_raised: its frames are not modelled).
 */
#include "pyrun/modules/asyncio_int.h"

static SimId ref(PyRun *I, SimId v)
{
    sim_incref(S, v);
    return v;
}

/* ---- asyncio.sleep's future ---------------------------------------------------------- */

int aio_sleep_step(PyRun *I, SimId sl, SimId *out)
{
    int st = fstate(I, sl);
    if (st == FS_PENDING && !(fw(I, sl) & FW_TIMER)) {
        fw_set(I, sl, fw(I, sl) | FW_TIMER);
        bool ok;
        int64_t d = aio_secs_arg(I, aio_get(I, sl, "_delay"), &ok);
        if (!ok)
            return -1;
        if (d <= 0) { /* __sleep0: one bare yield */
            *out = ref(I, S->none);
            return 1;
        }
        aio_call_later(I, d, AQ_SLEEP_DONE, sl, 0);
    } else if (st == FS_PENDING) {
        bool ok;
        if (aio_secs_arg(I, aio_get(I, sl, "_delay"), &ok) <= 0 && ok) { /* back from the bare yield */
            SimId r = aio_get(I, sl, "_value");
            aio_set_result(I, sl, ref(I, r ? r : S->none));
        }
    }
    return aio_await_future(I, sl, out);
}

int aio_await_future(PyRun *I, SimId fut, SimId *out)
{
    if (fstate(I, fut) == FS_PENDING) {
        fw_set(I, fut, fw(I, fut) | FW_BLOCKING);
        *out = ref(I, fut);
        return 1;
    }
    SimId r = aio_result(I, fut);
    if (!r)
        return -1;
    *out = r;
    return 0;
}

static SimId await_hook(PyRun *I, SimId v)
{
    return aio_is_future(I, v) || aio_is_class(I, v, AC_OP) ? ref(I, v) : 0;
}

/* h of a coroutine of asyncio's Python code: its error leaves that code */
static int lib_step(PyRun *I, int h)
{
    if (h == -1)
        aio_lib_raised(I);
    return h;
}

static int await_step(PyRun *I, SimId sub, SimId *out)
{
    aio(I)->tb_kind = 0;
    if (aio_is_class(I, sub, AC_OP))
        return lib_step(I, aio_op_step(I, sub, out));
    if (!aio_is_future(I, sub))
        return 2;
    if (aio_is_class(I, sub, AC_SLEEP))
        return lib_step(I, aio_sleep_step(I, sub, out));
    return aio_await_future(I, sub, out);
}

/* an exception thrown into a task's coroutine reaches what it awaits */
static int await_throw(PyRun *I, SimId sub, SimId *out)
{
    aio(I)->tb_kind = 0;
    if (aio_is_class(I, sub, AC_OP)) {
        if ((sim_obj(S, sub)->cap & 15u) >= OK_WAITFOR)
            return lib_step(I, aio_long_step(I, sub, true, out));
        aio_op_throw(I, sub);
        return lib_step(I, -1);
    }
    if (aio_is_class(I, sub, AC_SLEEP)) { /* thrown into asyncio.sleep's frame (`return await future`;
                                           * sleep(0)'s is __sleep0's yield), then into the awaiting one */
        bool ok;
        int64_t d = aio_secs_arg(I, aio_get(I, sub, "_delay"), &ok);
        aio_lib_raised_kind(I, ok && d > 0 ? TB_KIND_SLEEP : 0);
    }
    return 2;
}

void aio_install_hooks(PyRun *I)
{
    I->await_hook = await_hook;
    I->await_step = await_step;
    I->await_throw = await_throw;
}
