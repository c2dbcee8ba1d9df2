/*
 * tracemalloc: the module's state and its objects (Snapshot, Statistic,
 * StatisticDiff, Traceback, Frame), shared by modules/tracemalloc.c (the
 * functions) and modules/tracemalloc_stats.c (the objects).  Internal to
 * pyrun/modules and types/native.c.
 */
#ifndef PYDIVE_PYRUN_MODULES_TRACEMALLOC_H
#define PYDIVE_PYRUN_MODULES_TRACEMALLOC_H

#include "pyrun/builtins.h"
#include "sim/trace.h"

/* A snapshot's traces: its copy of the tracer's table, and whether CPython's
 * would also hold blocks of Lib/tracemalloc.py's own objects (a snapshot or
 * statistics made earlier while tracing), which the model does not make. */
typedef struct TmSnap {
    SimTraceEntry *tr;
    size_t n;
    const char *unsure;  /* what made it unsure, or NULL */
} TmSnap;

/* A trace's `where`: the program's line, or with TM_LIB a line of CPython's
 * Lib/tracemalloc.py (whose path on the learner's machine the model does not
 * know), 0 outside any frame */
#define TM_LIB 0x80000000u
/* a line of code compiled from a string: a namedtuple's __new__ ('<string>',
 * line 1) */
#define TM_STRING 0x40000000u
/* Lib/tracemalloc.py 3.11-3.13: take_snapshot's `return Snapshot(...)` and
 * Snapshot.__init__'s `self.traces = _Traces(traces)` */
#define TM_LINE_SNAPSHOT 560u
#define TM_LINE_GET_TRACES 558u /* `traces = _get_traces()`: its list */
#define TM_LINE_TRACES 423u

/* the shared keys of a class of Lib/tracemalloc.py (its instances' values) */
typedef struct TmKeys {
    uint32_t nentries, usable;
    bool used;
} TmKeys;

typedef struct TmState {
    const char *unsure;  /* Python-level tracemalloc code ran since the traces began: what */
    int limit;           /* the traceback limit (1) */
    int writers;         /* _PyUnicodeWriters open (tm_writer_begin) */
    bool import_garbage; /* 3.12: the import left operator's cyclic garbage (pure-Python classes
                          * _operator replaced) in an older generation */
    bool import_garbage_young; /* 3.13: the import's cyclic garbage waits in the young generation,
                                * whose next collection frees it onto the free lists */
    const char *stock_unknown; /* what left the free lists holding what the model does not know (a
                                * collection that freed the import's garbage, another import),
                                * until a full collection empties them */
    char import_what[200];     /* stock_unknown's text for an import */
    const char *guess_what;    /* the last call whose free-list stock is a measured range */
    bool imported;             /* `import tracemalloc` ran */
    TmKeys snapshot_keys, traces_keys; /* Snapshot's and _Traces' */
    const char *peak_unsure; /* what ran since the peak was last set whose transient buffers are not the model's */
    TmSnap *snaps;
    size_t nsnaps, capsnaps;
} TmState;

TmState *tm_state(PyRun *I);
/* The Python-level code of Lib/tracemalloc.py ran (`what`): CPython's traces
 * now hold its objects too. */
void tm_note_python_level(PyRun *I, const char *what);

/* The first import of module `name` ran (registry.c): after `import
 * tracemalloc`, what CPython's import takes off the free lists */
void tm_module_imported(PyRun *I, const char *name);
/* Python-level library code the model does not replay object by object
 * ran (`what`: @dataclass, random.seed() ...): after `import tracemalloc`
 * the free lists hold what the model does not know, and the traced figures
 * that depend on them are refused (until a full collection empties them) */
void tm_freelists_disturbed(PyRun *I, const char *what);
/* The same for library code whose effect on the free lists was measured
 * within a range (tracemalloc_guess.c): the figures stay exact until the
 * range would decide one; tm_sync_guess (before a figure is read) marks
 * them unsure from there. */
typedef enum TmGuess { TM_GUESS_NAMEDTUPLE, TM_GUESS_DATACLASS } TmGuess;
typedef struct TmGuessScope {
    SimFreeStash aside;
    bool stashed;
    uint64_t collections;
} TmGuessScope;
/* Around the model's making of what the call makes: the model's objects
 * take nothing off the free lists (g zeroed first) */
bool tm_guess_begin(PyRun *I, TmGuessScope *g);
void tm_guess_end(PyRun *I, TmGuessScope *g, TmGuess which, int nfields, const char *what);
void tm_sync_guess(PyRun *I);
/* 3.13: what freeing `import tracemalloc`'s garbage parks on the free lists */
const SimFreeStock *tm_import_garbage_freed(void);
/* 3.13: the young collection `import tracemalloc` left pending runs now */
void tm_run_pending_collection(PyRun *I);
/* A collection of generation gen ended (automatic or gc.collect()) */
void tm_collected(PyRun *I, int gen);
/* something whose allocations the model does not follow ran while tracing:
 * the traced figures are refused until the traces restart */
void tm_note_unsure(PyRun *I, const char *what);
/* A _PyUnicodeWriter (a %-format, str.format()) whose first buffer holds
 * min_chars: begin() traces that buffer while tracing (true then), end()
 * makes the result of text u and traces it in the buffer's place (u NULL:
 * the buffer goes, nothing is made) */
bool tm_writer_begin(PyRun *I, size_t min_chars);
SimId tm_writer_end(PyRun *I, bool begun, const char *u, size_t n, size_t min_chars);
/* long_to_decimal_string's scratch int for the text of int v: a transient
 * block while tracing */
void tm_int_scratch(PyRun *I, SimId v, bool on);
/* a block of n bytes comes and goes at once (while tracing) */
void tm_transient(PyRun *I, size_t n);
/* something whose transient buffers the model does not follow ran while tracing */
void tm_note_peak_unsure(PyRun *I, const char *what);
/* A scratch block of n bytes CPython holds while the model makes what
 * follows (slot 0 or 1); n = 0 frees it. */
void tm_hold(PyRun *I, int slot, size_t n);

/* tracemalloc_stats.c: the objects */
SimId tm_snapshot_new(PyRun *I, size_t snap, SimId traces_list);
/* a Traceback of one frame (the program's file at line; filename only when
 * line is 0 and `file_key`) */
SimId tm_traceback_new(PyRun *I, uint32_t line, bool file_key);
/* Snapshot.statistics(key_type, cumulative=False), Snapshot.compare_to(old,
 * key_type, cumulative=False), Traceback.format(limit=None,
 * most_recent_first=False): methods (self first) */
SimId tm_statistics(PyRun *I, SimId *a, int n, SimId kw);
SimId tm_compare_to(PyRun *I, SimId *a, int n, SimId kw);
SimId tm_format(PyRun *I, SimId *a, int n, SimId kw);
/* the definition of a method by name (modules/tracemalloc.c's table) */
const BuiltinDef *tm_def_named(const char *name);
bool tm_native_repr(PyRun *I, SimId obj, Buf *out);
bool tm_native_str(PyRun *I, SimId obj, Buf *out);
SimId tm_native_attr(PyRun *I, SimId obj, const char *name, bool *found);
/* a Traceback indexed (frames), 0 with the error raised */
SimId tm_traceback_getitem(PyRun *I, SimId tb, SimId key);
/* iter() and len() of a Traceback */
SimId tm_traceback_frames(PyRun *I, SimId tb);

#endif
