/*
 * jobs: runs n independent jobs, several at once in child processes when
 * the machine has the cores, and gives back what each one produced.
 *
 * A job is a function of its index that writes its result into a Buf.  The
 * children share nothing with each other or the parent after fork(): each
 * computes from the parent's memory as it was, sends its Buf through a pipe
 * and exits.  Where fork() is not available or fails, the remaining jobs run
 * one after the other in this process, with the same results.
 */
#ifndef PYDIVE_BASE_JOBS_H
#define PYDIVE_BASE_JOBS_H

#include <signal.h>
#include <stdbool.h>

#include "base/buf.h"

typedef void (*JobFn)(void *ctx, int index, Buf *out);

/* How many jobs may run at once here: the online cores, from 1 to 4. */
int jobs_workers(void);

/* Runs jobs 0..n-1, at most `workers` at a time, each result in outs[i]
 * (zero-initialised by the caller).  False when *stop turned nonzero
 * before all were done (the children are then killed and the outs are
 * incomplete). */
bool jobs_run(int n, int workers, JobFn fn, void *ctx, Buf *outs, volatile sig_atomic_t *stop);

/* Runs job `index` alone in a child process (a fork: it computes from this
 * process's memory as it was and changes nothing here), what it wrote in
 * out.  False when no child could be started or it did not exit cleanly:
 * the job never runs in this process. */
bool jobs_fork_one(JobFn fn, void *ctx, int index, Buf *out);

#endif
