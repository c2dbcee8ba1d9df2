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
        S->fl_guess_missed = false;
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
        S->fl_guess_missed = false;
        tm_state(I)->unsure = tm_state(I)->stock_unknown;
        tm_state(I)->peak_unsure = NULL;
    }
    return bi_none(I);
}

static SimId tm_reset_peak(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)n, (void)kw;
    tm_sync_guess(I);
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
    tm_sync_guess(I);
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
        tm_run_pending_collection(I);
    sn->tr = sim_trace_copy(S, &sn->n);
    tm_sync_guess(I);
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
