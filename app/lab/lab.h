/*
 * lab: a model other than the small Python, driven by a program of one
 * directive per line: the GIL scheduler (chapter 3), the C API's ownership
 * rules (4), the event loop (5), the ecosystem flywheel (6).  An exercise
 * names its lab with `model = "gil"` and writes its program in that lab's
 * language; `pydive lab FILE --model NAME` runs one from the command line.
 *
 * A lab reads the whole program first (every problem "file:line:col: error:
 * what was expected" in a DiagList, nothing run), then runs it line by line
 * as the small Python does: lab_line() is the line about to run, lab_step()
 * runs it.  A line may take simulated time to play out (a scheduler run, a
 * load test): while lab_busy(), lab_tick() advances it by one frame so a view
 * can animate it, and lab_step()/lab_finish() complete it at once.  An error
 * the program makes while running (a C-API call on a freed object) ends the
 * run: exit code 1 and the message on err, as a Python traceback would.
 *
 * A lab class is a table of functions over its own state (void *).  Plain C,
 * no I/O, deterministic for the seed.  The Lua side of each lab lives in
 * app/script (script/labs.c: the `run` table its exercises read), its views
 * in app/view (view/labs.c); each registry has one row per lab.
 */
#ifndef PYDIVE_SIM_LAB_H
#define PYDIVE_SIM_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/diag.h"

typedef struct LabClass {
    const char *name;  /* "gil": an exercise's `model`, --model on the command line */
    const char *title; /* "GIL scheduler", for headers */
    const char *ext;   /* extension of a learner's file: "gil" -> work/ID.gil */
    const char *reference; /* the directives at a glance, "form\tmeaning\n" a line */
    /* Reads a whole program; NULL with errors in dl (file names them). */
    void *(*open)(const char *src, size_t len, const char *file, uint64_t seed, DiagList *dl);
    void (*close)(void *st);
    /* The line about to run (1-based), 0 once the program has finished. */
    int (*line)(const void *st);
    /* Starts the line about to run: text for the learner goes to out, a
     * runtime error to err (return 1 then: the run is over). */
    int (*step)(void *st, Buf *out, Buf *err);
    /* The line started last is still playing out; NULL: never busy. */
    bool (*busy)(const void *st);
    /* One frame of it (about 1/30 s on screen); NULL: never busy. */
    void (*tick)(void *st);
    /* Plays the busy line out at once; NULL: never busy. */
    void (*settle)(void *st);
    /* Called once after the last line: end-of-run reports (leaks) to out/err;
     * returns 1 when they make the run fail.  NULL: nothing to report. */
    int (*end)(void *st, Buf *out, Buf *err);
} LabClass;

/* A running lab: the class, its state, what it printed. */
typedef struct Lab {
    const LabClass *cls;
    void *st;
    char *file;
    char *src;        /* owned copy of the program */
    size_t len;
    uint64_t seed;
    Buf out, err;     /* what the program printed, and its errors */
    int exit_code;    /* 0, or 1 after an error; valid when finished */
    bool finished;    /* every line ran (or an error ended the run) */
    size_t steps;     /* lines started so far */
    int read_error_line; /* the program did not read: the line of its first error */
} Lab;

/* The registry: NULL when no lab has that name.  lab_classes() lists them. */
const LabClass *lab_class_find(const char *name);
const LabClass *const *lab_classes(size_t *n);

/* Reads src (copied) with the named lab; false with errors in dl. */
bool lab_open(Lab *lab, const LabClass *cls, const char *src, size_t len, const char *file,
              uint64_t seed, DiagList *dl);
void lab_close(Lab *lab);
int lab_line(const Lab *lab);
/* Settles a busy line, then starts the next one; false when finished. */
bool lab_step(Lab *lab);
bool lab_busy(const Lab *lab);
void lab_tick(Lab *lab);
/* Runs until `line` is about to run (true) or the program ends (false). */
bool lab_run_to_line(Lab *lab, int line);
/* Runs every remaining line and settles the last. */
void lab_finish(Lab *lab);
/* Rebuilds the lab and replays its first n steps (settled): stepping back. */
void lab_seek(Lab *lab, size_t n);

/* The labs (each defined in its own lab/NAME/lab_NAME.c). */
extern const LabClass lab_gil;
extern const LabClass lab_flywheel;
extern const LabClass lab_capi;
extern const LabClass lab_roadmap;
extern const LabClass lab_loop;

#endif
