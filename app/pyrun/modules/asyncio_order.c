/*
 * asyncio_order: the tasks asyncio.as_completed() makes from coroutines.
 * CPython makes them from set(fs), in the order of the coroutines'
 * addresses, which the program does not decide: their Task-N names and the
 * order of their first steps (all in the loop's next turn, one after the
 * other) follow it.  The model makes them in the order given and runs them
 * when no order could print otherwise:
 *
 *  - a name of theirs is never read (get_name, repr: refused, FW_HIDDEN);
 *  - their first steps do nothing another could see: while one runs, a
 *    built-in call outside a short list of pure ones (len, str, round,
 *    math, the clocks, asyncio.sleep ...) and a store to a global, an
 *    attribute or an item are refused at their line (output, a shared
 *    list's append, random's state, a Lock or a Queue all show the order);
 *  - each first step ends on a sleep with a timer, a bare yield or the
 *    coroutine's end, and their wake-ups keep one order whatever the order
 *    of the steps: the timers' times apart by more than the steps took
 *    (each step moves the clock), and at most one wakes at the next turn.
 *    Otherwise the run is refused at as_completed()'s line once the last
 *    of those steps has run, before anything else runs.
 *
 * Not looked at: a shared iterator advanced by a `for` in such a step, and
 * a list grown through a local name with +=.
 */
#include <stdio.h>
#include <stdlib.h>

#include "pyrun/modules/asyncio_int.h"

typedef struct AioOrder {
    int line;        /* as_completed()'s */
    size_t left;     /* tasks whose first step has not run */
    size_t made;     /* how many */
    bool started;    /* the first of those steps has begun */
    int64_t t0;      /* the clock when it began */
    int64_t *when;   /* each step's wake-up: a timer's time, or -1: the next turn */
    size_t nwhen, capwhen;
} AioOrder;

static AioOrder *state(PyRun *I)
{
    PyAsyncio *A = aio(I);
    if (!A->order)
        A->order = xcalloc(1, sizeof *A->order);
    return A->order;
}

static const char *const pure_builtins[] = {
    "len", "abs", "min", "max", "sum", "round", "repr", "format", "isinstance", "issubclass", "divmod", "pow",
    "chr", "ord", "hex", "bin", "oct", "callable", "hasattr", "getattr", "any", "all", "sorted", "reversed",
    "enumerate", "zip", "range", "str", "int", "float", "bool", "tuple", "list", "dict", "set", "frozenset"};
static const char *const pure_dict[] = {"get", "keys", "values", "items", "copy", "__getitem__", "__contains__"};
static const char *const pure_list[] = {"index", "count", "copy", "__getitem__", "__contains__"};
static const char *const pure_time[] = {"perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "time",
                                        "time_ns"};
static const char *const pure_asyncio[] = {"sleep", "current_task", "get_running_loop", "time", "done",
                                           "cancelled"};

static bool listed(const char *name, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, names[i]) == 0)
            return true;
    return false;
}
#define LISTED(name, arr) listed(name, arr, sizeof arr / sizeof arr[0])

static bool pure(const BuiltinDef *d)
{
    switch (d->owner) {
    case SK_STR: case SK_BYTES: case SK_INT: case SK_FLOAT: case SK_BOOL: case SK_TUPLE:
        return true;
    case SK_DICT:
        return LISTED(d->name, pure_dict);
    case SK_LIST:
        return LISTED(d->name, pure_list);
    default:
        break;
    }
    switch (d->module) {
    case BM_BUILTINS:
        return !d->owner && LISTED(d->name, pure_builtins);
    case BM_MATH:
        return true;
    case BM_TIME:
        return LISTED(d->name, pure_time);
    case BM_ASYNCIO:
        return LISTED(d->name, pure_asyncio);
    default:
        return false;
    }
}

static bool watch(PyRun *I, const BuiltinDef *d)
{
    if (d && pure(d))
        return true;
    I->order_watch = NULL; /* the refusal's own output is not watched */
    char what[96];
    if (d)
        snprintf(what, sizeof what, "calling %s()", d->name);
    else
        snprintf(what, sizeof what, "a store to a global, an attribute or an item");
    return py_not_modelled(I, 0, "%s in the first step of a task asyncio.as_completed() made from a coroutine "
                                 "(CPython makes those tasks and runs their first steps in the order of a set, "
                                 "by address)",
                           what);
}

bool aio_order_begin(PyRun *I, const SimId *tasks, size_t n)
{
    AioOrder *o = state(I);
    if (o->left)
        return py_not_modelled(I, 0, "a second asyncio.as_completed() of several coroutines before the first "
                                     "one's tasks have started");
    o->line = py_current_line(I);
    o->left = o->made = n;
    o->started = false;
    o->nwhen = 0;
    for (size_t i = 0; i < n; i++)
        fw_set(I, tasks[i], fw(I, tasks[i]) | FW_HIDDEN | FW_FIRST);
    return true;
}

void aio_order_enter(PyRun *I)
{
    AioOrder *o = state(I);
    if (!o->started) {
        o->started = true;
        o->t0 = I->vs.now;
    }
    I->order_watch = watch;
}

/* the live timer whose item runs on a: its time, or -1 */
static int64_t timer_when(PyRun *I, SimId a)
{
    PyAsyncio *A = aio(I);
    for (size_t i = 0; i < A->ntimers; i++)
        if (A->timers[i].it.a == a && !A->timers[i].cancelled)
            return A->timers[i].when;
    return -1;
}

static int cmp_when(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* The last of the first steps has run: do the wake-ups keep one order? */
static bool settled(PyRun *I, AioOrder *o)
{
    int64_t span = I->vs.now - o->t0;
    size_t next_turn = 0;
    for (size_t i = 0; i < o->nwhen; i++)
        next_turn += o->when[i] < 0;
    qsort(o->when, o->nwhen, sizeof *o->when, cmp_when);
    bool apart = true;
    for (size_t i = next_turn + 1; i < o->nwhen; i++)
        if (o->when[i] - o->when[i - 1] <= span)
            apart = false;
    if (next_turn <= 1 && apart)
        return true;
    return py_not_modelled(I, o->line,
                           "asyncio.as_completed() of %zu coroutines that %s (CPython makes their tasks and runs "
                           "them in the order of a set, by address)",
                           o->made, next_turn > 1 ? "go on at the same turn after their first step"
                                                  : "sleep until times closer than their first steps took");
}

/* Where the task's first step left it: r what it yielded (0: it ended) */
bool aio_order_leave(PyRun *I, SimId task, SimId r)
{
    AioOrder *o = state(I);
    I->order_watch = NULL;
    fw_set(I, task, fw(I, task) & ~FW_FIRST);
    if (o->left)
        o->left--;
    if (I->refused)
        return true; /* the step's own refusal stops the run */
    int64_t when = -1;
    if (r && r != S->none) {
        when = -2;
        if (aio_is_class(I, r, AC_SLEEP) && fstate(I, r) == FS_PENDING)
            when = timer_when(I, r);
        if (when < 0)
            return py_not_modelled(I, 0, "a task asyncio.as_completed() made from a coroutine that first awaits "
                                         "something other than asyncio.sleep() (CPython makes those tasks and "
                                         "runs their first steps in the order of a set, by address)");
    }
    o->when = xgrow(o->when, &o->capwhen, o->nwhen + 1, sizeof *o->when);
    o->when[o->nwhen++] = when;
    return o->left ? true : settled(I, o);
}

bool aio_order_hidden_name(PyRun *I, SimId task, const char *what)
{
    if (!aio_is_class(I, task, AC_TASK) || !(fw(I, task) & FW_HIDDEN))
        return false;
    py_not_modelled(I, 0, "%s of a task asyncio.as_completed() made from a coroutine (CPython numbers those "
                          "Task-N in the order of a set, by address)",
                    what);
    return true;
}

void aio_order_free(PyRun *I)
{
    PyAsyncio *A = I->asyncio;
    if (!A || !A->order)
        return;
    free(A->order->when);
    free(A->order);
    A->order = NULL;
}
