/*
 * api_sim: a Python program run on the model, and the Lua table `run`
 * through which exercise scripts read it (docs/EXERCISES.md section 8).
 *
 * A SimRun owns one simulated heap and one interpreter.  It runs a program
 * to a chosen line or to its end *without* the interpreter's teardown, so
 * the heap the program left (globals, cycles, arenas) is still there to be
 * read.  api_sim_register puts the table `run` into a sandbox; api_sim_bind
 * makes a SimRun the one its functions read (and refreshes its data fields:
 * stdout, exit, error, line, finished).  With no run bound, every function
 * of `run` raises "run: no program has run yet".
 *
 * This header has no Lua types: the engine (exrun.h) and the tests use it.
 */
#ifndef PYDIVE_SCRIPT_API_SIM_H
#define PYDIVE_SCRIPT_API_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "pyrun/pyrun.h"
#include "script/sandbox.h"
#include "sim/profile.h"
#include "sim/sim.h"

/* Bytecode instructions a program may run before RuntimeError: far above
 * any teaching program, low enough that a runaway loop ends in a second. */
#define SIMRUN_STEP_LIMIT 50000000u

/* The version exercises run on unless told otherwise: the course's reference. */
#define SIMRUN_DEFAULT_VERSION "3.11"

typedef struct SimRun {
    const SimProfile *prof;
    char *src;           /* owned copy of the program (pyrun does not copy) */
    size_t len;
    Sim *sim;
    PyRun *py;
    Buf out, err;        /* what the program wrote on stdout and stderr, each cut at
                            PY_CAPTURE_MAX with a line that says so */
    bool out_cut, err_cut;
    bool finished;       /* the program ended (the interpreter is not torn down) */
    int exit_code;       /* 0, or 1 after an uncaught exception; valid when finished */
    int line;            /* the line about to run; 0 when finished */
    int nlines;          /* lines of the program */
    uint64_t arenas_start;  /* arenas mapped when the program's first line ran */
    uint64_t *arenas_at;    /* [line]: arenas the last time `line` was about to run,
                               UINT64_MAX = never reached */
    uint64_t arenas_peak;   /* most arenas mapped at any statement boundary */
    /* scratch for the bindings, kept here so nothing malloc'ed is held in a
     * local across a Lua call (sandbox_lua.h) */
    uint32_t *scratch;
    size_t scratch_cap;
    const char **names;  /* type names for cycles(), borrowed from the heap */
    uint64_t *counts;
    size_t names_cap;
    /* the cyclic garbage is computed once per state of the heap: a step of
     * the program or run.collect() forgets it, so a check that asks in a
     * loop pays O(heap) once (issue 20) */
    bool garbage_known;  /* scratch marks and `garbage` describe the heap now */
    size_t garbage;
    size_t ntypes;       /* names/counts in use; SIZE_MAX until counted */
} SimRun;

/* Compiles `src` (copied) for a fresh heap of Python `version` (NULL: 3.11);
 * false with a message in *err when the version is unknown.  The run is
 * paused before its first line. */
bool simrun_start(SimRun *r, const char *src, size_t len, const char *filename,
                  const char *version, Buf *err);
/* Runs until the program is about to run `line` (now included), or ends.
 * True when it stopped at `line`. */
bool simrun_run_to_line(SimRun *r, int line);
/* Runs to the end of the program, leaving the heap as the program left it. */
void simrun_finish(SimRun *r);
void simrun_fini(SimRun *r);
/* The last line of stderr (the traceback's "NameError: ..."), or "" */
void simrun_error_line(const SimRun *r, Buf *out);

/* What the bindings compute, exposed for the engine and the tests. */
uint64_t simrun_arenas(const SimRun *r);
/* Tracked objects only the cyclic collector could free (a full collection
 * of generations 0-2, computed without changing the heap).  Remembered
 * until the heap changes (simrun_heap_changed). */
size_t simrun_cyclic_garbage(SimRun *r);
/* Forgets what was computed from the heap: call after anything changes it. */
void simrun_heap_changed(SimRun *r);
/* Objects in the heap's table: the size of one pass over the heap, the unit
 * the O(heap) bindings charge to the sandbox (sandbox_charge). */
size_t simrun_heap_size(const SimRun *r);
/* The object a global name is bound to (borrowed), or 0. */
SimId simrun_global(const SimRun *r, const char *name);

/* Adds the table `run` to the sandbox's globals. */
bool api_sim_register(Sandbox *sb, SandboxResult *res);
/* Makes `run` the run the bindings read (NULL: none) and sets its data fields. */
bool api_sim_bind(Sandbox *sb, SimRun *run, SandboxResult *res);

#endif
