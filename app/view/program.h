/*
 * program: a Python program running on the simulated CPython, stepped like
 * a debugger and recorded so the learner can scrub back.
 *
 * The record is the list of actions applied to the model (a statement, a
 * collector phase) with the output length and a memory sample after each.
 * Going back rebuilds the model and replays the recorded actions: the model
 * is deterministic, and every replayed sample is compared with the recorded
 * one, so what the learner sees on the way back is the record itself (a
 * difference is reported, never hidden).  Going forward over recorded
 * actions replays them; new actions are appended only at the live end.
 */
#ifndef PYDIVE_VIEW_PROGRAM_H
#define PYDIVE_VIEW_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "pyrun/pyrun.h"
#include "sim/gc.h"
#include "sim/profile.h"
#include "sim/sim.h"
#include "view/snapshot.h"

typedef enum ProgAction {
    PROG_STATEMENT, /* run the next statement */
    PROG_GC_PHASE,  /* start, or advance by one phase, a collection of generation 2 */
} ProgAction;

typedef struct Program {
    const SimProfile *prof;
    char *name;          /* the file name shown and given to the traceback */
    Buf source;
    Sim *sim;
    PyRun *run;
    Buf output;          /* stdout and stderr, in the order written (PY_CAPTURE_MAX) */
    bool output_cut;     /* the output went over PY_CAPTURE_MAX */
    bool gc_timing_noted; /* the output says the gc counts depend on the compiler's */
    bool finished;       /* the program ended (and the interpreter shut down) */
    int exit_code;
    int line;            /* line about to run, 0 when finished */
    int last_line;       /* line that ran last */
    /* the record */
    uint8_t *actions;
    size_t *out_len;     /* output length after each action */
    int *lines;          /* line about to run after each action */
    MemSample *samples;  /* memory after each action */
    MemSample *sample_blocks; /* their block maxima (MEM_BLOCK), for the memory chart */
    size_t nactions, cap;
    size_t pos;          /* actions applied to the model now */
    size_t pos_statements; /* PROG_STATEMENT among the first pos actions (program_counts) */
    size_t nstatements;  /* ... among all the record's */
    bool record_ends;    /* one of those left line 0: the record holds the program's end */
    bool diverged;       /* a replay did not match the record */
    /* what changed last */
    uint64_t seen_events;
    int touched_arena, touched_pool;
    uint8_t *arena_seen; /* arenas that were ever mapped, so freed ones still show */
    size_t narena_seen;
    uint32_t *snap_index; /* program_snapshot's scratch: [object id] -> 1 + place, all 0 between calls */
    size_t snap_index_cap;
    uint64_t step_limit; /* bytecode instructions per statement before RuntimeError */
    uint64_t memory_limit; /* the model's address space in bytes; 0 = the default */
} Program;

/* Gives the model an address space of `bytes` (run --memory) and starts over
 * at step 0 with it. */
void program_set_memory(Program *p, uint64_t bytes);
/* Loads a program from a file (false with a message in *err). */
bool program_open(Program *p, const char *path, const SimProfile *prof, Buf *err);
/* Takes a program from memory; `name` is what tracebacks call it. */
void program_init(Program *p, const char *name, const char *src, size_t n,
                  const SimProfile *prof);
void program_fini(Program *p);

/* One action forward (replaying the record when not at its end); false
 * when the program has finished and no collection is being stepped. */
bool program_step(Program *p);
/* One phase of a collection of generation 2, started when none runs. */
bool program_gc_phase(Program *p);
bool program_collecting(const Program *p);
/* Goes to action `pos` of the record (back: rebuild and replay). */
void program_seek(Program *p, size_t pos);
/* Runs to the end (bounded by `max_actions`); returns actions taken. */
size_t program_run(Program *p, size_t max_actions);

/* Where the record stands, for the header: statements are counted apart from
 * the collector phases stepped with c. */
typedef struct ProgCounts {
    size_t step;     /* statements run so far */
    size_t steps;    /* statements in the record */
    bool known_end;  /* the record reached the end, so `steps` is the total */
    size_t phase;    /* collector phases stepped since the last statement */
    long collected;  /* what that collection found once done, else -1 */
} ProgCounts;
void program_counts(const Program *p, ProgCounts *out);

/* A snapshot of the model now, for the views (at most max_objects objects);
 * free it with snapshot_free. */
void program_snapshot(Program *p, HeapSnapshot *out, size_t max_objects);
void snapshot_free(HeapSnapshot *s);
/* One pool up close (arena and pool as numbered by the model); false when it
 * holds no size class.  Free with pool_detail_free. */
bool program_pool_detail(Program *p, uint32_t arena, uint32_t pool, SnapPoolDetail *out);
void pool_detail_free(SnapPoolDetail *d);

#endif
