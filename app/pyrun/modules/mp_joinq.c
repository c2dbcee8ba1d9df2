/*
 * mp_joinq: multiprocessing's JoinableQueue (Lib/multiprocessing/
 * queues.py): a Queue (mp_queue.c's channel) whose put() counts an
 * unfinished task, task_done() counts one done (ValueError "task_done()
 * called too many times" below zero) and join() waits until none is left.
 *
 * CPython keeps the count in a semaphore the processes share.  The model
 * keeps a ledger per queue: each put (+1) and task_done (-1) with the
 * simulated time it happened, in time order.  A child runs to its end when
 * the parent starts it (multiprocessing.c), so its task_done calls go back
 * in its report ('D' records) with their times, as its puts do, and the
 * parent adds them when start() returns.  join() in the parent returns at
 * once when the count is 0 now, else at the first later time the ledger
 * brings it to 0 (the parent's clock moves there, as Process.join's does);
 * refused when it never does (CPython waits for ever), in a child that
 * would wait (the processes it waits for may start after it), and where
 * children the model ran one after another leave the count below zero at
 * some time (CPython's task_done would have raised in one of them).
 */
#include <stdlib.h>

#include "base/xalloc.h"
#include "pyrun/modules/mp_int.h"

#define S (I->sim)

typedef struct MpJoin {
    int64_t *at; /* when, in time order */
    int *delta;  /* +1 a put, -1 a task_done */
    int n, cap;
} MpJoin;

static MpJoin *ledger(PyRun *I, int c)
{
    PyMp *m = mp_state(I);
    if (c >= m->njoins)
        return NULL;
    return m->joins[c].cap >= 0 ? &m->joins[c] : NULL;
}

bool mj_is(PyRun *I, int c)
{
    return ledger(I, c) != NULL;
}

void mj_count(PyRun *I, int c, int64_t at, int delta)
{
    MpJoin *j = ledger(I, c);
    if (!j)
        return;
    if (j->n == j->cap) {
        j->cap = j->cap ? 2 * j->cap : 16;
        j->at = xrealloc(j->at, (size_t)j->cap * sizeof *j->at);
        j->delta = xrealloc(j->delta, (size_t)j->cap * sizeof *j->delta);
    }
    int i = j->n;
    while (i > 0 && j->at[i - 1] > at)
        i--;
    memmove(j->at + i + 1, j->at + i, (size_t)(j->n - i) * sizeof *j->at);
    memmove(j->delta + i + 1, j->delta + i, (size_t)(j->n - i) * sizeof *j->delta);
    j->at[i] = at, j->delta[i] = delta;
    j->n++;
}

/* the unfinished tasks at time t */
static int count_at(const MpJoin *j, int64_t t)
{
    int k = 0;
    for (int i = 0; i < j->n && j->at[i] <= t; i++)
        k += j->delta[i];
    return k;
}

bool mj_consistent(PyRun *I, int c)
{
    MpJoin *j = ledger(I, c);
    int k = 0;
    for (int i = 0; j && i < j->n; i++)
        if ((k += j->delta[i]) < 0)
            return py_not_modelled(I, 0, "JoinableQueue.task_done() calls of processes the model ran one after "
                                         "another that CPython would interleave (one of them would raise "
                                         "ValueError)");
    return true;
}

SimId mq_joinable_queue(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId r = mq_queue(I, a, n, kw);
    if (!r)
        return 0;
    PyMp *m = mp_state(I);
    int c = (int)sim_obj(S, a[0])->cap - 1;
    if (c >= m->njoins) {
        m->joins = xrealloc(m->joins, (size_t)(c + 1) * sizeof *m->joins);
        for (int i = m->njoins; i <= c; i++)
            m->joins[i] = (MpJoin){.cap = -1};
        m->njoins = c + 1;
    }
    m->joins[c] = (MpJoin){0};
    return r;
}

static MpJoin *joinable_of(PyRun *I, SimId q, int *c)
{
    *c = mq_chan_of(I, q);
    MpJoin *j = *c < 0 ? NULL : ledger(I, *c);
    if (*c >= 0 && !j)
        py_not_modelled(I, 0, "a JoinableQueue method on a queue that is not one");
    return j;
}

SimId mq_task_done(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c;
    MpJoin *j = joinable_of(I, a[0], &c);
    if (!j)
        return 0;
    if (count_at(j, I->vs.now) <= 0) {
        py_raise(I, EXC_ValueError, "task_done() called too many times");
        return 0;
    }
    mj_count(I, c, I->vs.now, -1);
    mq_wire_op(I, 'D', c);
    return bi_none(I);
}

SimId mq_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c;
    MpJoin *j = joinable_of(I, a[0], &c);
    if (!j)
        return 0;
    int64_t now = I->vs.now;
    int k = count_at(j, now);
    if (k == 0)
        return bi_none(I);
    if (mp_state(I)->wire)
        return py_not_modelled(I, 0, "JoinableQueue.join() in a child process that waits (the processes whose "
                                     "task_done() it waits for may start after it, when it already ran)"),
               (SimId)0;
    if (mp_threads_run(I, "JoinableQueue.join() that waits"))
        return 0;
    for (int i = 0; i < j->n; i++) {
        if (j->at[i] <= now)
            continue;
        k += j->delta[i];
        if (k == 0) {
            I->vs.now = j->at[i];
            return bi_none(I);
        }
    }
    return py_not_modelled(I, 0, "JoinableQueue.join() with tasks no process will mark done (CPython waits "
                                 "for ever)"),
           (SimId)0;
}

void mj_free(PyRun *I)
{
    PyMp *m = I->mp;
    for (int c = 0; m && c < m->njoins; c++)
        free(m->joins[c].at), free(m->joins[c].delta);
    if (m)
        free(m->joins);
}
