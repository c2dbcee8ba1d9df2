/*
 * futures_int: what futures.c (Future, waiting, as_completed, wait, the
 * module) and futures_pool.c (ThreadPoolExecutor and its workers) share.
 */
#ifndef PYDIVE_PYRUN_MODULES_FUTURES_INT_H
#define PYDIVE_PYRUN_MODULES_FUTURES_INT_H

#include <stdlib.h>

#include "pyrun/modules/futures.h"
#include "pyrun/modules/threading_int.h"

enum { FS_PENDING, FS_RUNNING, FS_CANCELLED, FS_NOTIFIED, FS_FINISHED, FS_COUNT };

static inline PyFutures *fst(PyRun *I)
{
    if (!I->futures) {
        I->futures = xcalloc(1, sizeof *I->futures);
    }
    return I->futures;
}

/* futures.c */
SimId fut_new(PyRun *I);
int fut_state(PyRun *I, SimId f);
bool fut_done(PyRun *I, SimId f);
/* set_running_or_notify_cancel(): false for a cancelled future */
bool fut_set_running(PyRun *I, SimId f);
/* set_result (exc 0) or set_exception (result 0): references stolen */
bool fut_finish(PyRun *I, SimId f, SimId result, SimId exc);
/* the event scheduler thread t's waits for futures use, cleared, and its
 * registrations gone */
int fut_wait_event(PyRun *I, int t);
void fut_watch(PyRun *I, SimId f, int t);
void fut_unwatch(PyRun *I, int t);
/* f.result() as an iterator yields it: the result's reference or 0 raised */
SimId fut_result_now(PyRun *I, SimId f);
/* Is the running instruction the FOR_ITER over `it` (a for loop's next)? */
bool fut_direct_next(PyRun *I, SimId it);
/* An iterator of futures (as_completed's, map's): a generator to the program */
SimId fut_iter_new(PyRun *I, SimId futures, bool map, const char *qualname);
SimId fut_method(PyRun *I, BuiltinFn fn);
/* A native class with these methods (dict: its instances have a __dict__) */
SimId fut_class(PyRun *I, const char *module, const char *name, const BuiltinFn *fns, const char *const *names,
                int nfns, bool dict);

bool fut_is(PyRun *I, SimId f);

/* futures_wait.c */
extern const char *const fut_when_names[3];
SimId g_next(PyRun *I, SimId *a, int n, SimId kw);
SimId g_iter(PyRun *I, SimId *a, int n, SimId kw);
SimId g_repr(PyRun *I, SimId *a, int n, SimId kw);
SimId m_as_completed(PyRun *I, SimId *a, int n, SimId kw);
SimId m_wait(PyRun *I, SimId *a, int n, SimId kw);

/* futures_pool.c */
extern const BuiltinDef futures_pool_functions[];
extern const int futures_pool_nfunctions;
void futures_pool_init(PyRun *I, SimId d);


#endif
