/*
 * queue: Queue, LifoQueue and PriorityQueue (put, get with block and
 * timeout, put_nowait, get_nowait, task_done, join, qsize, empty, full) and
 * the exceptions Empty and Full, on the VM's threads (vm_threads.c).
 *
 * In CPython Lib/queue.py is Python over threading: a Queue is an instance
 * of a Python class whose __dict__ holds maxsize, queue (a deque; a list for
 * the other two, a heap for PriorityQueue), mutex (a Lock), not_empty,
 * not_full and all_tasks_done (Conditions over the mutex), unfinished_tasks
 * (3.13: is_shutdown).  The model makes those objects with CPython's sizes
 * and references and works on them: the program sees the same attributes
 * and may read them.  A call that must wait parks the thread on the
 * Condition's scheduler queue (sim/vmsched.h) with the mutex released, as
 * Condition.wait does, and its continuation (vm_block_resume) looks again
 * when the thread runs: CPython's `while not self._qsize(): wait()` loop,
 * with the timeout's deadline on the simulated clock.  Lib/queue.py's own
 * allocations are not replayed (the gc counts are refused after it), and a
 * traceback through its frames is refused (registry.c's library marking).
 */
#include <stdio.h>

#include "pyrun/modules/std_import.h"
#include "pyrun/modules/threading_int.h"
#include "sim/deque.h"
#include "sim/vmsched.h"

enum { QK_FIFO, QK_LIFO, QK_PRIO };

static int kind(PyRun *I, SimId self)
{
    SimId t = sim_obj(S, self)->type;
    if (sim_is_subtype(S, t, st(I)->cls[THC_PRIO]))
        return QK_PRIO;
    return sim_is_subtype(S, t, st(I)->cls[THC_LIFO]) ? QK_LIFO : QK_FIFO;
}

static void queue_unsure(PyRun *I)
{
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    I->count_unsure_what = "queue's objects (Lib/queue.py's allocations are not replayed)";
}

/* The attributes a call works on, checked: the container, the mutex's
 * scheduler lock and the Conditions' queues. */
typedef struct Q {
    SimId self, items;
    int mutex, not_empty, not_full, all_done;
} Q;

static bool own_methods(PyRun *I, SimId self)
{
    static const char *const hooks[] = {"_init", "_qsize", "_put", "_get"};
    SimId t = sim_obj(S, self)->type;
    for (int i = 0; i < 4; i++)
        if (sim_type_lookup(S, t, hooks[i]))
            return py_not_modelled(I, 0, "a subclass of queue.Queue with its own %s() (Lib/queue.py calls it; the "
                                         "model keeps the items itself)", hooks[i]);
    return true;
}

static int cond_of(PyRun *I, SimId self, const char *name)
{
    SimId c = get(I, self, name);
    if (!c || sim_kind(S, c) != SK_INSTANCE || sim_obj(S, c)->type != st(I)->cls[THC_COND])
        return -1;
    return word(I, c);
}

static bool load(PyRun *I, SimId self, Q *q)
{
    q->self = self;
    q->items = get(I, self, "queue");
    SimId m = get(I, self, "mutex");
    q->mutex = m && sim_kind(S, m) == SK_INSTANCE && sim_obj(S, m)->type == st(I)->cls[THC_LOCK] ? word(I, m) : -1;
    q->not_empty = cond_of(I, self, "not_empty");
    q->not_full = cond_of(I, self, "not_full");
    q->all_done = cond_of(I, self, "all_tasks_done");
    SimKind want = kind(I, self) == QK_FIFO ? SK_DEQUE : SK_LIST;
    if (!q->items || sim_kind(S, q->items) != want || q->mutex < 0 || q->not_empty < 0 || q->not_full < 0 ||
        q->all_done < 0)
        return py_not_modelled(I, 0, "a Queue whose queue, mutex or conditions the program replaced");
    return own_methods(I, self);
}

static size_t qsize(PyRun *I, const Q *q)
{
    return sim_obj(S, q->items)->len;
}

/* maxsize or unfinished_tasks as a C number */
static bool int_attr(PyRun *I, SimId self, const char *name, int64_t *out)
{
    SimId v = get(I, self, name);
    if (v && (sim_kind(S, v) == SK_INT || sim_kind(S, v) == SK_BOOL) && sim_obj(S, v)->sub != 1) {
        *out = sim_obj(S, v)->v.i;
        return true;
    }
    return py_not_modelled(I, 0, "a Queue whose %s is not an int", name);
}

static void raise_cls(PyRun *I, int which)
{
    vm_raise_value(I, exc_new(I, st(I)->cls[which], 0));
}

/* ---- the heap (Modules/_heapqmodule.c's siftdown and siftup) ---------------- */

/* heap[a] < heap[b]: 1, 0, -1 with the error raised */
static int less(PyRun *I, SimId heap, size_t a, size_t b)
{
    SimId x = sim_items(S, heap)[a], y = sim_items(S, heap)[b];
    sim_incref(S, x), sim_incref(S, y);
    SimId r = op_compare(I, OP_LT, x, y);
    sim_decref(S, x), sim_decref(S, y);
    if (!r)
        return -1;
    int t = op_truth(I, r);
    sim_decref(S, r);
    return t;
}

static void swap(PyRun *I, SimId heap, size_t a, size_t b)
{
    SimId *it = sim_items(S, heap);
    SimId t = it[a];
    it[a] = it[b];
    it[b] = t;
}

static bool siftdown(PyRun *I, SimId heap, size_t start, size_t pos)
{
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        int c = less(I, heap, pos, parent);
        if (c < 0)
            return false;
        if (!c)
            break;
        if (sim_obj(S, heap)->len <= pos)
            return py_raise(I, EXC_RuntimeError, "list changed size during iteration"), false;
        swap(I, heap, parent, pos);
        pos = parent;
    }
    return true;
}

static bool siftup(PyRun *I, SimId heap, size_t pos)
{
    size_t end = sim_obj(S, heap)->len, start = pos, limit = end >> 1;
    while (pos < limit) {
        size_t child = 2 * pos + 1;
        if (child + 1 < end) {
            int c = less(I, heap, child, child + 1);
            if (c < 0)
                return false;
            child += (size_t)(c ^ 1);
            if (sim_obj(S, heap)->len != end)
                return py_raise(I, EXC_RuntimeError, "list changed size during iteration"), false;
        }
        swap(I, heap, pos, child);
        pos = child;
    }
    return siftdown(I, heap, start, pos);
}

/* ---- taking and adding ------------------------------------------------------ */

/* self._put(item) (item's reference stolen), unfinished_tasks += 1,
 * not_empty.notify() */
static bool add(PyRun *I, const Q *q, SimId item)
{
    int k = kind(I, q->self);
    if (k == QK_FIFO) {
        if (!sim_deque_push(S, q->items, item, false))
            return py_no_memory(I), false;
        sim_deque_touch(S, q->items);
    } else {
        sim_list_append(S, q->items, item);
        if (k == QK_PRIO && !siftdown(I, q->items, 0, sim_obj(S, q->items)->len - 1))
            return false;
    }
    int64_t n;
    if (!int_attr(I, q->self, "unfinished_tasks", &n) || !put(I, q->self, "unfinished_tasks", sim_int(S, n + 1)))
        return false;
    vs_cond_notify(&I->vs, q->not_empty, 1);
    return true;
}

/* self._get(), not_full.notify(): the item's reference */
static SimId take(PyRun *I, const Q *q)
{
    int k = kind(I, q->self);
    SimId item;
    if (k == QK_FIFO) {
        item = sim_deque_pop(S, q->items, true);
        sim_deque_touch(S, q->items);
    } else if (k == QK_LIFO) {
        item = sim_list_pop(S, q->items, sim_obj(S, q->items)->len - 1);
    } else { /* heappop */
        SimId last = sim_list_pop(S, q->items, sim_obj(S, q->items)->len - 1);
        if (sim_obj(S, q->items)->len == 0) {
            item = last;
        } else {
            item = sim_items(S, q->items)[0];
            sim_items(S, q->items)[0] = last;
            if (!siftup(I, q->items, 0)) {
                sim_decref(S, item);
                return 0;
            }
        }
    }
    vs_cond_notify(&I->vs, q->not_full, 1);
    return item;
}

/* ---- waiting ---------------------------------------------------------------- */

/* A timeout: -1 for None, else ps (a negative one is CPython's ValueError). */
static bool timeout_of(PyRun *I, SimId v, int64_t *out)
{
    *out = -1;
    if (!v || v == S->none)
        return true;
    SimKind k = sim_kind(S, v);
    double secs;
    if (k == SK_FLOAT)
        secs = sim_obj(S, v)->v.f;
    else if ((k == SK_INT || k == SK_BOOL) && sim_obj(S, v)->sub != 1)
        secs = (double)sim_obj(S, v)->v.i;
    else
        return py_not_modelled(I, 0, "a queue timeout that is not an int or a float");
    if (secs < 0) {
        py_raise(I, EXC_ValueError, "'timeout' must be a non-negative number");
        return false;
    }
    *out = secs * 1e12 > 9e18 ? 9000000000000000000ll : (int64_t)(secs * 1e12);
    return true;
}

/* cond.wait(remaining): the mutex (taken now unless held already, as
 * `with self.not_empty:` holds it) is released for the wait and taken again
 * before fn looks once more (obj stolen); the call returns a placeholder
 * that fn's result replaces */
static bool park(PyRun *I, const Q *q, bool held, int cond, int64_t deadline,
                 int (*fn)(PyRun *, SimId, int64_t, SimId *), SimId obj)
{
    if (!held)
        vs_lock_try(&I->vs, q->mutex);
    vs_cond_wait(&I->vs, cond, q->mutex, deadline == VS_NEVER ? -1 : deadline - I->vs.now);
    vm_block_resume(I, fn, obj, deadline);
    return true;
}

static int failed(PyRun *I)
{
    if (!I->err_library && !I->refused) {
        I->err_library = "queue";
        I->err_library_line = py_current_line(I);
    }
    return VM_RESUME_ERROR;
}

/* The thread holds the mutex again (Condition.wait's end): the call's end
 * releases it (the with block's) */
static int done(PyRun *I, const Q *q, int r)
{
    vs_lock_release(&I->vs, q->mutex);
    return r == VM_RESUME_ERROR ? failed(I) : r;
}

static bool reload(PyRun *I, SimId obj, Q *q)
{
    SimId self = sim_kind(S, obj) == SK_TUPLE ? sim_items(S, obj)[0] : obj;
    if (load(I, self, q))
        return true;
    SimId m = get(I, self, "mutex");
    if (m && sim_kind(S, m) == SK_INSTANCE && sim_obj(S, m)->type == st(I)->cls[THC_LOCK])
        vs_lock_release(&I->vs, word(I, m));
    return false;
}

static int get_again(PyRun *I, SimId obj, int64_t deadline, SimId *result)
{
    Q q;
    if (!reload(I, obj, &q))
        return VM_RESUME_ERROR;
    if (qsize(I, &q)) {
        *result = take(I, &q);
        return done(I, &q, *result ? VM_RESUME_DONE : VM_RESUME_ERROR);
    }
    if (deadline != VS_NEVER && I->vs.now >= deadline)
        return raise_cls(I, THC_QEMPTY), done(I, &q, VM_RESUME_ERROR);
    sim_incref(S, obj);
    park(I, &q, true, q.not_empty, deadline, get_again, obj);
    return VM_RESUME_AGAIN;
}

static int put_again(PyRun *I, SimId obj, int64_t deadline, SimId *result)
{
    Q q;
    int64_t max;
    if (!reload(I, obj, &q))
        return VM_RESUME_ERROR;
    if (!int_attr(I, q.self, "maxsize", &max))
        return done(I, &q, VM_RESUME_ERROR);
    if (max <= 0 || (int64_t)qsize(I, &q) < max) {
        SimId item = sim_items(S, obj)[1];
        sim_incref(S, item);
        if (!add(I, &q, item))
            return done(I, &q, VM_RESUME_ERROR);
        *result = bi_none(I);
        return done(I, &q, VM_RESUME_DONE);
    }
    if (deadline != VS_NEVER && I->vs.now >= deadline)
        return raise_cls(I, THC_QFULL), done(I, &q, VM_RESUME_ERROR);
    sim_incref(S, obj);
    park(I, &q, true, q.not_full, deadline, put_again, obj);
    return VM_RESUME_AGAIN;
}

static int join_again(PyRun *I, SimId obj, int64_t deadline, SimId *result)
{
    (void)deadline;
    Q q;
    int64_t n;
    if (!reload(I, obj, &q))
        return VM_RESUME_ERROR;
    if (!int_attr(I, q.self, "unfinished_tasks", &n))
        return done(I, &q, VM_RESUME_ERROR);
    if (!n) {
        *result = bi_none(I);
        return done(I, &q, VM_RESUME_DONE);
    }
    sim_incref(S, obj);
    park(I, &q, true, q.all_done, VS_NEVER, join_again, obj);
    return VM_RESUME_AGAIN;
}

/* The first wait of a call (obj stolen). */
static SimId wait_then(PyRun *I, const Q *q, int cond, int64_t deadline, const char *what,
                       int (*fn)(PyRun *, SimId, int64_t, SimId *), SimId obj)
{
    if (!thr_can_block(I, what)) {
        sim_decref(S, obj);
        return 0;
    }
    park(I, q, false, cond, deadline, fn, obj);
    return bi_none(I);
}

/* ---- the mutex held by another thread ---------------------------------------- */

/* A waiter that was notified holds the mutex until it runs (the model hands
 * a released lock to its first waiter): a call meanwhile waits for it, as
 * `with self.mutex` does, then runs again from its start. */
static int call_again(PyRun *I, SimId obj, int64_t deadline, SimId *result)
{
    (void)deadline;
    SimId *it = sim_items(S, obj);
    uint32_t n = sim_obj(S, obj)->len;
    const BuiltinDef *d = bi_def(SIM_V(S, it[0], SK_BUILTIN, builtin.index));
    SimId args[4];
    for (uint32_t i = 1; i < n && i <= 4; i++)
        args[i - 1] = it[i];
    SimId r = d->fn(I, args, (int)n - 1, 0); /* with the mutex it was handed */
    SimId m = get(I, it[1], "mutex");
    if (m && sim_kind(S, m) == SK_INSTANCE && I->vs.locks[word(I, m)].owner == I->vs.running)
        vs_lock_release(&I->vs, word(I, m)); /* unless a wait released it */
    if (!r)
        return failed(I);
    if (I->ts->resume) { /* it waits now: r is its placeholder */
        sim_decref(S, r);
        return VM_RESUME_AGAIN;
    }
    *result = r;
    return VM_RESUME_DONE;
}

static SimId method(PyRun *I, BuiltinFn fn);

static bool busy(PyRun *I, const Q *q)
{
    int owner = I->vs.locks[q->mutex].owner;
    return owner >= 0 && owner != I->vs.running;
}

/* args: self and the call's arguments made positional (up to 3) */
static SimId wait_mutex(PyRun *I, const Q *q, BuiltinFn fn, SimId *args, int n, const char *what)
{
    if (!thr_can_block(I, what))
        return 0;
    SimId t = sim_tuple(S, (size_t)n + 1);
    sim_tuple_set(S, t, 0, method(I, fn));
    for (int i = 0; i < n; i++) {
        sim_incref(S, args[i]);
        sim_tuple_set(S, t, (size_t)i + 1, args[i]);
    }
    vs_wait_lock(&I->vs, q->mutex, -1);
    vm_block_resume(I, call_again, t, VS_NEVER);
    return bi_none(I);
}

/* ---- the methods ------------------------------------------------------------ */

static bool block_args(PyRun *I, SimId *a, int n, SimId kw, int first, int *block, int64_t *timeout)
{
    int np = bi_npos(I, n, kw);
    SimId b = np > first ? a[first] : bi_kwarg(I, a, n, kw, "block");
    SimId t = np > first + 1 ? a[first + 1] : bi_kwarg(I, a, n, kw, "timeout");
    *block = b ? op_truth(I, b) : 1;
    if (*block < 0)
        return false;
    *timeout = -1;
    if (*block && t && t != S->none) /* only a blocking call looks at it */
        return timeout_of(I, t, timeout);
    return true;
}

static SimId q_init(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId self = a[0];
    SimId m = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "maxsize");
    if (!own_methods(I, self))
        return 0;
    queue_unsure(I);
    SimId maxsize = m ? m : sim_int(S, 0);
    if (m)
        sim_incref(S, m);
    SimId items = kind(I, self) == QK_FIFO ? sim_deque(S, -1) : sim_list(S, 0);
    SimId mutex = thr_new_lock(I, false);
    if (!put(I, self, "maxsize", maxsize) || !put(I, self, "queue", items) || !mutex ||
        !put(I, self, "mutex", mutex))
        return 0;
    static const char *const conds[] = {"not_empty", "not_full", "all_tasks_done"};
    for (int i = 0; i < 3; i++) {
        sim_incref(S, mutex);
        SimId c = thr_new_condition(I, mutex);
        if (!c || !put(I, self, conds[i], c))
            return 0;
    }
    if (!put(I, self, "unfinished_tasks", sim_int(S, 0)))
        return 0;
    if (S->prof->version >= SIM_V313 && !put(I, self, "is_shutdown", sim_bool(S, false)))
        return 0;
    return bi_none(I);
}

static SimId q_get(PyRun *I, SimId *a, int n, SimId kw)
{
    Q q;
    int block;
    int64_t timeout;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q)) {
        int np = bi_npos(I, n, kw);
        SimId b = np > 1 ? a[1] : bi_kwarg(I, a, n, kw, "block"), t = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "timeout");
        SimId args[3] = {a[0], b ? b : S->true_, t ? t : S->none};
        return wait_mutex(I, &q, q_get, args, 3, "Queue.get()");
    }
    if (!block_args(I, a, n, kw, 1, &block, &timeout))
        return 0;
    if (!qsize(I, &q)) {
        if (!block || timeout == 0) {
            raise_cls(I, THC_QEMPTY);
            return 0;
        }
        sim_incref(S, a[0]);
        return wait_then(I, &q, q.not_empty, timeout < 0 ? VS_NEVER : I->vs.now + timeout, "Queue.get()", get_again,
                         a[0]);
    }
    return take(I, &q);
}

static SimId q_get_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    SimId args[2] = {a[0], S->false_};
    return q_get(I, args, 2, 0);
}

static SimId q_put(PyRun *I, SimId *a, int n, SimId kw)
{
    Q q;
    int block;
    int64_t timeout, max;
    SimId item = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "item");
    if (!item) {
        py_raise(I, EXC_TypeError, "Queue.put() missing 1 required positional argument: 'item'");
        return 0;
    }
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q)) {
        int np = bi_npos(I, n, kw);
        SimId b = np > 2 ? a[2] : bi_kwarg(I, a, n, kw, "block"), t = np > 3 ? a[3] : bi_kwarg(I, a, n, kw, "timeout");
        SimId args[4] = {a[0], item, b ? b : S->true_, t ? t : S->none};
        return wait_mutex(I, &q, q_put, args, 4, "Queue.put()");
    }
    if (!int_attr(I, a[0], "maxsize", &max))
        return 0;
    if (max > 0 && !block_args(I, a, n, kw, 2, &block, &timeout))
        return 0;
    if (max > 0 && (int64_t)qsize(I, &q) >= max) {
        if (!block || timeout == 0) {
            raise_cls(I, THC_QFULL);
            return 0;
        }
        SimId pair = sim_tuple(S, 2);
        sim_incref(S, a[0]), sim_incref(S, item);
        sim_tuple_set(S, pair, 0, a[0]);
        sim_tuple_set(S, pair, 1, item);
        return wait_then(I, &q, q.not_full, timeout < 0 ? VS_NEVER : I->vs.now + timeout, "Queue.put()", put_again,
                         pair);
    }
    sim_incref(S, item);
    return add(I, &q, item) ? bi_none(I) : 0;
}

static SimId q_put_nowait(PyRun *I, SimId *a, int n, SimId kw)
{
    SimId item = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "item");
    if (!item) {
        py_raise(I, EXC_TypeError, "Queue.put_nowait() missing 1 required positional argument: 'item'");
        return 0;
    }
    SimId args[3] = {a[0], item, S->false_};
    return q_put(I, args, 3, 0);
}

static SimId q_task_done(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Q q;
    int64_t left;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q))
        return wait_mutex(I, &q, q_task_done, a, 1, "Queue.task_done()");
    if (!int_attr(I, a[0], "unfinished_tasks", &left))
        return 0;
    if (--left <= 0) {
        if (left < 0) {
            py_raise(I, EXC_ValueError, "task_done() called too many times");
            return 0;
        }
        vs_cond_notify(&I->vs, q.all_done, UINT32_MAX);
    }
    return put(I, a[0], "unfinished_tasks", sim_int(S, left)) ? bi_none(I) : 0;
}

static SimId q_join(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Q q;
    int64_t left;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q))
        return wait_mutex(I, &q, q_join, a, 1, "Queue.join()");
    if (!int_attr(I, a[0], "unfinished_tasks", &left))
        return 0;
    if (!left)
        return bi_none(I);
    sim_incref(S, a[0]);
    return wait_then(I, &q, q.all_done, VS_NEVER, "Queue.join()", join_again, a[0]);
}

static SimId q_qsize(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Q q;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q))
        return wait_mutex(I, &q, q_qsize, a, 1, "Queue.qsize()");
    return sim_int(S, (int64_t)qsize(I, &q));
}

static SimId q_empty(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Q q;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q))
        return wait_mutex(I, &q, q_empty, a, 1, "Queue.empty()");
    return sim_bool(S, qsize(I, &q) == 0);
}

static SimId q_full(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    Q q;
    int64_t max;
    if (!load(I, a[0], &q))
        return 0;
    if (busy(I, &q))
        return wait_mutex(I, &q, q_full, a, 1, "Queue.full()");
    if (!int_attr(I, a[0], "maxsize", &max))
        return 0;
    return sim_bool(S, max > 0 && max <= (int64_t)qsize(I, &q));
}

static SimId q_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "this part of queue"), (SimId)0;
}

static SimId q_shutdown(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "Queue.shutdown() (3.13)"), (SimId)0;
}

#define F(nm, f, ...) BUILTIN(nm, 0, BM_QUEUE, f, __VA_ARGS__)
#define M(nm, f, ...) BUILTIN(nm, SK_INSTANCE, BM_QUEUE, f, __VA_ARGS__)

const BuiltinDef queue_functions[] = {
    F("SimpleQueue", q_refused, .refused = true),
    M("__init__", q_init, .kw = "maxsize"),
    M("put", q_put, .kw = "item block timeout"),
    M("get", q_get, .kw = "block timeout"),
    M("put_nowait", q_put_nowait, .kw = "item"),
    M("get_nowait", q_get_nowait),
    M("task_done", q_task_done),
    M("join", q_join),
    M("qsize", q_qsize),
    M("empty", q_empty),
    M("full", q_full),
    M("shutdown", q_shutdown, .refused = true),
};
const int queue_nfunctions = (int)(sizeof queue_functions / sizeof queue_functions[0]);

/* ---- the module ------------------------------------------------------------- */

static SimId method(PyRun *I, BuiltinFn fn)
{
    for (int i = 0; i < queue_nfunctions; i++)
        if (queue_functions[i].fn == fn)
            return sim_builtin(S, (uint32_t)bi_index_of(&queue_functions[i]), 0);
    return 0;
}

static SimId make(PyRun *I, const char *name, SimId base)
{
    SimId ns = sim_dict(S);
    bi_dict_put(I, ns, "__module__", name_of(I, "queue"));
    if (!base) {
        static const BuiltinFn fns[] = {q_init, q_put, q_get, q_put_nowait, q_get_nowait, q_task_done,
                                        q_join, q_qsize, q_empty, q_full};
        static const char *const names[] = {"__init__", "put", "get", "put_nowait", "get_nowait", "task_done",
                                            "join", "qsize", "empty", "full"};
        for (int i = 0; i < 10; i++)
            bi_dict_put(I, ns, names[i], method(I, fns[i]));
        if (S->prof->version >= SIM_V313)
            bi_dict_put(I, ns, "shutdown", method(I, q_shutdown));
    }
    SimId nm = name_of(I, name);
    sim_incref(S, nm);
    SimId bases = sim_tuple(S, 1);
    SimId b = base ? base : S->type_object;
    sim_incref(S, b);
    sim_tuple_set(S, bases, 0, b);
    SimId mro[2] = {b, S->type_object};
    SimClassSpec spec = {.name = nm, .qualname = nm, .bases = bases, .dict = ns, .best = base, .mro = mro,
                         .nmro = base ? 2 : 1, .add_dict = !base, .add_weak = !base, .layout = 0};
    SimId cls = sim_class_new(S, &spec);
    if (sim_obj(S, cls)->data)
        sim_items(S, cls)[SIM_TY_FLAGS] |= SIM_TYF_NATIVE;
    return cls;
}

static SimId exc_class_in(PyRun *I, const char *module, const char *name)
{
    return exc_subclass_in(I, module, name, exc_class(I, EXC_Exception));
}

void queue_module_init(PyRun *I, SimId d)
{
    if (!module_find(I, "threading", 9)) /* queue imports threading: its classes */
        return;
    PyThreading *t = st(I);
    t->cls[THC_QUEUE] = make(I, "Queue", 0);
    t->cls[THC_LIFO] = make(I, "LifoQueue", t->cls[THC_QUEUE]);
    t->cls[THC_PRIO] = make(I, "PriorityQueue", t->cls[THC_QUEUE]);
    t->cls[THC_QEMPTY] = exc_class_in(I, "_queue", "Empty");
    t->cls[THC_QFULL] = exc_class_in(I, "queue", "Full");
    static const char *const names[] = {"Queue", "LifoQueue", "PriorityQueue", "Empty", "Full"};
    for (int i = 0; i < 5; i++)
        if (t->cls[THC_QUEUE + i]) {
            sim_incref(S, t->cls[THC_QUEUE + i]);
            bi_dict_put(I, d, names[i], t->cls[THC_QUEUE + i]);
        }
}

void queue_on_import(PyRun *I)
{
    std_import(I, STD_THREADING);
    I->std_imported |= STD_BIT(STD_HEAPQ); /* Lib/queue.py imports heapq */
    queue_unsure(I);
}
