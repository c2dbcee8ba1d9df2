/*
 * sim_snapshot: copies what the views show out of the simulated CPython
 * (see program.h for program_snapshot, snapshot.h for the shape).
 *
 * Objects are gathered breadth-first from the names of the program's frames
 * (its globals, then each active call's locals), then
 * every tracked object no name reaches (garbage the collector has not taken
 * yet, or is taking now) is added.  Functions, classes, modules, built-ins
 * and the None/True/False singletons are shown as leaves so the graph shows
 * the program's data, not the interpreter's machinery.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/interp.h"
#include "view/program.h"

typedef struct Gather {
    Sim *sim;
    HeapSnapshot *out;
    uint32_t *index; /* [sim->nobj]: 1 + position in out->objs, 0 = not taken */
    SimId *queue;
    size_t nqueue, head, max;
    size_t cap_edges, cap_objs, cap_names, cap_frames;
    SimId from;
} Gather;

static bool is_leaf_kind(SimKind k)
{
    return k == SK_FUNC || k == SK_TYPE || k == SK_MODULE || k == SK_BUILTIN || k == SK_METHOD ||
           k == SK_NONE || k == SK_BOOL || k == SK_NOTIMPL || k == SK_SENTINEL;
}

static bool hidden(const Sim *s, SimId id)
{
    SimKind k = sim_kind(s, id);
    return k == SK_NONE || k == SK_BOOL || k == SK_NOTIMPL || k == SK_SENTINEL ||
           k == SK_BUILTIN || k == SK_MODULE || k == SK_FREE;
}

/* "[3 items]", "(1 item)", "{0 items}": the most common labels, written
 * without snprintf (a snapshot of 2,000 objects is taken every frame of a
 * running program). */
static void count_label(char *out, size_t n, char open, uint32_t count, char close)
{
    char digits[12];
    int nd = 0;
    do
        digits[nd++] = (char)('0' + count % 10);
    while ((count /= 10) && nd < 11);
    size_t k = 0;
    out[k++] = open;
    while (nd > 0)
        out[k++] = digits[--nd];
    const char *word = digits[0] == '1' && k == 2 ? " item" : " items";
    size_t wl = strlen(word);
    if (k + wl + 2 > n) {
        out[0] = '\0';
        return;
    }
    memcpy(out + k, word, wl);
    k += wl;
    out[k++] = close;
    out[k] = '\0';
}

static void label_of(const Sim *s, SimId id, char *out, size_t n)
{
    const SimObj *o = &s->obj[id];
    size_t len;
    const char *t;
    switch ((SimKind)o->kind) {
    case SK_INT:
        if (o->sub)
            snprintf(out, n, "<big int>");
        else
            snprintf(out, n, "%lld", (long long)o->v.i);
        break;
    case SK_FLOAT: snprintf(out, n, "%.6g", o->v.f); break;
    case SK_STR:
        t = sim_str_data(s, id, &len);
        snprintf(out, n, "'%.*s%s'", (int)(len > 24 ? 24 : len), t ? t : "", len > 24 ? "..." : "");
        for (char *c = out; *c; c++)
            if (*c == '\n' || *c == '\t')
                *c = ' ';
        break;
    case SK_BYTES: snprintf(out, n, "bytes[%u]", o->len); break;
    case SK_BYTEARRAY: snprintf(out, n, "bytearray[%u]", o->len); break;
    case SK_LIST: count_label(out, n, '[', o->len, ']'); break;
    case SK_TUPLE: count_label(out, n, '(', o->len, ')'); break;
    case SK_DICT: count_label(out, n, '{', o->len, '}'); break;
    case SK_SET: snprintf(out, n, "set of %u", o->len); break;
    case SK_INSTANCE: snprintf(out, n, "<%s object>", sim_type_name(s, id)); break;
    case SK_WEAKREF: snprintf(out, n, "<weakref%s>", o->v.weakref.obj ? "" : " (dead)"); break;
    default: snprintf(out, n, "<%s>", sim_type_name(s, id)); break;
    }
}

/* The reference count (ob_refcnt); -1 for an immortal object. */
static int64_t refcount_shown(const Sim *s, SimId id)
{
    return (s->obj[id].flags & SIM_F_IMMORTAL) ? -1 : s->obj[id].refcnt;
}

static void take_object(Gather *g, SimId id)
{
    if (g->index[id] || g->out->nobjs >= g->max || hidden(g->sim, id))
        return;
    const SimObj *o = &g->sim->obj[id];
    g->out->objs = xgrow(g->out->objs, &g->cap_objs, g->out->nobjs + 1, sizeof *g->out->objs);
    SnapObject *so = &g->out->objs[g->out->nobjs++];
    memset(so, 0, sizeof *so);
    so->id = id;
    const char *type = sim_type_name(g->sim, id);
    size_t tlen = strnlen(type, sizeof so->type - 1); /* memset above: stays terminated */
    memcpy(so->type, type, tlen);
    label_of(g->sim, id, so->label, sizeof so->label);
    so->refcount = refcount_shown(g->sim, id);
    so->size = (uint32_t)sim_sizeof(g->sim, id);
    so->tracked = (o->flags & SIM_F_TRACKED) != 0;
    so->generation = so->tracked ? (int8_t)o->gen : -1;
    /* In the collection: everything in the generations being collected,
     * including what it already found reachable again. */
    bool in_collection = gc_phase(g->sim) != GC_IDLE && (o->flags & SIM_F_TRACKED) &&
                         ((o->flags & SIM_F_COLLECTING) || o->gen <= g->sim->gc.run_gen);
    so->gc_refs = in_collection ? o->gc_refs : INT64_MIN;
    so->state = (o->flags & SIM_F_UNREACHABLE) ? SNAP_UNREACHABLE
                : (o->flags & SIM_F_FINALIZED) && in_collection ? SNAP_FINALIZED
                                                                : SNAP_LIVE;
    g->index[id] = (uint32_t)g->out->nobjs;
    if (!is_leaf_kind((SimKind)o->kind))
        g->queue[g->nqueue++] = id;
}

static void visit_edge(Sim *s, SimId ref, void *arg)
{
    Gather *g = arg;
    if (!ref || ref >= s->nobj)
        return;
    /* once the snapshot is full only edges between objects already taken
     * are added: a list of 50,000 items costs an index look-up each */
    if (!g->index[ref] && (g->out->nobjs >= g->max || hidden(s, ref)))
        return;
    SimKind k = sim_kind(s, ref);
    if (k == SK_TYPE && sim_kind(s, g->from) == SK_INSTANCE)
        return; /* every instance refers to its class: leave that edge out */
    take_object(g, ref);
    if (!g->index[ref])
        return;
    g->out->edges = xgrow(g->out->edges, &g->cap_edges, g->out->nedges + 1,
                          sizeof *g->out->edges);
    g->out->edges[g->out->nedges++] = (SnapEdge){g->from, ref, ""};
}

static void walk(Gather *g)
{
    while (g->head < g->nqueue) {
        g->from = g->queue[g->head++];
        sim_traverse(g->sim, g->from, visit_edge, g);
    }
}

/* What a name shows when its object is not drawn (hidden kinds). */
static void inline_value(const Sim *s, SimId id, char *out, size_t n)
{
    switch (sim_kind(s, id)) {
    case SK_NONE: snprintf(out, n, "None"); break;
    case SK_BOOL: snprintf(out, n, "%s", s->obj[id].v.i ? "True" : "False"); break;
    case SK_NOTIMPL: snprintf(out, n, "NotImplemented"); break;
    default: snprintf(out, n, "<%.12s>", sim_type_name(s, id)); break;
    }
}

static void add_name(Gather *g, const char *name, size_t len, SimId value)
{
    if (!value || value >= g->sim->nobj)
        return; /* unbound: not yet assigned, or deleted */
    take_object(g, value);
    g->out->names = xgrow(g->out->names, &g->cap_names, g->out->nnames + 1,
                          sizeof *g->out->names);
    SnapName *sn = &g->out->names[g->out->nnames++];
    memset(sn, 0, sizeof *sn);
    snprintf(sn->name, sizeof sn->name, "%.*s", (int)(len < 31 ? len : 31), name);
    if (g->index[value])
        sn->obj = value;
    else
        inline_value(g->sim, value, sn->value, sizeof sn->value);
}

/* The names of a dict namespace (the globals, a class body's locals). */
static void dict_names(Gather *g, SimId dict)
{
    uint32_t pos = 0;
    SimId key, value;
    while (dict && sim_dict_next(g->sim, dict, &pos, &key, &value)) {
        size_t len;
        const char *name = sim_kind(g->sim, key) == SK_STR ? sim_str_data(g->sim, key, &len) : NULL;
        if (!name || (len > 1 && name[0] == '_' && name[1] == '_'))
            continue; /* __name__, __builtins__, ... */
        add_name(g, name, len, value);
    }
}

/* A function's locals: its slots, a cell's content for a captured name. */
static void slot_names(Gather *g, const PyRun *I, const Frame *f)
{
    const PyCode *co = &I->codes[f->code];
    for (int i = 0; i < co->nslots; i++) {
        SimId v = I->ts->stack[f->base + (uint32_t)i];
        if (v && co->slotkind[i] != SLOT_LOCAL && sim_kind(g->sim, v) == SK_CELL)
            v = SIM_V(g->sim, v, SK_CELL, cell.ref);
        size_t len;
        const char *name = sim_str_data(g->sim, co->slotnames[i], &len);
        /* not a comprehension's hidden iterator (.0), nor the __class__
         * cell of a method that uses super(): as the globals skip dunders */
        if (name && name[0] != '.' && !(len > 1 && name[0] == '_' && name[1] == '_'))
            add_name(g, name, len, v);
    }
}

static bool has_locals_part(const char *s, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i++)
        if (memcmp(s + i, "<locals>", 8) == 0)
            return true;
    return false;
}

static void begin_frame(Gather *g, const char *title, size_t len)
{
    g->out->frames = xgrow(g->out->frames, &g->cap_frames, g->out->nframes + 1,
                           sizeof *g->out->frames);
    SnapFrame *fr = &g->out->frames[g->out->nframes++];
    snprintf(fr->title, sizeof fr->title, "%.*s", (int)(len < 39 ? len : 39), title);
    fr->first = (uint32_t)g->out->nnames;
}

static void end_frame(Gather *g)
{
    SnapFrame *fr = &g->out->frames[g->out->nframes - 1];
    fr->count = (uint32_t)g->out->nnames - fr->first;
}

/* The stack as Python Tutor draws it: globals, then each active call with
 * its locals (the innermost SNAP_FRAMES_SHOWN of a deep recursion).  The
 * frames are the interpreter's own (pyrun/interp.h): pyrun.h has their
 * names but not their locals. */
#define SNAP_FRAMES_SHOWN 12
static void gather_frames(Gather *g, const PyRun *I)
{
    begin_frame(g, "Globals", 7);
    dict_names(g, I->globals);
    end_frame(g);
    int from = I->ts->nframes - SNAP_FRAMES_SHOWN > 1 ? I->ts->nframes - SNAP_FRAMES_SHOWN : 1;
    g->out->frames_hidden = (size_t)(from - 1);
    for (int k = from; k < I->ts->nframes; k++) {
        const Frame *f = py_thread_frame(I->ts, k);
        size_t len;
        const PyCode *co = &I->codes[f->code];
        const char *title = sim_str_data(g->sim, co->qualname, &len);
        if (title && has_locals_part(title, len)) /* make.<locals>.inner: inner */
            title = sim_str_data(g->sim, co->name, &len);
        if (!title)
            title = "?", len = 1;
        begin_frame(g, title, len);
        if (f->kind == FR_CLASS || (f->locals && f->locals != I->globals))
            dict_names(g, f->locals);
        else
            slot_names(g, I, f);
        end_frame(g);
    }
}

static void gather_arenas(const Program *p, HeapSnapshot *out)
{
    const PmHeap *h = &p->sim->pm;
    size_t n = 0, nseen = p->narena_seen < h->narenas_alloc ? p->narena_seen : h->narenas_alloc;
    for (size_t a = 0; a < nseen; a++)
        n += p->arena_seen[a] != 0;
    out->arenas = xcalloc(n + 1, sizeof *out->arenas);
    int touched_skip = 0;
    for (uint32_t a = 0; a < nseen; a++) {
        if (!p->arena_seen[a])
            continue;
        const PmArena *ar = &h->arenas[a];
        SnapArena *sa = &out->arenas[out->narenas++];
        sa->id = a;
        sa->live = ar->live;
        if (!ar->live)
            continue;
        sa->npools = ar->ntotalpools;
        sa->pools = xcalloc(sa->npools + 1u, sizeof *sa->pools);
        /* An arena not aligned to a pool loses its first pool slot (as in
         * pymalloc's take_pool); its pools start one slot further. */
        uint32_t skip = ar->ntotalpools < h->pools_per_arena ? 1 : 0;
        for (uint16_t k = 0; k < sa->npools; k++) {
            const PmPool *pool = &h->pools[a * h->pools_per_arena + skip + k];
            bool carved = k < ar->nextvirgin && pool->szidx != 0xffff && pool->count > 0;
            sa->pools[k] = (SnapPool){carved ? (uint8_t)pool->szidx : SNAP_CLASS_NONE,
                                      carved ? pool->count : 0, pool->maxblocks};
        }
        if ((int)a == p->touched_arena) {
            out->touched_arena = (int)out->narenas - 1;
            touched_skip = (int)skip;
        }
    }
    out->touched_pool = out->touched_arena >= 0 ? p->touched_pool - touched_skip : -1;
}

/* What no name reaches is either held by the interpreter (a class's dict,
 * a frame, a function's defaults) or garbage.  Tell them apart the way the
 * collector does: among the tracked containers no name reaches, subtract the
 * references they hold to each other; whatever still has references left is
 * held from outside, and so is everything it reaches; the rest is garbage,
 * shown greyed until the collector takes it. */
typedef struct Candidates {
    Sim *sim;
    uint32_t *slot;  /* [nobj]: 1 + candidate index, 0 = not a candidate */
    int64_t *ext;    /* references from outside the candidates */
    SimId *ids;
    size_t n;
    size_t *queue;
    size_t nqueue;
    bool *held;
} Candidates;

static void subtract_internal(Sim *s, SimId ref, void *arg)
{
    Candidates *c = arg;
    if (ref && ref < s->nobj && c->slot[ref])
        c->ext[c->slot[ref] - 1]--;
}

static void mark_held(Sim *s, SimId ref, void *arg)
{
    Candidates *c = arg;
    if (!ref || ref >= s->nobj || !c->slot[ref])
        return;
    size_t k = c->slot[ref] - 1;
    if (!c->held[k]) {
        c->held[k] = true;
        c->queue[c->nqueue++] = k;
    }
}

static void add_garbage(Gather *g)
{
    Sim *s = g->sim;
    Candidates c = {.sim = s};
    c.slot = xcalloc(s->nobj + 1, sizeof *c.slot);
    c.ids = xmalloc((s->nobj + 1) * sizeof *c.ids);
    for (SimId id = 1; id < s->nobj; id++) {
        const SimObj *o = &s->obj[id];
        if (o->kind != SK_FREE && !(o->flags & SIM_F_STATIC) && (o->flags & SIM_F_TRACKED) &&
            !g->index[id] && !is_leaf_kind((SimKind)o->kind)) {
            c.ids[c.n] = id;
            c.slot[id] = (uint32_t)++c.n;
        }
    }
    c.ext = xmalloc((c.n + 1) * sizeof *c.ext);
    c.held = xcalloc(c.n + 1, sizeof *c.held);
    c.queue = xmalloc((c.n + 1) * sizeof *c.queue);
    for (size_t k = 0; k < c.n; k++)
        c.ext[k] = s->obj[c.ids[k]].refcnt;
    for (size_t k = 0; k < c.n; k++)
        sim_traverse(s, c.ids[k], subtract_internal, &c);
    for (size_t k = 0; k < c.n; k++)
        if (c.ext[k] > 0 && !c.held[k]) {
            c.held[k] = true;
            c.queue[c.nqueue++] = k;
        }
    for (size_t h = 0; h < c.nqueue; h++)
        sim_traverse(s, c.ids[c.queue[h]], mark_held, &c);
    for (size_t k = 0; k < c.n && g->out->nobjs < g->max; k++)
        if (!c.held[k]) {
            take_object(g, c.ids[k]);
            uint32_t at = g->index[c.ids[k]];
            if (at && g->out->objs[at - 1].state == SNAP_LIVE)
                g->out->objs[at - 1].state = SNAP_GARBAGE;
            walk(g);
        }
    free(c.slot), free(c.ids), free(c.ext), free(c.held), free(c.queue);
}

static SnapPhase phase_of(const Sim *s)
{
    if (gc_phase(s) == GC_IDLE)
        return SNAP_PHASE_NONE;
    switch (gc_phase(s)) {
    case GC_IDLE: case GC_PH_START: case GC_PH_UPDATE_REFS: return SNAP_PHASE_COPY;
    case GC_PH_SUBTRACT_REFS: return SNAP_PHASE_SUBTRACT;
    case GC_PH_MOVE_UNREACHABLE: case GC_PH_SURVIVORS: return SNAP_PHASE_SPLIT;
    case GC_PH_WEAKREFS: return SNAP_PHASE_WEAKREFS;
    case GC_PH_FINALIZE: case GC_PH_RESURRECT: return SNAP_PHASE_FINALIZE;
    case GC_PH_DELETE: case GC_PH_DONE: return SNAP_PHASE_FREE;
    }
    return SNAP_PHASE_NONE;
}

void program_snapshot(Program *p, HeapSnapshot *out, size_t max_objects)
{
    memset(out, 0, sizeof *out);
    out->touched_arena = out->touched_pool = -1;
    out->collecting = (gc_phase(p->sim) != GC_IDLE) ? p->sim->gc.run_gen : -1;
    out->phase = phase_of(p->sim);
    for (int i = 0; i < 3; i++)
        out->gen[i] = (SnapGen){p->sim->gc.gen[i].count, p->sim->gc.gen[i].threshold};
    MemSample m = p->nactions && p->pos ? p->samples[p->pos - 1] : (MemSample){0, 0, 0};
    if (!p->pos) {
        const PmHeap *h = &p->sim->pm;
        m.held_bytes = h->narenas_current * (uint64_t)h->arena_size + h->raw_live_bytes;
    }
    out->live_bytes = m.live_bytes;
    out->held_bytes = m.held_bytes;
    gather_arenas(p, out);

    /* The index is kept from call to call (a fresh one per frame costs a
     * page fault per 1,024 objects of the heap); only what was set is
     * cleared afterwards. */
    if (p->snap_index_cap < p->sim->nobj + 1) {
        size_t cap = p->sim->nobj + 1;
        p->snap_index = xrealloc(p->snap_index, cap * sizeof *p->snap_index);
        memset(p->snap_index + p->snap_index_cap, 0,
               (cap - p->snap_index_cap) * sizeof *p->snap_index);
        p->snap_index_cap = cap;
    }
    Gather g = {.sim = p->sim, .out = out, .max = max_objects, .index = p->snap_index};
    g.queue = xmalloc((max_objects + 1) * sizeof *g.queue);
    if (!p->finished)
        gather_frames(&g, p->run);
    walk(&g);
    if (out->nobjs < max_objects) /* else no garbage would fit: skip the heap-wide pass */
        add_garbage(&g);
    for (size_t i = 0; i < out->nobjs; i++)
        g.index[out->objs[i].id] = 0;
    free(g.queue);
}

void snapshot_free(HeapSnapshot *s)
{
    for (size_t i = 0; i < s->narenas; i++)
        free(s->arenas[i].pools);
    free(s->arenas);
    free(s->objs);
    free(s->edges);
    free(s->names);
    free(s->frames);
    memset(s, 0, sizeof *s);
}

bool program_pool_detail(Program *p, uint32_t arena, uint32_t pool, SnapPoolDetail *out)
{
    memset(out, 0, sizeof *out);
    const PmHeap *h = &p->sim->pm;
    bool in_use[1024];
    uint16_t chain[1024], nchain, virgin;
    uint16_t n = pm_pool_blocks(h, arena, pool, in_use, chain, 1024, &nchain, &virgin);
    if (n == 0)
        return false;
    out->arena = arena;
    out->pool = pool;
    out->size_class = (uint8_t)h->pools[arena * h->pools_per_arena + pool].szidx;
    out->nblocks = n;
    out->in_use = xmalloc(n * sizeof *out->in_use);
    memcpy(out->in_use, in_use, n * sizeof *in_use);
    out->free_chain = xmalloc((nchain + 1u) * sizeof *out->free_chain);
    memcpy(out->free_chain, chain, nchain * sizeof *chain);
    out->nfree_chain = nchain;
    out->next_virgin = virgin;
    return true;
}

void pool_detail_free(SnapPoolDetail *d)
{
    free(d->in_use);
    free(d->free_chain);
    memset(d, 0, sizeof *d);
}
