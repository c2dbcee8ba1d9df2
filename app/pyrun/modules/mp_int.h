/*
 * mp_int: what modules/multiprocessing.c (the module, Process, Pool) and
 * mp_wire.c (a call run in a forked child, its report) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_MP_INT_H
#define PYDIVE_PYRUN_MODULES_MP_INT_H

#include <string.h>

#include "base/buf.h"
#include "pyrun/builtins.h"
#include "pyrun/types/types.h"

/* One call a child makes: fn(*args) (fn and args borrowed). */
typedef struct MpCall {
    SimId fn;
    SimId *args;
    int nargs;
    SimId kwnames; /* the last len(kwnames) args are keywords, or 0 */
} MpCall;

/* A child's traffic on a Queue or a Pipe (mp_queue.c's channels). */
typedef struct MpChanOp {
    char kind;   /* 'G' an item taken, 'P' one sent, 'D' a JoinableQueue's task_done() */
    int chan;
    int64_t at;  /* 'P', 'D': ps after the child began */
    SimId v;     /* 'P': the item (owned) */
} MpChanOp;

/* What a child did, decoded in the parent. */
typedef struct MpReport {
    MpChanOp *ops;      /* its traffic on the parent's channels, in order */
    int nops;
    Buf out;            /* its stdout and stderr: records of (stream, text) */
    SimId *results;     /* per call: its result (owned), 0 where it did not return */
    int64_t *elapsed;   /* per call: simulated ps it ran */
    int ncalls;         /* calls that returned */
    int exitcode;       /* 0, or a SystemExit's code */
    bool refused;       /* the model refused something in the child: */
    int line;           /*   at this line, */
    char why[200];      /*   for this */
    int exc;            /* an exception ended it: its ExcType + 1 (0 none; -1 one the parent cannot make) */
    char excmsg[200];   /*   str() of it */
    int64_t shared_pages, copied_pages; /* the parent's pages at the fork, those it copied */
} MpReport;

/* Runs the calls one after another in a fork of this process (its heap a
 * copy of the parent's, changed only there), current_process().name being
 * `name`; false when no child could be started (rep untouched).  The
 * results come back as pickle would bring them (None, bool, int, float,
 * str, tuple, list, dict; anything else refused in the child). */
bool mp_run_child(PyRun *I, const char *name, const MpCall *calls, int ncalls, MpReport *rep);
/* pickle's round trip as the model carries values (mp_wire.c): v's
 * encoding appended (false: refused), and one decoded (0: a bad record) */
bool mp_encode(PyRun *I, SimId v, Buf *b, int depth);
SimId mp_decode(PyRun *I, const char **p, const char *end);
/* A native class of the module's methods (with __dict__ and weakrefs). */
SimId mp_class(PyRun *I, const char *module, const char *name, const char *const *mnames, const BuiltinFn *fns,
               int nm);
/* One fork's cost to the parent and a message's through a pipe (ps). */
#define MP_FORK_PS (2000000000LL)
#define MP_IPC_PS (30000000LL)
/* mp_exec.c: ProcessPoolExecutor, for concurrent.futures's dict (a new reference) */
SimId mp_executor_class(PyRun *I);
SimId ex_init(PyRun *I, SimId *a, int n, SimId kw);
SimId ex_submit(PyRun *I, SimId *a, int n, SimId kw);
SimId ex_map(PyRun *I, SimId *a, int n, SimId kw);
SimId ex_shutdown(PyRun *I, SimId *a, int n, SimId kw);
SimId ex_enter(PyRun *I, SimId *a, int n, SimId kw);
SimId ex_exit(PyRun *I, SimId *a, int n, SimId kw);
/* multiprocessing.c: the child's refusal in the parent, or its exception
 * (raise_exc: raised again, as Pool does; else refused); false when either */
bool mp_report_ok(PyRun *I, const MpReport *rep, bool raise_exc);
/* mp_pool.c: Pool's methods */
SimId po_init(PyRun *I, SimId *a, int n, SimId kw);
SimId po_map(PyRun *I, SimId *a, int n, SimId kw);
SimId po_starmap(PyRun *I, SimId *a, int n, SimId kw);
SimId po_apply(PyRun *I, SimId *a, int n, SimId kw);
SimId po_close(PyRun *I, SimId *a, int n, SimId kw);
SimId po_terminate(PyRun *I, SimId *a, int n, SimId kw);
SimId po_join(PyRun *I, SimId *a, int n, SimId kw);
SimId po_enter(PyRun *I, SimId *a, int n, SimId kw);
SimId po_exit(PyRun *I, SimId *a, int n, SimId kw);
SimId po_refused(PyRun *I, SimId *a, int n, SimId kw);
/* Threads of multiprocessing's own that CPython counts in threading's
 * active_count() and enumerate(): a Pool's handlers, a used
 * ProcessPoolExecutor's manager and feeder (false: refused) */
bool mp_own_threads_refused(PyRun *I);
/* Writes the child's output where the parent's goes. */
void mp_replay_output(PyRun *I, const MpReport *rep);
void mp_report_fini(PyRun *I, MpReport *rep);

/* The module's state (I->mp). */
typedef struct PyMp {
    SimId cls_process, cls_pool; /* the classes (owned) */
    SimId main;                  /* current_process() in the main process (owned) */
    SimId current;               /* in a child: its Process object (borrowed), else 0 */
    char current_name[64];       /* in a pool's worker: its name, else "" */
    int counter;                 /* process._children's counter: the next "Process-N" */
    int64_t *core_free;          /* per simulated core: when it is free (ps) */
    int ncores;
    struct MpProc *procs;        /* each Process's record, by the number in its spare word */
    int nprocs;
    SimId cls_executor;          /* concurrent.futures.ProcessPoolExecutor (owned), 0 until made */
    Buf *wire;                   /* in a child: its report, where its channel traffic goes */
    int64_t child_t0;            /* in a child: the clock when it began */
    struct MpChan *chans;        /* Queues' and Pipes' items (mp_queue.c) */
    int nchans;
    struct MpConn *conns;        /* a Pipe's ends: the channel each reads and writes */
    int nconns;
    bool feeder;                 /* a Queue's put started its feeder thread in this process */
    SimId cls_queue, cls_simpleq, cls_conn; /* owned, 0 until made */
    struct MpExec {              /* each executor's record, by the number in its spare word */
        int64_t *busy;           /*   per worker: when it is free (ps) */
        int k, ntasks, first;    /*   its workers, the tasks submitted, its first worker's number */
        int64_t end;             /*   when the last task is back */
        bool shutdown;
        bool used;               /*   a task submitted: its manager and feeder threads started */
        bool joined;             /*   shutdown(wait=True): they ended */
    } *execs;
    int nexecs;
    struct MpJoin *joins;        /* per channel: a JoinableQueue's ledger (mp_joinq.c) */
    int njoins;
    SimId cls_joinq;             /* JoinableQueue (owned), 0 until made */
    SimId *live_pools;           /* Pools whose three handler threads run (borrowed: compared only) */
    int nlive_pools;
} PyMp;

PyMp *mp_state(PyRun *I);
/* Runs the calls on k worker processes named prefix-base, prefix-base+1
 * ..., chunks of `chunk` calls dealt round-robin, each worker a child that
 * runs its calls in order: the results in order (a new list), *end the
 * simulated time the last one is back (the clock not moved), or 0 (raised:
 * a task's exception again; or refused). */
SimId mp_pool_run(PyRun *I, int k, int base, const char *prefix, const MpCall *calls, int ncalls, int chunk,
                  int64_t *end);

/* mp_queue.c: Queue, SimpleQueue, Pipe and its Connections; a child's
 * traffic applied to the parent's channels (t0: when the child began) */
SimId mq_queue(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_simple_queue(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_pipe(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_put(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_put_nowait(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_get(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_get_nowait(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_qsize(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_empty(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_full(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_close(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_join_thread(PyRun *I, SimId *a, int n, SimId kw);
SimId mc_send(PyRun *I, SimId *a, int n, SimId kw);
SimId mc_recv(PyRun *I, SimId *a, int n, SimId kw);
SimId mc_poll(PyRun *I, SimId *a, int n, SimId kw);
SimId mc_close(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_refused(PyRun *I, SimId *a, int n, SimId kw);
void mq_apply(PyRun *I, const MpReport *rep, int64_t t0);
/* the channel of a Queue (q's own), -1 refused */
int mq_chan_of(PyRun *I, SimId q);
/* In a child: a record of its traffic on channel c into its report (mp_wire.c's
 * 'G', 'P', 'D'), with the simulated time since it began unless tag is 'G';
 * false in the parent (nothing written) */
bool mq_wire_op(PyRun *I, char tag, int c);
/* mp_joinq.c: JoinableQueue's __init__, task_done and join; is channel c
 * one's; a put (+1) or task_done (-1) at `at` in its ledger; the ledger
 * never below zero (false: refused) */
SimId mq_joinable_queue(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_task_done(PyRun *I, SimId *a, int n, SimId kw);
SimId mq_join(PyRun *I, SimId *a, int n, SimId kw);
bool mj_is(PyRun *I, int c);
void mj_count(PyRun *I, int c, int64_t at, int delta);
bool mj_consistent(PyRun *I, int c);
void mj_free(PyRun *I);
void mq_forked(PyRun *I); /* in a child as it begins */
void mq_roots(PyRun *I, SimVisit visit, void *arg);
void mq_free(PyRun *I);

/* ---- small helpers of the module's files ---- */
#define MP_S (I->sim)
static inline SimId mp_name(PyRun *I, const char *s) { return sim_str_intern(MP_S, s, strlen(s)); }

static inline bool mp_put(PyRun *I, SimId obj, const char *name, SimId v)
{
    SimId k = mp_name(I, name);
    bool ok = attr_set(I, obj, k, v);
    sim_decref(MP_S, k);
    sim_decref(MP_S, v);
    return ok;
}

static inline SimId mp_get(PyRun *I, SimId obj, const char *name)
{
    SimId k = mp_name(I, name);
    SimId v = sim_attr_get(MP_S, obj, k);
    sim_decref(MP_S, k);
    return v;
}

static inline void mp_unsure(PyRun *I)
{
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    I->count_unsure_what = "multiprocessing's objects (Lib/multiprocessing's allocations are not replayed)";
}

static inline bool mp_threads_run(PyRun *I, const char *what)
{
    if (vs_live_count(&I->vs) <= 1)
        return false;
    py_not_modelled(I, 0, "%s while threads run (the model forks only a program with one thread)", what);
    return true;
}


#endif
