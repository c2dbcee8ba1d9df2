/*
 * gc_timing: when a program's output depends on something the model cannot
 * know, the moment of CPython's first automatic collection.
 *
 * CPython compiles the module before its first line runs, and the compiler's
 * dicts, lists and tuples move the young generation's count: at the first
 * line, 3.11.7 counts 448 for a one-line module and 665 for a module of
 * fifteen functions and four classes (tests/tools/gc-first-line-counts.sh
 * measures it for every oracle and corpus program).  The model does not replay the compiler, so it starts every
 * program from one count and the true count may lie above it.  Most programs
 * print the same wherever the count starts; a program that makes cyclic
 * garbage in a loop and then asks gc.collect() how much it found does not.
 *
 * So the model keeps the count "unpinned" until the program pins it with an
 * explicit full collection (gc.collect(): it resets every count and empties
 * the free lists, whose stock the compiler also changed; gc.collect(0) and
 * gc.freeze() reset the young count but leave the free lists).  When an automatic collection could
 * have run while it was unpinned, or the program read gc.get_count(), the
 * host runs the program again from counts across the window CPython may have
 * started from, and any difference in what the runs print becomes an honest
 * refusal at the line where the outputs part.
 */
#include "pyrun/gc_timing.h"

#include <stdlib.h>
#include <string.h>

#include "base/jobs.h"
#include "base/xalloc.h"
#include "pyrun/builtins.h"
#include "pyrun/interp.h"
#include "sim/gc.h"

/* How far above the model's start count CPython's may be, fitted on the
 * 329 oracle and corpus programs measured under 3.11.7, 3.12.1 and 3.13.0
 * (tests/tools/gc-first-line-counts.sh): each code object the compiler
 * makes adds about 11-13, constants a little (their keys and tuples), and
 * this bound stays 9 or more above every measured count. */
#define SLACK_BASE 40
#define SLACK_PER_CODE 14
/* the model's count may also be up to this much above CPython's */
#define SLACK_BELOW 40

int gc_timing_slack(const PyRun *I)
{
    /* 3.13 shows a compile-time SyntaxWarning through the warnings module's
     * Python code (it reads the line with linecache): some 2,700 more
     * allocations before the first line, two young collections among them
     * (3.13.0: `x is 1` in a two-line module moves gc.get_count() at the top
     * from (523, 2, 0) to (1226, 4, 0); 3.11 and 3.12 move by 3 at most).
     * The count may then be anywhere in the young generation's cycle. */
    if (I->warnings.len && I->sim->prof->version >= SIM_V313)
        return (int)I->sim->prof->threshold[0];
    const Ast *ast = &I->ast;
    long codes = 0, consts = 0;
    for (size_t i = 0; i < ast->len; i++) {
        switch (ast->n[i].kind) {
        case N_DEF: case N_CLASS: case N_LAMBDA: case N_LISTCOMP: case N_SETCOMP:
        case N_DICTCOMP: case N_GENEXP:
            codes++;
            break;
        case N_INT: case N_FLOAT: case N_STR: case N_BYTES: case N_NONE: case N_TRUE:
        case N_FALSE: case N_ELLIPSIS:
            consts++;
            break;
        default:
            break;
        }
    }
    long slack = SLACK_BASE + SLACK_PER_CODE * codes + consts / 2;
    return slack > 100000 ? 100000 : (int)slack;
}

bool py_gc_timing_exposed(const PyRun *I) { return I->sim->gc.timing_exposed; }

bool py_gc_timing_sensitive(const PyRun *I) { return I->sim->gc.timing_sensitive; }

/* Garbage that went later in another run holds memory longer there: a run
 * that came within a quarter of the memory limit, or of the host's limit,
 * could have been refused memory in another (a margin, not a bound: a
 * collection's period is the same in every run, only its phase differs). */
static bool memory_near_limits(const Sim *s)
{
    const PmHeap *h = &s->pm;
    uint64_t peak = h->narenas_highwater * h->arena_size + h->raw_live_bytes;
    return (h->limit && peak > h->limit / 4) || (h->host_limit && sim_host_bytes(s) > h->host_limit / 4);
}

/* A run whose automatic collections found nothing, and whose program read
 * nothing of the collector's state, printed the same whenever they ran,
 * unless cyclic garbage made in that time is still waiting: an earlier or a
 * later collection would have found some of it. */
void gc_timing_at_exit(PyRun *I)
{
    SimGcState *g = &I->sim->gc;
    if (!g->timing_exposed || g->timing_sensitive)
        return;
    if (g->garbage_moved && memory_near_limits(I->sim)) {
        g->timing_sensitive = true;
        return;
    }
    if (g->count_pinned)
        return;
    uint32_t *scratch = xmalloc((2 * I->sim->nobj + 1) * sizeof *scratch);
    if (gc_unreachable_now(I->sim, scratch) > 0)
        g->timing_sensitive = true;
    free(scratch);
}

int py_gc_slack(const PyRun *I) { return I->sim->gc.unpinned_slack; }

/* The calls that read what the automatic collections' moments change
 * (sim_timing_seen): the collector's state past its thresholds and count
 * (get_count checks itself), tracemalloc's figures, pymalloc's statistics,
 * and the reference counts garbage holds until the pin. */
void gc_timing_call(PyRun *I, const BuiltinDef *d)
{
    static const char *const gc_plain[] = {"collect", "enable", "disable", "isenabled",
                                           "get_threshold", "set_threshold", "get_count"};
    if (d->owner)
        return; /* a method: its object came from a call this looks at */
    switch (d->module) {
    case BM_GC:
        for (size_t i = 0; i < sizeof gc_plain / sizeof gc_plain[0]; i++)
            if (strcmp(d->name, gc_plain[i]) == 0)
                return;
        sim_timing_seen(I->sim);
        break;
    case BM_TRACEMALLOC:
        sim_timing_seen(I->sim);
        break;
    case BM_SYS:
        if (strcmp(d->name, "_debugmallocstats") == 0)
            sim_timing_seen(I->sim);
        else if (strcmp(d->name, "getrefcount") == 0)
            sim_timing_seen_refcount(I->sim);
        break;
    case BM_WEAKREF:
        if (strncmp(d->name, "getweakref", 10) == 0) /* weak references garbage holds */
            sim_timing_seen_refcount(I->sim);
        break;
    default:
        break;
    }
}

/* ---- a pin's result ------------------------------------------------------
 * An explicit gc.collect() pins the count, and what it returns is the
 * garbage the automatic collections left, which differs between the start
 * counts.  The program cannot tell when it drops the result, or compares it
 * with a constant that every value from a lower bound up answers alike.
 * The bound (modules/gc.c): the objects the pin freed that were tracked
 * after the last moment any run could have collected (3.11: the last GC
 * allocation, gc_young_since_point); no run's automatic collection saw
 * them, the graph is the same in every run, so every run's pin finds them. */

bool gc_result_dropped(PyRun *I)
{
    if (I->ts->nframes == 0 || I->ts->nested)
        return false;
    const Frame *f = I->ts->top;
    const PyCode *co = &I->codes[f->code];
    return f->ip < co->nops && OPCODE(co->ops[f->ip]) == OP_POP_TOP;
}

bool gc_result_settled(PyRun *I, const SimId *args, int nargs, long lower)
{
    if (I->ts->nframes == 0 || I->ts->nested)
        return false;
    const Frame *f = I->ts->top;
    const PyCode *co = &I->codes[f->code];
    /* called by the frame's own CALL, its arguments on the frame's stack
     * (not from map() or another built-in, whose caller's next instruction
     * says nothing of where the result goes) */
    if (f->ip == 0 || OPCODE(co->ops[f->ip - 1]) != OP_CALL || OPARG(co->ops[f->ip - 1]) != nargs ||
        f->sp < (uint32_t)nargs || args != &I->ts->stack[f->sp - (uint32_t)nargs])
        return false;
    if (gc_result_dropped(I))
        return true;
    if (f->ip + 1 >= co->nops || OPCODE(co->ops[f->ip]) != OP_LOAD_CONST ||
        OPCODE(co->ops[f->ip + 1]) != OP_COMPARE_OP)
        return false;
    SimId k = co->consts[OPARG(co->ops[f->ip])];
    const SimObj *o = sim_obj(I->sim, k);
    if (o->kind != SK_INT || o->sub || o->type)
        return false; /* a one-word int, not a bool or a big int */
    int64_t c = o->v.i;
    switch (OPARG(co->ops[f->ip + 1])) {
    case OP_GT: case OP_NE: case OP_EQ: return lower > c; /* True, True, False for all */
    case OP_GE: return lower >= c;
    default: return false;
    }
}

void py_shift_gc_count(PyRun *I, int by)
{
    Sim *s = I->sim;
    I->gc_start_shift = by;
    long c = (long)s->gc.gen[0].count + by;
    s->gc.gen[0].count = c > 0 ? (int)c : 0;
}

/* ---- re-running the program ------------------------------------------- */

void gc_capture_add(GcCapture *c, int stream, const char *text, size_t n, int line)
{
    if (c->bytes.len + n + 1 > PY_CAPTURE_MAX * 8) {
        c->overflow = true;
        return;
    }
    c->chunks = xgrow(c->chunks, &c->cap, c->n + 1, sizeof *c->chunks);
    c->chunks[c->n++] = (GcChunk){.at = c->bytes.len, .len = n + 1, .stream = stream, .line = line};
    buf_add(&c->bytes, stream == 2 ? "\2" : "\1", 1);
    buf_add(&c->bytes, text, n);
}

void gc_capture_fini(GcCapture *c)
{
    buf_fini(&c->bytes);
    free(c->chunks);
    memset(c, 0, sizeof *c);
}

typedef struct Variant {
    GcCapture cap;
    PyRun *run;
} Variant;

static void variant_out(void *ctx, int stream, const char *text, size_t n)
{
    Variant *v = ctx;
    gc_capture_add(&v->cap, stream, text, n, v->run ? py_current_line(v->run) : 0);
}

/* The variant's output and exit code, from a count shifted by `by`. */
static int run_variant(const GcTimingSpec *spec, int by, int dicts, int lists, GcCapture *out,
                       bool *stopped)
{
    Sim *sim = sim_new(spec->prof);
    sim_set_events(sim, false); /* a re-run shows no events */
    if (spec->memory_limit)
        sim_set_memory_limit(sim, spec->memory_limit);
    Variant v = {0};
    v.run = py_new(sim, spec->src, spec->srclen, spec->filename, variant_out, &v);
    py_shift_gc_count(v.run, by);
    sim_shift_freelists(sim, dicts, lists);
    py_set_step_limit(v.run, spec->step_limit);
    py_set_stop_flag(v.run, spec->stop);
    py_run(v.run);
    int code = py_exit_code(v.run);
    *stopped = py_interrupted(v.run) || (spec->stop && *spec->stop != PY_STOP_NONE);
    py_free(v.run);
    sim_free(sim);
    *out = v.cap;
    return code;
}

/* Byte offset where a and b first differ; -1 when equal. */
static long first_difference(const GcCapture *a, const GcCapture *b)
{
    size_t n = a->bytes.len < b->bytes.len ? a->bytes.len : b->bytes.len;
    const char *x = buf_str(&a->bytes), *y = buf_str(&b->bytes);
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return (long)i;
    return a->bytes.len == b->bytes.len ? -1 : (long)n;
}

/* The variants: the ends of the count window, points between, and the
 * neighbours of the model's own start, where a collection moves by one
 * allocation; then the dict free list's stock: CPython's compiler leaves
 * 7-14 dicts parked where the model has none after its own start-up
 * (measured on 3.11-3.13 after `import gc`; lists and tuples differ too,
 * but the model's other stocks were fitted to the oracle and are not
 * varied). */
enum { NVARIANTS = 12 };

typedef struct VariantJobs {
    const GcTimingSpec *spec;
    int shifts[NVARIANTS], dicts[NVARIANTS];
} VariantJobs;

/* Job i (base/jobs.h): variant i's exit code, whether it was stopped or
 * overflowed, then what it printed. */
typedef struct VariantHead {
    int code;
    bool stopped, overflow;
} VariantHead;

static void variant_job(void *ctx, int i, Buf *out)
{
    const VariantJobs *j = ctx;
    GcCapture got = {0};
    VariantHead h = {0};
    h.code = run_variant(j->spec, j->shifts[i], j->dicts[i], 0, &got, &h.stopped);
    h.overflow = got.overflow;
    buf_add(out, &h, sizeof h);
    buf_add(out, buf_str(&got.bytes), got.bytes.len);
    gc_capture_fini(&got);
}

long gc_timing_divergence(const GcTimingSpec *spec, const GcCapture *ref, int ref_exit)
{
    int hi = spec->slack, lo = -SLACK_BELOW;
    /* a module big enough for the compiler to reach the threshold may have
     * been collected while compiling: its count may be anything down to 0 */
    if ((long)spec->prof->startup_gc_count0 + hi > spec->prof->threshold[0])
        lo = -(int)spec->prof->startup_gc_count0;
    VariantJobs j = {.spec = spec,
                     .shifts = {lo, lo / 2, -3, -1, 1, 3, hi / 4, hi / 2, 3 * hi / 4, hi, 0, 0},
                     .dicts = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 14}};
    Buf outs[NVARIANTS] = {{0}};
    bool done = jobs_run(NVARIANTS, jobs_workers(), variant_job, &j, outs, spec->stop);
    long first = -1;
    for (int i = 0; i < NVARIANTS && done; i++) {
        VariantHead h;
        if (outs[i].len < sizeof h) { /* cannot happen: a job always writes its head */
            first = 0;
            break;
        }
        memcpy(&h, outs[i].data, sizeof h);
        if (h.stopped) {
            done = false;
            break;
        }
        GcCapture got = {.bytes = {0}};
        buf_add(&got.bytes, outs[i].data + sizeof h, outs[i].len - sizeof h);
        long d = first_difference(ref, &got);
        if (d < 0 && h.code != ref_exit)
            d = (long)ref->bytes.len;
        if (h.overflow || ref->overflow)
            d = d < 0 ? (long)ref->bytes.len : d;
        gc_capture_fini(&got);
        if (d >= 0 && (first < 0 || d < first))
            first = d;
    }
    for (int i = 0; i < NVARIANTS; i++)
        buf_fini(&outs[i]);
    return done ? first : -2;
}

int gc_capture_line_at(const GcCapture *c, long at)
{
    for (size_t i = 0; i < c->n; i++)
        if ((long)(c->chunks[i].at + c->chunks[i].len) > at)
            return c->chunks[i].line;
    return c->n ? c->chunks[c->n - 1].line : 0;
}

const char *gc_timing_refusal(void)
{
    return "what CPython's compiler leaves before the first line (the young generation's "
           "count, the objects parked on its free lists) is not modelled by the simulated "
           "CPython, and from this line on the output depends on it: when automatic "
           "collections run, or what gc.get_count() says (a gc.collect() before the "
           "experiment makes it exact)";
}
