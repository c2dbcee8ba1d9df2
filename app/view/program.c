/*
 * program: stepping, recording and replaying a program on the model
 * (see program.h).
 */
#include "view/program.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsutil.h"
#include "base/xalloc.h"
#include "pyrun/gc_timing.h"

#define PROG_DEFAULT_STEP_LIMIT 5000000u /* instructions in one statement */

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    (void)stream;
    Program *p = ctx;
    buf_add_capped(&p->output, text, n, PY_CAPTURE_MAX, &p->output_cut);
}

static void note_changes(Program *p);

/* Once, where it happens: the program's collector counts now depend on the
 * count CPython's compiler left, which the model cannot know (`pydive run`
 * checks and refuses; a stepping screen can only say so). */
static void note_gc_timing(Program *p)
{
    if (p->gc_timing_noted || !py_gc_timing_sensitive(p->run))
        return;
    p->gc_timing_noted = true;
    char note[320];
    int n = snprintf(note, sizeof note,
                     "pydive: note: line %d: from here on, when CPython's automatic collections "
                     "run depends on what its compiler allocated, which the model does not "
                     "replay: collector counts may differ from CPython's (a gc.collect() "
                     "first makes them exact)\n",
                     p->last_line ? p->last_line : p->line);
    buf_add_capped(&p->output, note, (size_t)n, PY_CAPTURE_MAX, &p->output_cut);
}

/* A fresh model and interpreter for the source, at action 0: nothing of the
 * previous run survives (a replay must draw what stepping forward drew), and
 * the interpreter's start-up arenas are on the map from the first frame. */
static void boot(Program *p)
{
    if (p->run)
        py_free(p->run);
    if (p->sim)
        sim_free(p->sim);
    buf_clear(&p->output);
    p->output_cut = false;
    p->gc_timing_noted = false;
    p->sim = sim_new(p->prof);
    if (p->memory_limit)
        sim_set_memory_limit(p->sim, p->memory_limit);
    p->run = py_new(p->sim, buf_str(&p->source), p->source.len, p->name, capture, p);
    py_set_step_limit(p->run, p->step_limit);
    p->finished = false;
    p->exit_code = 0;
    p->line = py_current_line(p->run);
    p->last_line = 0;
    p->pos = 0;
    p->pos_statements = 0;
    p->seen_events = p->sim->nevents;
    p->touched_arena = p->touched_pool = -1;
    if (p->narena_seen)
        memset(p->arena_seen, 0, p->narena_seen);
    note_changes(p);
}

void program_init(Program *p, const char *name, const char *src, size_t n,
                  const SimProfile *prof)
{
    *p = (Program){0};
    p->prof = prof;
    p->name = xstrdup(name);
    buf_add(&p->source, src, n);
    p->step_limit = PROG_DEFAULT_STEP_LIMIT;
    boot(p);
}

void program_set_memory(Program *p, uint64_t bytes)
{
    p->memory_limit = bytes;
    p->nactions = 0;
    p->nstatements = 0;
    p->record_ends = false;
    boot(p);
}

bool program_open(Program *p, const char *path, const SimProfile *prof, Buf *err)
{
    Buf src = {0};
    if (!file_read(path, 1024 * 1024, &src, err)) {
        buf_fini(&src);
        return false;
    }
    char *abs = realpath(path, NULL); /* CPython names __main__ by its absolute path */
    program_init(p, abs ? abs : path, buf_str(&src), src.len, prof);
    free(abs);
    buf_fini(&src);
    return true;
}

void program_fini(Program *p)
{
    if (p->run)
        py_free(p->run);
    if (p->sim)
        sim_free(p->sim);
    buf_fini(&p->source);
    buf_fini(&p->output);
    free(p->name);
    free(p->actions);
    free(p->out_len);
    free(p->lines);
    free(p->samples);
    free(p->sample_blocks);
    free(p->snap_index);
    free(p->arena_seen);
    *p = (Program){0};
}

/* Bytes in live blocks and bytes held from the system, from the allocator's
 * running totals (no walk over the heap). */
static MemSample sample(const Program *p, size_t step)
{
    const PmHeap *h = &p->sim->pm;
    uint64_t live = h->raw_live_bytes;
    for (unsigned c = 0; c < PM_NCLASSES; c++)
        live += h->class_in_use[c] * pm_class_size(c);
    uint64_t held = h->narenas_current * (uint64_t)h->arena_size + h->raw_live_bytes;
    return (MemSample){(uint32_t)step, live, held};
}

/* Which pool the newest allocation went to, and which arenas were ever mapped. */
static void note_changes(Program *p)
{
    SimEvent ev[64];
    size_t n;
    while ((n = sim_events_since(p->sim, p->seen_events, ev, 64)) > 0) {
        for (size_t i = 0; i < n; i++) {
            p->seen_events = ev[i].seq + 1;
            if (ev[i].kind != SE_ALLOC || !ev[i].obj || ev[i].obj >= p->sim->nobj)
                continue;
            PmPtr m = p->sim->obj[ev[i].obj].mem;
            if (!m || pm_is_raw(m))
                continue;
            uint32_t pool = (m >> 10) - 1; /* pymalloc.h: ((pool + 1) << 10 | block) */
            p->touched_arena = (int)(pool / p->sim->pm.pools_per_arena);
            p->touched_pool = (int)(pool % p->sim->pm.pools_per_arena);
        }
        if (n < 64)
            break;
    }
    const PmHeap *h = &p->sim->pm;
    if (h->narenas_alloc > p->narena_seen) {
        p->arena_seen = xrealloc(p->arena_seen, h->narenas_alloc);
        memset(p->arena_seen + p->narena_seen, 0, h->narenas_alloc - p->narena_seen);
        p->narena_seen = h->narenas_alloc;
    }
    for (uint32_t a = 0; a < h->narenas_alloc; a++)
        if (h->arenas[a].live)
            p->arena_seen[a] = 1;
}

/* Applies one action to the model. */
static void apply(Program *p, ProgAction act)
{
    if (act == PROG_GC_PHASE) {
        if (gc_phase(p->sim) == GC_IDLE) {
            p->sim->gc.count_pinned = true; /* a full collection: every count is known after it */
            gc_begin(p->sim, 2);
            gc_step(p->sim); /* the first phase (copy the counts) with the start */
        } else {
            gc_step(p->sim);
        }
    } else if (!p->finished) {
        p->last_line = p->line;
        PyStatus st = py_step(p->run);
        note_gc_timing(p);
        if (st != PY_PAUSED) {
            py_finalize(p->run);
            p->finished = true;
            p->exit_code = py_exit_code(p->run);
        }
        p->line = p->finished ? 0 : py_current_line(p->run);
    }
    p->pos++;
    p->pos_statements += act == PROG_STATEMENT;
    note_changes(p);
}

/* Block maxima of the samples below i (MEM_BLOCK): sample i-1 just written
 * after samples 0..i-2, or the record cut to i samples (its last block is
 * then summed again: it may hold samples the cut dropped). */
static void update_block(Program *p, size_t i, bool cut)
{
    if (i == 0)
        return;
    size_t b = (i - 1) / MEM_BLOCK, first = b * MEM_BLOCK;
    MemSample *m = &p->sample_blocks[b];
    if (cut || i - 1 == first)
        *m = p->samples[first];
    for (size_t k = cut ? first + 1 : i - 1; k < i; k++) {
        if (p->samples[k].live_bytes > m->live_bytes)
            m->live_bytes = p->samples[k].live_bytes;
        if (p->samples[k].held_bytes > m->held_bytes)
            m->held_bytes = p->samples[k].held_bytes;
    }
}

static void record(Program *p, ProgAction act)
{
    if (p->nactions + 1 > p->cap) {
        size_t cap = p->cap;
        p->actions = xgrow(p->actions, &cap, p->nactions + 1, sizeof *p->actions);
        p->out_len = xrealloc(p->out_len, cap * sizeof *p->out_len);
        p->lines = xrealloc(p->lines, cap * sizeof *p->lines);
        p->samples = xrealloc(p->samples, cap * sizeof *p->samples);
        p->sample_blocks = xrealloc(p->sample_blocks,
                                    (cap / MEM_BLOCK + 1) * sizeof *p->sample_blocks);
        p->cap = cap;
    }
    size_t i = p->nactions++;
    p->actions[i] = (uint8_t)act;
    p->out_len[i] = p->output.len;
    p->lines[i] = p->line;
    p->samples[i] = sample(p, i + 1);
    update_block(p, i + 1, false);
    if (act == PROG_STATEMENT) {
        p->nstatements++;
        p->record_ends |= p->line == 0;
    }
}

/* The record's statement counts again, once it was cut to nactions (the
 * frame's header asks them every frame: program_counts). */
static void recount(Program *p)
{
    p->nstatements = 0;
    p->record_ends = false;
    for (size_t i = 0; i < p->nactions; i++)
        if (p->actions[i] == PROG_STATEMENT) {
            p->nstatements++;
            p->record_ends |= p->lines[i] == 0;
        }
}

bool program_collecting(const Program *p)
{
    return gc_phase(p->sim) != GC_IDLE;
}

static bool take(Program *p, ProgAction act)
{
    if (p->pos < p->nactions) {
        if (p->actions[p->pos] != act) {
            p->nactions = p->pos; /* a different path from here: the rest is dropped */
            recount(p);
            update_block(p, p->nactions, true);
        }
    }
    if (p->pos < p->nactions) {
        size_t i = p->pos;
        apply(p, act);
        MemSample now = sample(p, i + 1);
        if (now.live_bytes != p->samples[i].live_bytes || p->output.len != p->out_len[i])
            p->diverged = true;
        return true;
    }
    apply(p, act);
    record(p, act);
    return true;
}

bool program_step(Program *p)
{
    if (gc_phase(p->sim) != GC_IDLE) /* finish the collection being stepped first */
        return take(p, PROG_GC_PHASE);
    if (p->finished)
        return false;
    return take(p, PROG_STATEMENT);
}

bool program_gc_phase(Program *p)
{
    return take(p, PROG_GC_PHASE);
}

void program_seek(Program *p, size_t pos)
{
    if (pos > p->nactions)
        pos = p->nactions;
    if (pos < p->pos)
        boot(p);
    while (p->pos < pos)
        take(p, (ProgAction)p->actions[p->pos]);
}

size_t program_run(Program *p, size_t max_actions)
{
    size_t n = 0;
    while (n < max_actions && program_step(p))
        n++;
    return n;
}

void program_counts(const Program *p, ProgCounts *out)
{
    *out = (ProgCounts){.step = p->pos_statements, .steps = p->nstatements, .known_end = p->record_ends};
#ifdef SIM_CHECKS
    ProgCounts scan = {0}; /* what the counts kept as the record grows stand for */
    for (size_t i = 0; i < p->nactions; i++)
        if (p->actions[i] == PROG_STATEMENT) {
            scan.step += i < p->pos;
            scan.steps++;
            scan.known_end |= p->lines[i] == 0;
        }
    SIM_ASSERT(scan.step == out->step && scan.steps == out->steps && scan.known_end == out->known_end);
#endif
    size_t i = p->pos;
    while (i > 0 && p->actions[i - 1] == PROG_GC_PHASE) {
        out->phase++;
        i--;
    }
    out->collected = -1;
    if (out->phase > 0 && gc_phase(p->sim) == GC_IDLE)
        out->collected = gc_result(p->sim); /* the collection stepped with c is done */
}
