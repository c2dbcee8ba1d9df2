/*
 * threading: the module's state the VM's thread switching needs (the Thread
 * objects of the threads that run, their classes) — modules/threading.c
 * makes them, vm_threads.c starts and ends the threads.
 */
#ifndef PYDIVE_PYRUN_MODULES_THREADING_H
#define PYDIVE_PYRUN_MODULES_THREADING_H

#include "pyrun/interp.h"

enum { THC_THREAD, THC_MAIN, THC_LOCK, THC_RLOCK, THC_EVENT, THC_COND, THC_SEM, THC_BSEM, THC_TIMER, THC_BARRIER, THC_BROKEN,
       /* queue.c's */
       THC_QUEUE, THC_LIFO, THC_PRIO, THC_QEMPTY, THC_QFULL, THC_COUNT };

typedef struct PyThreading {
    SimId cls[THC_COUNT];  /* the classes (owned) */
    SimId *objs;           /* per scheduler thread: its Thread object while it is alive
                            * (threading._active's reference, owned), else 0 */
    int nobjs;
    int counter;           /* threading._counter: the next "Thread-N" */
} PyThreading;

/* The Thread object of scheduler thread t (borrowed), 0 when none. */
SimId threading_obj(PyRun *I, int t);
/* Thread t ended: its Thread object shows it stopped and leaves _active
 * (own_run: Thread.run ran, whose finally deletes _target, _args, _kwargs). */
void threading_thread_ended(PyRun *I, int t, bool own_run);
/* What a new thread runs: the callable and its arguments (new references:
 * *args an owned array of *nargs, *kwnames a tuple or 0). */
SimId threading_boot_call(PyRun *I, int t, SimId **args, int *nargs, SimId *kwnames, bool *own_run);
/* Is cls one of the module's classes? */
bool threading_owns(PyRun *I, SimId cls);
/* References the module's state holds (for the audit). */
void threading_roots(PyRun *I, SimVisit visit, void *arg);
void threading_free(PyRun *I);

#endif
