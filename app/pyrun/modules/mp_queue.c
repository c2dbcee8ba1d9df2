/*
 * mp_queue: multiprocessing's Queue and SimpleQueue (Lib/multiprocessing/
 * queues.py) and Pipe's two Connections (connection.py) between the
 * processes of the fork model (multiprocessing.c, mp_wire.c).
 *
 * Each queue, and each direction of a pipe, is a channel: its items, oldest
 * first, each a copy made as pickle would carry it (mp_wire's round trip),
 * with the simulated time it is there to take.  A child is a fork of the
 * parent and runs to its end when the parent starts it, so it inherits the
 * channels as they are then: what it takes and what it sends go back in its
 * report ('G' and 'P' records, in order) and the parent applies them when
 * start() returns (mq_apply): the items the child took leave the parent's
 * channel too (they left the one pipe), those it sent join it at the time
 * the child sent them, in time order with the others.  So a producer
 * started before its consumer, results the children put for the parent,
 * a parent that sends work before it starts its workers all run as in
 * CPython.  Refused where the model cannot follow CPython:
 *   - a child's get() or recv() on an empty channel (what a later process
 *     or the parent sends after start() cannot reach a child that already
 *     ran), and the parent's when no process will send (CPython waits for
 *     ever); a put() on a full bounded queue likewise;
 *   - empty() while an item this process put is within the feeder
 *     thread's reach (queues.py's _feed sends it when the OS runs that
 *     thread: right after put() CPython answers True or False by timing);
 *   - the use of a queue or pipe in a Pool's or a ProcessPoolExecutor's
 *     worker, the reprs (they show addresses), a closed queue's errors
 *     (their messages hold the repr), and Manager.
 * JoinableQueue's count of unfinished tasks is mp_joinq.c's.
 * The feeder thread counts in threading.active_count() in CPython: after a
 * Queue's first put() the model refuses threading's thread counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/mp_int.h"
#include "pyrun/modules/threading_int.h"

#define S (I->sim)
#define FEEDER_PS (100000000LL) /* 100 us: a put's feeder thread has sent it (the model's bound) */

typedef struct MpChan {
    SimId *items; /* owned, oldest first */
    int64_t *at;  /* when each is there to take (ps) */
    bool *mine;   /* put by this process: its feeder thread may not have sent it yet */
    int n, cap;
    int maxsize;  /* a Queue's bound, 0 none */
    bool closed;
} MpChan;

typedef struct MpConn {
    int rd, wr; /* the channels it reads and writes, -1 none */
    bool closed;
} MpConn;

static MpChan *chan(PyRun *I, int c)
{
    return &mp_state(I)->chans[c];
}

static int chan_new(PyRun *I, int maxsize)
{
    PyMp *m = mp_state(I);
    m->chans = xrealloc(m->chans, (size_t)(m->nchans + 1) * sizeof *m->chans);
    m->chans[m->nchans] = (MpChan){.maxsize = maxsize};
    return m->nchans++;
}

/* the item goes in at `at`, after every item there by then */
static void chan_insert(PyRun *I, int c, SimId v, int64_t at, bool mine)
{
    MpChan *ch = chan(I, c);
    if (ch->n == ch->cap) {
        ch->cap = ch->cap ? 2 * ch->cap : 8;
        ch->items = xrealloc(ch->items, (size_t)ch->cap * sizeof *ch->items);
        ch->at = xrealloc(ch->at, (size_t)ch->cap * sizeof *ch->at);
        ch->mine = xrealloc(ch->mine, (size_t)ch->cap * sizeof *ch->mine);
    }
    int i = ch->n;
    while (i > 0 && ch->at[i - 1] > at)
        i--;
    size_t k = (size_t)(ch->n - i);
    memmove(ch->items + i + 1, ch->items + i, k * sizeof *ch->items);
    memmove(ch->at + i + 1, ch->at + i, k * sizeof *ch->at);
    memmove(ch->mine + i + 1, ch->mine + i, k * sizeof *ch->mine);
    ch->items[i] = v, ch->at[i] = at, ch->mine[i] = mine;
    ch->n++;
}

/* the oldest item, out (a reference the caller owns) */
static SimId chan_pop(PyRun *I, int c)
{
    MpChan *ch = chan(I, c);
    if (!ch->n)
        return 0;
    SimId v = ch->items[0];
    ch->n--;
    memmove(ch->items, ch->items + 1, (size_t)ch->n * sizeof *ch->items);
    memmove(ch->at, ch->at + 1, (size_t)ch->n * sizeof *ch->at);
    memmove(ch->mine, ch->mine + 1, (size_t)ch->n * sizeof *ch->mine);
    return v;
}

static int there_by(PyRun *I, int c, int64_t t)
{
    MpChan *ch = chan(I, c);
    int k = 0;
    while (k < ch->n && ch->at[k] <= t)
        k++;
    return k;
}

static bool in_pool_worker(PyRun *I)
{
    PyMp *m = mp_state(I);
    if (!(m->current_name[0] && !m->current))
        return false;
    return py_not_modelled(I, 0, "a multiprocessing Queue or Pipe used in a Pool's or a ProcessPoolExecutor's "
                                 "worker"),
           true;
}

/* send: a copy as pickle would make it, logged in a child's report */
static bool chan_send(PyRun *I, int c, SimId v)
{
    if (in_pool_worker(I))
        return false;
    Buf b = {0};
    if (!mp_encode(I, v, &b, 0)) {
        buf_fini(&b);
        return false;
    }
    const char *p = buf_str(&b);
    SimId copy = mp_decode(I, &p, p + b.len);
    if (mq_wire_op(I, 'P', c))
        buf_add(mp_state(I)->wire, buf_str(&b), b.len);
    buf_fini(&b);
    if (!copy)
        return py_not_modelled(I, 0, "a value the model could not carry between processes");
    chan_insert(I, c, copy, I->vs.now, true);
    mj_count(I, c, I->vs.now, 1); /* a JoinableQueue's unfinished task */
    return true;
}

static void raise_queue_exc(PyRun *I, int which)
{
    if (!module_find(I, "queue", 5) || !st(I)->cls[which]) { /* queues.py imports queue */
        py_not_modelled(I, 0, "queue.Empty or queue.Full without the queue module");
        return;
    }
    vm_raise_value(I, exc_new(I, st(I)->cls[which], 0));
}

/* take: block (timeout_ps < 0: for ever), or raise queue.Empty (what: the
 * call, for the refusals) */
static SimId chan_take(PyRun *I, int c, bool block, int64_t timeout_ps, const char *what)
{
    if (in_pool_worker(I))
        return 0;
    PyMp *m = mp_state(I);
    MpChan *ch = chan(I, c);
    /* a wait moves the clock: the program's other threads would run then */
    if (block && (!ch->n || ch->at[0] > I->vs.now) && vs_live_count(&I->vs) > 1)
        return py_not_modelled(I, 0, "%s waiting for another process while threads run (the model's clock "
                                     "would move past them)", what), (SimId)0;
    if (!ch->n) {
        if (m->wire && block)
            return py_not_modelled(I, 0, "%s on an empty channel in a child process (the model runs a child to "
                                         "its end when it starts: what another process sends later cannot "
                                         "reach it)", what),
                   (SimId)0;
        if (block && timeout_ps < 0)
            return py_not_modelled(I, 0, "%s that no process will ever answer (CPython waits for ever)", what),
                   (SimId)0;
        if (block)
            I->vs.now += timeout_ps;
        raise_queue_exc(I, THC_QEMPTY);
        return 0;
    }
    int64_t at = ch->at[0];
    if (at > I->vs.now && (!block || (timeout_ps >= 0 && at > I->vs.now + timeout_ps))) {
        if (block)
            I->vs.now += timeout_ps;
        raise_queue_exc(I, THC_QEMPTY);
        return 0;
    }
    if (at > I->vs.now) /* it waits for the sender */
        I->vs.now = at;
    I->vs.now += MP_IPC_PS;
    mq_wire_op(I, 'G', c);
    return chan_pop(I, c);
}

bool mq_wire_op(PyRun *I, char tag, int c)
{
    PyMp *m = mp_state(I);
    if (!m->wire)
        return false;
    uint32_t cc = (uint32_t)c;
    buf_addc(m->wire, tag);
    buf_add(m->wire, &cc, 4);
    if (tag != 'G') {
        int64_t dt = I->vs.now - m->child_t0;
        buf_add(m->wire, &dt, 8);
    }
    return true;
}

void mq_apply(PyRun *I, const MpReport *rep, int64_t t0)
{
    for (int i = 0; i < rep->nops; i++) {
        const MpChanOp *op = &rep->ops[i];
        if (op->chan < 0 || op->chan >= mp_state(I)->nchans)
            continue;
        if (op->kind == 'G') {
            sim_xdecref(S, chan_pop(I, op->chan));
        } else if (op->kind == 'D') {
            mj_count(I, op->chan, t0 + op->at, -1);
        } else {
            sim_incref(S, op->v);
            chan_insert(I, op->chan, op->v, t0 + op->at, false);
            mj_count(I, op->chan, t0 + op->at, 1);
        }
    }
    for (int i = 0; i < rep->nops; i++)
        if (rep->ops[i].kind == 'D' && !mj_consistent(I, rep->ops[i].chan))
            return;
}

/* a child's own view: what the parent put was in the pipe before the fork */
void mq_forked(PyRun *I)
{
    PyMp *m = mp_state(I);
    m->feeder = false; /* threads do not survive a fork */
    for (int c = 0; c < m->nchans; c++)
        for (int k = 0; k < m->chans[c].n; k++)
            m->chans[c].mine[k] = false;
}

/* ---- Queue and SimpleQueue ------------------------------------------------------- */

static int queue_of(PyRun *I, SimId q)
{
    PyMp *m = mp_state(I);
    int c = sim_kind(S, q) == SK_INSTANCE ? (int)sim_obj(S, q)->cap - 1 : -1;
    if (c < 0 || c >= m->nchans) {
        py_not_modelled(I, 0, "a multiprocessing queue method on an object that is not one, or not initialized");
        return -1;
    }
    return c;
}

int mq_chan_of(PyRun *I, SimId q)
{
    return queue_of(I, q);
}

static bool timeout_arg(PyRun *I, SimId v, int64_t *ps)
{
    *ps = -1;
    if (!v || v == S->none)
        return true;
    return thr_timeout_arg(I, v, false, ps);
}

SimId mq_queue(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId mx = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "maxsize");
    int64_t maxsize = 0;
    if (mx) {
        if (sim_kind(S, mx) != SK_INT || sim_obj(S, mx)->sub)
            return py_not_modelled(I, 0, "a Queue's maxsize that is not an int"), (SimId)0;
        maxsize = sim_obj(S, mx)->v.i;
    }
    if (in_pool_worker(I))
        return 0;
    mp_unsure(I);
    int c = chan_new(I, maxsize > 0 && maxsize < INT32_MAX ? (int)maxsize : 0);
    sim_obj(S, a[0])->cap = (uint32_t)c + 1;
    return bi_none(I);
}

SimId mq_simple_queue(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (in_pool_worker(I))
        return 0;
    mp_unsure(I);
    sim_obj(S, a[0])->cap = (uint32_t)chan_new(I, 0) + 1;
    return bi_none(I);
}

static bool is_simple(PyRun *I, SimId q)
{
    return sim_obj(S, q)->type == mp_state(I)->cls_simpleq;
}

static SimId q_put(PyRun *I, SimId q, SimId v, bool block, int64_t timeout_ps)
{
    int c = queue_of(I, q);
    if (c < 0)
        return 0;
    if (chan(I, c)->closed)
        return py_not_modelled(I, 0, "put() on a closed queue (its ValueError shows the queue's repr)"), (SimId)0;
    if (chan(I, c)->maxsize && chan(I, c)->n >= chan(I, c)->maxsize) {
        if (block && timeout_ps < 0)
            return py_not_modelled(I, 0, "put() on a full queue (CPython waits until another process takes an "
                                         "item, which the model cannot interleave)"),
                   (SimId)0;
        if (block)
            I->vs.now += timeout_ps;
        raise_queue_exc(I, THC_QFULL);
        return 0;
    }
    if (!chan_send(I, c, v))
        return 0;
    if (!is_simple(I, q))
        mp_state(I)->feeder = true;
    return bi_none(I);
}

SimId mq_put(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId obj = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "obj");
    SimId bl = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "block"), tm = np > 3 ? a[3] : bi_kwarg(I, a, n, kw, "timeout");
    if (!obj) {
        py_raise(I, EXC_TypeError, "Queue.put() missing 1 required positional argument: 'obj'");
        return 0;
    }
    int block = bl ? op_truth(I, bl) : 1;
    int64_t ps;
    if (block < 0 || !timeout_arg(I, tm, &ps))
        return 0;
    return q_put(I, a[0], obj, block, ps);
}

SimId mq_put_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (n < 2) {
        py_raise(I, EXC_TypeError, "Queue.put_nowait() missing 1 required positional argument: 'obj'");
        return 0;
    }
    return q_put(I, a[0], a[1], false, -1);
}

SimId mq_get(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    SimId bl = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "block"), tm = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "timeout");
    int block = bl ? op_truth(I, bl) : 1;
    int64_t ps;
    int c = queue_of(I, a[0]);
    if (c < 0 || block < 0 || !timeout_arg(I, tm, &ps))
        return 0;
    if (chan(I, c)->closed)
        return py_not_modelled(I, 0, "get() on a closed queue"), (SimId)0;
    return chan_take(I, c, block, ps, "Queue.get()");
}

SimId mq_get_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    return c < 0 ? 0 : chan_take(I, c, false, -1, "Queue.get_nowait()");
}

SimId mq_qsize(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    return c < 0 ? 0 : sim_int(S, there_by(I, c, I->vs.now)); /* the semaphore counts each put at once */
}

SimId mq_empty(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    if (c < 0)
        return 0;
    MpChan *ch = chan(I, c);
    if (!is_simple(I, a[0]))
        for (int k = 0; k < ch->n && ch->at[k] <= I->vs.now; k++)
            if (ch->mine[k] && I->vs.now < ch->at[k] + FEEDER_PS)
                return py_not_modelled(I, 0, "Queue.empty() right after this process's put() (the queue's "
                                             "feeder thread sends the item when the OS runs it: CPython answers "
                                             "True or False by timing)"),
                       (SimId)0;
    return sim_bool(S, there_by(I, c, I->vs.now) == 0);
}

SimId mq_full(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    if (c < 0)
        return 0;
    return sim_bool(S, chan(I, c)->maxsize && chan(I, c)->n >= chan(I, c)->maxsize);
}

SimId mq_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    if (c < 0)
        return 0;
    chan(I, c)->closed = true;
    return bi_none(I);
}

SimId mq_join_thread(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    int c = queue_of(I, a[0]);
    if (c < 0)
        return 0;
    if (!chan(I, c)->closed)
        return py_not_modelled(I, 0, "join_thread() before close() (its AssertionError shows the queue's repr)"),
               (SimId)0;
    return bi_none(I);
}

SimId mq_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "the repr of a multiprocessing queue or connection (it shows an address)"),
           (SimId)0;
}

/* ---- Pipe and its Connections ---------------------------------------------------- */

static MpConn *conn_of(PyRun *I, SimId c)
{
    PyMp *m = mp_state(I);
    int k = sim_kind(S, c) == SK_INSTANCE ? (int)sim_obj(S, c)->cap - 1 : -1;
    if (k < 0 || k >= m->nconns) {
        py_not_modelled(I, 0, "a Connection method on an object that is not one");
        return NULL;
    }
    return &m->conns[k];
}

static SimId conn_new(PyRun *I, int rd, int wr)
{
    PyMp *m = mp_state(I);
    SimId c = vm_new_instance(I, m->cls_conn, NULL, 0, false);
    if (!c)
        return 0;
    m->conns = xrealloc(m->conns, (size_t)(m->nconns + 1) * sizeof *m->conns);
    m->conns[m->nconns] = (MpConn){rd, wr, false};
    sim_obj(S, c)->cap = (uint32_t)++m->nconns;
    return c;
}

SimId mq_pipe(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId d = n > 0 && bi_npos(I, n, kw) > 0 ? a[0] : bi_kwarg(I, a, n, kw, "duplex");
    int duplex = d ? op_truth(I, d) : 1;
    if (duplex < 0 || in_pool_worker(I))
        return 0;
    mp_unsure(I);
    int x = chan_new(I, 0), y = duplex ? chan_new(I, 0) : -1;
    SimId c1 = duplex ? conn_new(I, x, y) : conn_new(I, x, -1); /* Pipe(False): (reader, writer) */
    SimId c2 = c1 ? (duplex ? conn_new(I, y, x) : conn_new(I, -1, x)) : 0;
    if (!c2) {
        sim_xdecref(S, c1);
        return 0;
    }
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, c1);
    sim_tuple_set(S, t, 1, c2);
    return t;
}

static bool conn_usable(PyRun *I, MpConn *c, bool write)
{
    if (c->closed) {
        py_raise(I, EXC_OSError, "handle is closed");
        return false;
    }
    if (write ? c->wr < 0 : c->rd < 0) {
        py_raise(I, EXC_OSError, write ? "connection is read-only" : "connection is write-only");
        return false;
    }
    return true;
}

SimId mc_send(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    MpConn *c = conn_of(I, a[0]);
    if (!c)
        return 0;
    if (n < 2) {
        py_raise(I, EXC_TypeError, "_ConnectionBase.send() missing 1 required positional argument: 'obj'");
        return 0;
    }
    int wr = c->wr;
    if (!conn_usable(I, c, true) || !chan_send(I, wr, a[1]))
        return 0;
    return bi_none(I);
}

SimId mc_recv(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    MpConn *c = conn_of(I, a[0]);
    if (!c || !conn_usable(I, c, false))
        return 0;
    return chan_take(I, c->rd, true, -1, "Connection.recv()");
}

SimId mc_poll(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId tm = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "timeout");
    MpConn *c = conn_of(I, a[0]);
    if (!c || !conn_usable(I, c, false))
        return 0;
    int rd = c->rd;
    int64_t ps = 0;
    if (tm && !timeout_arg(I, tm, &ps)) /* poll(None): for ever; poll(): 0 */
        return 0;
    MpChan *ch = chan(I, rd);
    if (ps != 0 && (!ch->n || ch->at[0] > I->vs.now) && vs_live_count(&I->vs) > 1)
        return py_not_modelled(I, 0, "Connection.poll() waiting for another process while threads run (the "
                                     "model's clock would move past them)"), (SimId)0;
    if (!ch->n) {
        if (ps < 0 || mp_state(I)->wire)
            return py_not_modelled(I, 0, "Connection.poll() waiting on an empty pipe %s",
                                   mp_state(I)->wire ? "in a child process (what another process sends later "
                                                       "cannot reach it)"
                                                     : "for ever (CPython waits for ever)"),
                   (SimId)0;
        I->vs.now += ps;
        return sim_bool(S, false);
    }
    if (ch->at[0] <= I->vs.now)
        return sim_bool(S, true);
    if (ps >= 0 && ch->at[0] > I->vs.now + ps) {
        I->vs.now += ps;
        return sim_bool(S, false);
    }
    I->vs.now = ch->at[0];
    return sim_bool(S, true);
}

SimId mc_close(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    MpConn *c = conn_of(I, a[0]);
    if (!c)
        return 0;
    c->closed = true;
    return bi_none(I);
}

bool multiprocessing_feeder_refused(PyRun *I)
{
    if (mp_own_threads_refused(I))
        return true;
    if (!I->mp || !I->mp->feeder)
        return false;
    return py_not_modelled(I, 0, "threading's count of threads once a multiprocessing.Queue's put() started "
                                 "its feeder thread (QueueFeederThread)"),
           true;
}

void mq_roots(PyRun *I, SimVisit visit, void *arg)
{
    PyMp *m = I->mp;
    for (int c = 0; m && c < m->nchans; c++)
        for (int k = 0; k < m->chans[c].n; k++)
            visit(S, m->chans[c].items[k], arg);
}

void mq_free(PyRun *I)
{
    PyMp *m = I->mp;
    for (int c = 0; m && c < m->nchans; c++)
        free(m->chans[c].items), free(m->chans[c].at), free(m->chans[c].mine);
    if (m)
        free(m->chans), free(m->conns);
    mj_free(I);
}
