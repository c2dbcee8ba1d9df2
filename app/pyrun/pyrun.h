/*
 * pyrun: a small Python that runs on the simulated CPython (app/sim).
 *
 * py_new compiles a program; py_step runs it one statement at a time (the
 * way a debugger steps, entering calls), py_run runs it to the end.  Every
 * value is a sim object, so a screen can read the heap (sim/stats.h,
 * sim/gc.h, the event ring of sim/sim.h) between steps.  Program output
 * goes through the PyOutFn the host gives: stream 1 is stdout, 2 stderr.
 * Errors read as CPython's: the traceback ends with a line like
 * "NameError: name 'y' is not defined" and the exit code is 1.
 */
#ifndef PYDIVE_PYRUN_PYRUN_H
#define PYDIVE_PYRUN_PYRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <stdint.h>

#include "base/buf.h"
#include "sim/sim.h"

typedef struct PyRun PyRun;

typedef void (*PyOutFn)(void *ctx, int stream, const char *text, size_t n);

/* What a host that keeps a program's output in memory keeps of each stream
 * (buf_add_capped): `while True: print("x" * 10000)` must not exhaust it. */
#define PY_CAPTURE_MAX ((size_t)1 << 20)

typedef enum PyStatus {
    PY_PAUSED,   /* stopped before the next statement (py_step) */
    PY_DONE,     /* the program ended normally */
    PY_FAILED    /* a syntax error or an uncaught exception; traceback written */
} PyStatus;

/* Compiles `src` (not copied: it must outlive the run) for the heap `sim`.
 * A syntax error is reported at the first py_step/py_run. */
PyRun *py_new(Sim *sim, const char *src, size_t n, const char *filename, PyOutFn out,
              void *out_ctx);
void py_free(PyRun *r);

/* Runs until the next statement starts (in any function) or the end. */
PyStatus py_step(PyRun *r);
/* Runs to the end, then tears the module down as CPython does at exit. */
PyStatus py_run(PyRun *r);
/* The interpreter-exit part alone (clears __main__, final collection);
 * py_run calls it, a stepping screen calls it after PY_DONE/PY_FAILED. */
void py_finalize(PyRun *r);

/* Stops a runaway program: after `steps` bytecode instructions the run
 * raises RuntimeError (0 = no limit, the default). */
void py_set_step_limit(PyRun *r, uint64_t steps);
/* The simulated machine's cores, on which --python 3.13t runs threads at
 * once (default PY_DEFAULT_CORES: the machine the costs were measured on). */
#define PY_DEFAULT_CORES 2
void py_set_cores(PyRun *r, int n);
/* Bytecode instructions run so far. */
uint64_t py_steps(const PyRun *r);

/* Lets the caller stop a run from outside (a signal handler): while *flag is
 * PY_STOP_INTERRUPT the next instruction raises KeyboardInterrupt, as
 * CPython does on Ctrl-C (the flag is then cleared, so a handler may go on);
 * PY_STOP_TIMEOUT raises RuntimeError at every instruction until the run
 * ends.  NULL removes it. */
enum { PY_STOP_NONE, PY_STOP_INTERRUPT, PY_STOP_TIMEOUT };
void py_set_stop_flag(PyRun *r, volatile sig_atomic_t *flag);

/* True when the run ended on an uncaught KeyboardInterrupt. */
bool py_interrupted(const PyRun *r);
/* 0; 1 after an uncaught exception or a syntax error; PY_EXIT_REFUSED (3,
 * pyrun/refuse.h) when the program uses what the model does not run. */
int py_exit_code(const PyRun *r);

/* Parses `src` under the grammar of `sim`'s profile and runs nothing:
 * 0 for valid Python, else 1 with CPython's SyntaxError report appended
 * to `report`.  What the model would refuse to run still counts as valid. */
int py_check(const char *src, size_t n, const char *filename, const Sim *sim, Buf *report);
/* True when the run stopped at a construct the model does not have
 * (compiling or running: a module, a builtin, an attribute, a keyword). */
bool py_refused(const PyRun *r);
/* Appends the list of what the model has and refuses, in Markdown
 * (docs/MODELLED.md is its output). */
void py_modelled_text(Buf *out);
int py_current_line(const PyRun *r);  /* line about to run; 0 when finished */
int py_depth(const PyRun *r);         /* active frames, 1 = module level */
/* Name of the function running in frame i (0 = module); borrowed text. */
const char *py_frame_name(const PyRun *r, int i);
SimId py_globals(const PyRun *r);     /* the __main__ dict, borrowed */
/* The threads' scheduler (the simulated clock, the GIL, the lane log the
 * threads view draws); borrowed. */
const struct VmSched *py_vmsched(const PyRun *r);
/* The asyncio loop's record of its tasks (the loop view), or NULL before
 * asyncio is imported; borrowed. */
const struct LoopLog *py_looplog(const PyRun *r);
/* sim_audit with the interpreter's roots (roots.c): true when every refcount
 * and allocator total recounts to what the model claims; else the
 * differences are appended to report. */
bool py_audit(PyRun *r, Buf *report);

#endif
