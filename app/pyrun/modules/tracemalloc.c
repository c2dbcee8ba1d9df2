/*
 * tracemalloc: CPython's tracemalloc module (Modules/_tracemalloc.c,
 * Python/tracemalloc.c, Lib/tracemalloc.py) on the model's own blocks.
 *
 * start() installs sim/trace.c's tracer: from then on every block the model
 * allocates is traced with its requested size and the line of the running
 * frame, as CPython's allocator hooks do; blocks from before stay untraced,
 * free lists neither allocate nor free.  get_traced_memory(), reset_peak(),
 * clear_traces(), is_tracing(), stop() and get_traceback_limit() read and
 * reset that.  The figures are CPython's where the model makes what CPython
 * makes, which tests/oracle cases 720-759 measure.
 *
 * What is not known: CPython writes take_snapshot(), Snapshot and its
 * statistics in Python (Lib/tracemalloc.py), and the objects that code makes
 * while tracing are traced too (the snapshot itself, its dicts of groups,
 * the lists of statistics): about a kilobyte per snapshot, at lines of
 * tracemalloc.py.  The model does not make them, so once such code ran while
 * tracing, get_traced_memory() and the statistics of a later snapshot are
 * refused until clear_traces() or a new start(); a snapshot's own figures,
 * of what the program allocated before it, stay exact.  Tracebacks of more
 * than one frame (start(nframe > 1)), filters, dump/load and
 * get_tracemalloc_memory() are refused.  See docs/TRACEMALLOC.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/thread.h"
#include "pyrun/types/types.h"

#define S (I->sim)

TmState *tm_state(PyRun *I)
{
    if (!I->tm) {
        I->tm = xcalloc(1, sizeof *I->tm);
        I->tm->limit = 1;
    }
    return I->tm;
}

void tracemalloc_free(PyRun *I)
{
    if (I->sim && sim_tracing(I->sim))
        sim_trace_stop(I->sim);
    TmState *t = I->tm;
    if (!t)
        return;
    for (size_t i = 0; i < t->nsnaps; i++)
        free(t->snaps[i].tr);
    free(t->snaps);
    free(t);
    I->tm = NULL;
}

void tm_note_python_level(PyRun *I, const char *what)
{
    if (sim_tracing(S) && !tm_state(I)->unsure)
        tm_state(I)->unsure = what;
}

/* traceback_get_frames with a limit of 1: the running frame's line (the
 * instruction's own, as a traceback shows it); 0 outside any frame.  A
 * frame that has not run its first instruction yet (its cells made on
 * entry) is incomplete and skipped (_PyFrame_IsIncomplete): its caller's. */
static uint32_t where_now(void *ctx)
{
    PyRun *I = ctx;
    if (!I->ts || !I->ts->nframes)
        return 0;
    int i = I->ts->nframes - 1;
    Frame *f = py_thread_frame(I->ts, i);
    while (f->ip == 0 && i > 0)
        f = py_thread_frame(I->ts, --i);
    const PyCode *co = &I->codes[f->code];
    uint32_t lasti = f->ip > 0 ? f->ip - 1 : 0;
    int line = lasti < co->nops && co->lines[lasti] > f->line ? co->lines[lasti] : f->line;
    return line > 0 ? (uint32_t)line : 0;
}

void tm_note_peak_unsure(PyRun *I, const char *what)
{
    if (sim_tracing(S) && !tm_state(I)->peak_unsure)
        tm_state(I)->peak_unsure = what;
}

void tm_note_unsure(PyRun *I, const char *what) { tm_note_python_level(I, what); }

/* 3.13.0: what freeing the garbage `import tracemalloc` leaves parks on the
 * free lists (dicts, keys tables, lists, floats, tuples by size), measured
 * with sys._debugmallocstats() before and after that collection */
static const SimFreeStock import_garbage_freed = {6, 2, 0, 0, {0, 5, 2, 0, 1, 2}};

void tm_collected(PyRun *I, int gen)
{
    TmState *t = I->tm;
    if (!t)
        return;
    if (gen == 2) { /* the free lists are emptied, as CPython's */
        t->import_garbage = false;
        t->import_garbage_young = false;
        t->stock_unknown = NULL;
        return;
    }
    if (t->import_garbage_young) { /* what freeing it parks, measured (tracemalloc_on_import) */
        t->import_garbage_young = false;
        /* freeing it makes something short-lived that tracemalloc sees (46
         * bytes in 3.13.0, for a cause not found) */
        tm_transient(I, 46);
        if (!S->gc.count_pinned) /* its moment is known to an allocation (tracemalloc_on_import) */
            S->gc.timing_sensitive = true;
        PmTraceFn tr = sim_trace_pause(S);
        sim_stock_freelists(S, &import_garbage_freed);
        sim_trace_resume(S, tr);
    }
    if (t->import_garbage) {
        t->import_garbage = false;
        t->stock_unknown = "a collection that freed what `import tracemalloc` left (its free-list stock)";
        if (sim_tracing(S) && !t->unsure)
            t->unsure = t->stock_unknown;
    }
}

/* 3.13: the young collection `import tracemalloc` left pending runs now,
 * inside Python code that allocates (take_snapshot's, an import's): its
 * garbage freed onto the free lists */
static void run_pending_collection(PyRun *I)
{
    TmState *t = tm_state(I);
    t->import_garbage_young = false;
    S->gc.gen[0].count = 0;
    S->gc.gen[1].count++;
    PmTraceFn tr = sim_trace_pause(S);
    sim_stock_freelists(S, &import_garbage_freed);
    sim_trace_resume(S, tr);
}

void tm_module_imported(PyRun *I, const char *name)
{
    TmState *t = I->tm;
    if (!t || !t->imported)
        return;
    /* loaded before the program, or by Lib/tracemalloc.py's own imports
     * (sys.modules after it, 3.11-3.13): their import costs nothing */
    static const char *const loaded[] = {"sys",  "itertools", "operator", "functools", "collections", "time",
                                         "abc",  "enum",      "io",       "reprlib",   "tracemalloc"};
    for (size_t i = 0; i < sizeof loaded / sizeof loaded[0]; i++)
        if (strcmp(name, loaded[i]) == 0)
            return;
    if (sim_tracing(S)) {
        tm_note_python_level(I, "an import while tracing (its module's objects)");
        return;
    }
    if (strcmp(name, "gc") == 0) {
        /* the module, its dict and its functions: a dict and a list off
         * the free lists (measured with tracemalloc: what a program gets
         * untraced after it, oracle 964); on 3.13 its thirty-odd
         * allocations run the pending young collection, whose figures
         * there were not matched (a 45-byte block stays) */
        static const SimFreeStock took = {1, 0, 1, 0, {0}};
        sim_take_freelists(S, &took);
        if (t->import_garbage_young) { /* what that collection leaves in the import's midst: not known */
            run_pending_collection(I);
            t->stock_unknown = "`import gc` after `import tracemalloc` under 3.13 (the young collection "
                               "it runs frees the earlier import's garbage in its midst)";
        }
        return;
    }
    snprintf(t->import_what, sizeof t->import_what,
             "`import %s` after `import tracemalloc` (what it takes off the free lists)", name);
    t->stock_unknown = t->import_what;
}

#define WRITER_KEY (SIM_TRACE_VIRTUAL_BASE + 1) /* virtual blocks of the tracer (sim/trace.h) */
#define SCRATCH_KEY (SIM_TRACE_VIRTUAL_BASE + 2)

bool tm_writer_begin(PyRun *I, size_t min_chars)
{
    if (__builtin_expect(S->pm.trace == NULL, 1))
        return false;
    TmState *t = tm_state(I);
    if (t->writers++) { /* a format inside a format (a __str__): one buffer key only */
        tm_note_peak_unsure(I, "a %-format or str.format() inside another");
        return false;
    }
    sim__trace_virtual(S, WRITER_KEY, S->prof->str_header + min_chars + 1);
    return true;
}

SimId tm_writer_end(PyRun *I, bool begun, const char *u, size_t n, size_t min_chars)
{
    if (S->pm.trace != NULL && tm_state(I)->writers > 0)
        tm_state(I)->writers--;
    if (!begun)
        return u ? sim_str(S, u, n) : 0;
    if (!u) {
        sim__trace_virtual(S, WRITER_KEY, 0);
        return 0;
    }
    bool ascii = true;
    for (size_t i = 0; ascii && i < n; i++)
        ascii = (unsigned char)u[i] < 0x80;
    if (!ascii || n > min_chars) /* the buffer grew or widened: sizes the model does not follow */
        tm_note_peak_unsure(I, "a %-format or str.format() whose result outgrew its writer's first buffer");
    PmTraceFn tr = sim_trace_pause(S);
    SimId r = sim_str(S, u, n);
    sim_trace_resume(S, tr);
    if (n > 1 || (n == 1 && (unsigned char)u[0] >= 0x80)) /* else a cached string */
        sim_trace_replace(S, sim_obj(S, r)->mem, sim_sizeof(S, r), WRITER_KEY);
    else
        sim__trace_virtual(S, WRITER_KEY, 0);
    return r;
}

#define TRANSIENT_KEY (SIM_TRACE_VIRTUAL_BASE + 3)

void tm_transient(PyRun *I, size_t n)
{
    if (!sim_tracing(S))
        return;
    sim__trace_virtual(S, TRANSIENT_KEY, n);
    sim__trace_virtual(S, TRANSIENT_KEY, 0);
}

#define HOLD_KEY (SIM_TRACE_VIRTUAL_BASE + 4) /* and + 5 */

void tm_hold(PyRun *I, int slot, size_t n)
{
    if (sim_tracing(S))
        sim__trace_virtual(S, HOLD_KEY + (unsigned)slot, n);
}

void tm_int_scratch(PyRun *I, SimId v, bool on)
{
    if (__builtin_expect(S->pm.trace == NULL, 1) || sim_kind(S, v) != SK_INT)
        return;
    if (!on) {
        sim__trace_virtual(S, SCRATCH_KEY, 0);
        return;
    }
    const SimObj *o = sim_obj(S, v);
    size_t size_a = 0;
    if (o->sub == 1)
        size_a = o->len;
    else
        for (uint64_t m = o->v.i < 0 ? (uint64_t)0 - (uint64_t)o->v.i : (uint64_t)o->v.i; m; m >>= 30)
            size_a++;
    /* scratch = _PyLong_New(1 + size_a + size_a / d), d = 99 */
    sim__trace_virtual(S, SCRATCH_KEY, 24 + 4 * (1 + size_a + size_a / 99));
}

static bool refuse_unsure(PyRun *I, const char *fn)
{
    return py_not_modelled(I, 0, "tracemalloc.%s() after %s", fn, tm_state(I)->unsure);
}

static SimId tm_start(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t nframe = 1;
    if (n == 1 && !bi_int_arg(I, a[0], &nframe))
        return 0;
    if (nframe < 1 || nframe > 65535) {
        py_raise(I, EXC_ValueError, "the number of frames must be in range [1; 65535]");
        return 0;
    }
    if (nframe > 1)
        return py_not_modelled(I, 0, "tracemalloc.start() with more than one frame per traceback "
                                     "(the model keeps the line of the allocating frame alone)"),
               (SimId)0;
    TmState *t = tm_state(I);
    if (!sim_tracing(S)) {
        t->unsure = t->stock_unknown;
        t->peak_unsure = NULL;
        sim_trace_start(S, where_now, I);
    }
    t->limit = (int)nframe;
    return bi_none(I);
}

static SimId tm_stop(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    sim_trace_stop(S);
    tm_state(I)->unsure = NULL;
    tm_state(I)->peak_unsure = NULL;
    return bi_none(I);
}

static SimId tm_is_tracing(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_bool(S, sim_tracing(S));
}

static SimId tm_clear_traces(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (sim_tracing(S)) {
        sim_trace_clear(S);
        tm_state(I)->unsure = tm_state(I)->stock_unknown;
        tm_state(I)->peak_unsure = NULL;
    }
    return bi_none(I);
}

static SimId tm_reset_peak(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (sim_tracing(S) && tm_state(I)->unsure)
        return refuse_unsure(I, "reset_peak"), (SimId)0;
    sim_trace_reset_peak(S);
    tm_state(I)->peak_unsure = NULL;
    return bi_none(I);
}

static SimId tm_get_traceback_limit(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return sim_int(S, tm_state(I)->limit);
}

/* the figures are read first; the ints and the tuple come after */
static SimId tm_get_traced_memory(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (sim_tracing(S) && tm_state(I)->unsure)
        return refuse_unsure(I, "get_traced_memory"), (SimId)0;
    if (sim_tracing(S) && tm_state(I)->peak_unsure)
        return py_not_modelled(I, 0, "the peak in tracemalloc.get_traced_memory() after %s (reset_peak() "
                                     "makes it exact)",
                               tm_state(I)->peak_unsure),
               (SimId)0;
    uint64_t cur, peak;
    sim_trace_memory(S, &cur, &peak);
    SimId c = sim_int(S, (int64_t)cur), p = sim_int(S, (int64_t)peak);
    SimId t = sim_tuple(S, 2);
    sim_tuple_set(S, t, 0, c);
    sim_tuple_set(S, t, 1, p);
    return t;
}

static SimId tm_get_tracemalloc_memory(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "tracemalloc.get_tracemalloc_memory() (the size of CPython's own "
                                 "tables of traces, which the model keeps elsewhere)"),
           (SimId)0;
}

/* _get_object_traceback: the trace of the object's block */
static SimId tm_get_object_traceback(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    tm_note_python_level(I, "tracemalloc.get_object_traceback() (CPython traces the objects it makes)");
    const SimObj *o = sim_obj(S, a[0]);
    const SimTraceEntry *e = o->mem != PM_NULL ? sim_trace_find(S, o->mem) : NULL;
    if (!e)
        return bi_none(I);
    return tm_traceback_new(I, e->where, false);
}

static SimId tm_take_snapshot(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    if (!sim_tracing(S)) {
        py_raise(I, EXC_RuntimeError, "the tracemalloc module must be tracing memory allocations to take a snapshot");
        return 0;
    }
    TmState *t = tm_state(I);
    if (t->nsnaps == t->capsnaps) {
        t->capsnaps = t->capsnaps ? 2 * t->capsnaps : 4;
        t->snaps = xrealloc(t->snaps, t->capsnaps * sizeof *t->snaps);
    }
    TmSnap *sn = &t->snaps[t->nsnaps];
    /* _get_traces makes its list first (the list free list's, or a block
     * traced at its line that the snapshot holds), then copies the traces */
    uint32_t parked = S->fl_list.n;
    SimId list = sim_list(S, 0);
    if (S->fl_list.n == parked && sim_obj(S, list)->mem != PM_NULL) /* not the free list's: new */
        sim_trace_set_where(S, sim_obj(S, list)->mem, TM_LIB | TM_LINE_GET_TRACES);
    if (t->import_garbage_young) /* its Python code's allocations run the collection */
        run_pending_collection(I);
    sn->tr = sim_trace_copy(S, &sn->n);
    sn->unsure = t->unsure;
    t->nsnaps++;
    /* From the second on, a snapshot's _get_traces() takes the tuples the
     * calls of the one before parked on the free lists (its argument tuples,
     * traced at tracemalloc.py's lines), and the specializing interpreter
     * stops making some of them: measured 48 to 192 bytes the model does not
     * have after each.  What is read after it is refused. */
    if (t->nsnaps >= 2)
        tm_note_python_level(I, "a second tracemalloc.take_snapshot() (what the calls of the snapshots "
                                "before it leave on the free lists)");
    return tm_snapshot_new(I, t->nsnaps - 1, list); /* its objects are traced as CPython's */
}

static SimId tm_refused(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    return py_not_modelled(I, 0, "Snapshot.filter_traces() and Snapshot.dump() (filters and files of "
                                 "traces)"),
           (SimId)0;
}

const BuiltinDef tracemalloc_functions[] = {
    BUILTIN("start", 0, BM_TRACEMALLOC, tm_start, .style = ARGS_RANGE, .min = 0, .max = 1),
    BUILTIN("stop", 0, BM_TRACEMALLOC, tm_stop, .style = ARGS_NONE),
    BUILTIN("is_tracing", 0, BM_TRACEMALLOC, tm_is_tracing, .style = ARGS_NONE),
    BUILTIN("clear_traces", 0, BM_TRACEMALLOC, tm_clear_traces, .style = ARGS_NONE),
    BUILTIN("reset_peak", 0, BM_TRACEMALLOC, tm_reset_peak, .style = ARGS_NONE),
    BUILTIN("get_traced_memory", 0, BM_TRACEMALLOC, tm_get_traced_memory, .style = ARGS_NONE),
    BUILTIN("get_traceback_limit", 0, BM_TRACEMALLOC, tm_get_traceback_limit, .style = ARGS_NONE),
    BUILTIN("get_tracemalloc_memory", 0, BM_TRACEMALLOC, tm_get_tracemalloc_memory, .style = ARGS_NONE),
    BUILTIN("get_object_traceback", 0, BM_TRACEMALLOC, tm_get_object_traceback, .style = ARGS_RANGE, .min = 1,
            .max = 1),
    BUILTIN("take_snapshot", 0, BM_TRACEMALLOC, tm_take_snapshot, .style = ARGS_NONE),
    /* the objects' methods (self first) */
    BUILTIN("statistics", SK_SENTINEL, BM_TRACEMALLOC, tm_statistics, .kw = "key_type cumulative"),
    BUILTIN("compare_to", SK_SENTINEL, BM_TRACEMALLOC, tm_compare_to, .kw = "old_snapshot key_type cumulative"),
    BUILTIN("format", SK_SENTINEL, BM_TRACEMALLOC, tm_format, .kw = "limit most_recent_first"),
    BUILTIN("filter_traces", SK_SENTINEL, BM_TRACEMALLOC, tm_refused, .refused = true),
    BUILTIN("dump", SK_SENTINEL, BM_TRACEMALLOC, tm_refused, .refused = true),
};
const int tracemalloc_nfunctions = (int)(sizeof tracemalloc_functions / sizeof tracemalloc_functions[0]);

const BuiltinDef *tm_def_named(const char *name)
{
    for (int i = 0; i < tracemalloc_nfunctions; i++)
        if (strcmp(tracemalloc_functions[i].name, name) == 0)
            return &tracemalloc_functions[i];
    return NULL;
}

void tracemalloc_module_init(PyRun *I, SimId d) { (void)I, (void)d; }

/* The free lists right after `import tracemalloc` as a program's first line,
 * counted through tracemalloc itself (how many new dicts, keys tables,
 * lists, floats and tuples of each size a program gets untraced):
 * sys._debugmallocstats() agrees, but for what its own `import sys` moves
 * (a 1-tuple) and the keys list 3.11 and 3.12 do not print.  The 1-tuples
 * (and 3.13's 4- and 5-tuples) were counted again by making them one by
 * one at a program's top level (tests/tools/tracemalloc-stock.py), and so
 * were 3.13's 4 dicts and 1 keys table; its first take_snapshot()'s Python
 * code frees 6 dicts and 2 keys tables more (oracle 741).  3.13 makes 18
 * 2-tuples untraced and, later in a program, 2 more (at 20 to 40 new ones
 * traced 2 fewer than CPython; at 100 the same): 20 is kept.  The
 * thread-state dict Py_ReprEnter makes is not made by the import: the
 * first container repr takes it from these lists. */
static const SimFreeStock import_stock[3] = {
    /* dicts, keys, lists, floats, tuples by size */
    {4, 7, 11, 4, {0, 5, 16, 4, 6, 3, 1, 0, 4, 2, 3, 3, 3, 4, 2, 1, 0, 1, 1, 0, 0}},  /* 3.11.7 */
    {8, 8, 15, 4, {0, 7, 16, 5, 6, 3, 1, 0, 5, 2, 2, 4, 3, 3, 2, 1, 0, 2, 0, 0, 0}},  /* 3.12.1 */
    {4, 1, 15, 4, {0, 4, 18, 2, 1, 3, 5, 2, 0, 1, 5, 1, 2, 8, 1, 2, 4, 0, 1, 1, 0}},  /* 3.13.0 */
};

/* Lib/tracemalloc.py imports collections.abc, functools, fnmatch, linecache,
 * os.path and pickle: its GC traffic is not replayed (the young count and
 * the next collection's garbage are refused after it), and it leaves the
 * free lists stocked as measured (tests/tools/gen-import-stocks.py, at a
 * program's start and from the clean state alike, to a tuple or two). */
/* 3.13.0: the young count `import tracemalloc` leaves, by how far the
 * count before the first line is above a one-line module's.  Measured with
 * modules of 1-40 small functions or classes before the import (count
 * before the import -> after it): up to +71, 1973 (a one-line module: 1972,
 * and a count one either side is tried); +76..+113, 1969-1968; +121, 1944;
 * +162, 1937; +192, 1927; +222, 1917; from about +247 a fifth collection
 * in the import has already freed the garbage (67 left), run here at once. */
static int import_count_after(int shift, int threshold)
{
    static const struct { int shift, count; } steps[] = {
        {71, 1972}, {113, 1968}, {121, 1944}, {162, 1937}, {192, 1927}, {222, 1917}, {246, 1912},
    };
    if (shift <= steps[0].shift)
        return 1972 + (shift > 0) - (shift < 0);
    for (size_t i = 1; i < sizeof steps / sizeof steps[0]; i++)
        if (shift <= steps[i].shift)
            return steps[i].count;
    return threshold + 1;
}

void tracemalloc_on_import(PyRun *I)
{
    int v = S->prof->version == SIM_V311 ? 0 : S->prof->version == SIM_V312 ? 1 : 2;
    /* 3.12 keeps the garbage of Lib/operator.py's classes (gc.DEBUG_SAVEALL:
     * 28 functions, types, tuples ...) for its next collection, of the middle
     * generation: the counts after the import at a program's start are
     * (20, 10, 0).  What freeing it leaves on the free lists is not modelled:
     * the traced figures after that collection are refused. */
    if (S->prof->version == SIM_V312) {
        tm_state(I)->import_garbage = true;
        S->gc.gen[0].count = 20;
        S->gc.gen[1].count = 10;
    }
    /* The thread-state dict Py_ReprEnter makes: CPython makes it at the first
     * container repr, from the free lists; the model makes it here, before
     * the stock, and takes its dict, keys table and list off the free lists
     * at that first repr (repr.c).  (The audit failure seen when it was made
     * inside a later repr was a Statistic's traceback stored through a
     * payload pointer its own allocation had moved: fixed in stat_new.) */
    /* 3.13.0 leaves the young count at 1972 of 2000 (4 young collections in
     * the import), with cyclic garbage for the next collection, after some
     * 28 tracked allocations: freeing it parks 6 dicts, 2 keys tables and 10
     * tuples (sys._debugmallocstats() before and after).  That is for a
     * module of a few lines; the count the import leaves falls as the
     * compiler leaves more before the first line (import_count_after), so
     * the gc-timing variants move it with their start shift and what
     * depends on the collection's moment is refused. */
    if (S->prof->version == SIM_V313) {
        tm_state(I)->import_garbage_young = true;
        S->gc.gen[0].count = import_count_after(I->gc_start_shift, S->gc.gen[0].threshold);
        S->gc.gen[1].count = 4;
    }
    int young = S->gc.gen[0].count; /* counted when made, at the first repr */
    repr_state_init(I);
    S->gc.gen[0].count = young;
    I->ts->repr_stock_owed = true;
    sim_set_freelists(S, &import_stock[v]);
    I->foreign_heap = "import tracemalloc";
    I->gc_count_unsure = true;
    I->gc_garbage_unsure = true;
    I->std_imported |= STD_BIT(STD_ITERTOOLS) | STD_BIT(STD_OPERATOR) | STD_BIT(STD_FUNCTOOLS) |
                       STD_BIT(STD_COLLECTIONS) | STD_BIT(STD_REPRLIB) | STD_BIT(STD_ENUM);
    tm_state(I)->imported = true;
}
