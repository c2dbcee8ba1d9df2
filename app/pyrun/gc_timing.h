/*
 * gc_timing: checks whether a program's output depends on the moment of
 * CPython's first automatic collection, which the model cannot know (the
 * count CPython's compiler leaves; see gc_timing.c).
 *
 * A host that runs a program to the end keeps what it prints in a GcCapture
 * (printing as it goes until py_gc_timing_exposed() turns true, holding the
 * rest); at the end, if the run was sensitive, gc_timing_divergence() re-runs
 * the program from the other counts CPython may have started from and says
 * where their outputs first differ.  The host prints the part every run
 * agrees on and then refuses at gc_capture_line_at() that offset.
 */
#ifndef PYDIVE_PYRUN_GC_TIMING_H
#define PYDIVE_PYRUN_GC_TIMING_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "pyrun/pyrun.h"
#include "sim/profile.h"

typedef struct GcChunk {
    size_t at, len; /* in GcCapture.bytes: a stream byte (\1 or \2), then the text */
    int stream, line;
} GcChunk;

typedef struct GcCapture {
    Buf bytes;
    GcChunk *chunks;
    size_t n, cap;
    bool overflow; /* past the cap: compared as different */
} GcCapture;

void gc_capture_add(GcCapture *c, int stream, const char *text, size_t n, int line);
void gc_capture_fini(GcCapture *c);
/* The program line that printed the byte at `at`. */
int gc_capture_line_at(const GcCapture *c, long at);

typedef struct GcTimingSpec {
    const SimProfile *prof;
    const char *src, *filename;
    size_t srclen;
    uint64_t memory_limit, step_limit;
    volatile sig_atomic_t *stop;
    int slack; /* py_gc_slack() of the reference run */
} GcTimingSpec;

/* True when an automatic collection could have run, or gc.get_count() was
 * read, before the program pinned the young count. */
bool py_gc_timing_exposed(const PyRun *r);
/* True when what the exposed run printed may depend on when the automatic
 * collections ran: one found garbage, the program read the collector's state
 * (counts, tracking, referrers, callbacks), or garbage made meanwhile was
 * still there at the end.  Only such a run needs gc_timing_divergence(). */
bool py_gc_timing_sensitive(const PyRun *r);
/* Notes a call that reads what the collections' moments change. */
struct BuiltinDef;
void gc_timing_call(PyRun *r, const struct BuiltinDef *d);
/* Is the running built-in's result dropped (an expression statement)? */
bool gc_result_dropped(PyRun *r);
/* Does what the program does next with the running gc.collect()'s result
 * (called by a CALL with `nargs` arguments at `args`) give the same for
 * every value from `lower` up: dropped, or compared with an int constant
 * the bound decides (`> k`, `>= k`, `== k`, `!= k`)? */
bool gc_result_settled(PyRun *r, const SimId *args, int nargs, long lower);
/* How far above the model's start count CPython's may lie for this module. */
int py_gc_slack(const PyRun *r);
/* Moves the young count (a variant's start). */
void py_shift_gc_count(PyRun *r, int by);

/* Byte offset in `ref` where some variant's output first departs from it
 * (its length when only the exit code differs); -1 when all agree; -2 when
 * a re-run was stopped (Ctrl-C, --timeout) and nothing can be said. */
long gc_timing_divergence(const GcTimingSpec *spec, const GcCapture *ref, int ref_exit);
/* The refusal's phrase, for "pydive: line N: <phrase>". */
const char *gc_timing_refusal(void);

#endif
