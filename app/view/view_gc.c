/*
 * view_gc: the collector's generations and, during a collection, its
 * phases one after another with every object's working count (gc_refs), so
 * a learner can follow why an object turns out to be garbage.
 */
#include <stdio.h>
#include <string.h>

#include "view/doc.h"
#include "view/glyphs.h"
#include "view/screens.h"
#include "view/graph_layout.h"
#include "view/views.h"

static const char *const phase_names[SNAP_PHASE_COUNT] = {
    [SNAP_PHASE_NONE] = "idle",
    [SNAP_PHASE_COPY] = "copy refcounts",
    [SNAP_PHASE_SUBTRACT] = "subtract internal refs",
    [SNAP_PHASE_SPLIT] = "split reachable",
    [SNAP_PHASE_WEAKREFS] = "weakref callbacks",
    [SNAP_PHASE_FINALIZE] = "finalizers",
    [SNAP_PHASE_FREE] = "free",
};

/* What the current phase does, in one sentence. */
static const char *const phase_story[SNAP_PHASE_COUNT] = {
    [SNAP_PHASE_NONE] = "Not collecting. A collection starts when generation 0's count "
                      "passes its threshold, or on gc.collect().",
    [SNAP_PHASE_COPY] = "Each tracked object's working count starts as its reference count.",
    [SNAP_PHASE_SUBTRACT] = "Every reference from one tracked object to another in the "
                          "generation is subtracted; what remains counts references from outside.",
    [SNAP_PHASE_SPLIT] = "Objects with a count above 0 are reachable, and so is everything "
                       "they reach; the rest is unreachable.",
    [SNAP_PHASE_WEAKREFS] = "Weak references to the garbage are cleared and their callbacks "
                          "run, before any finalizer.",
    [SNAP_PHASE_FINALIZE] = "__del__ runs once on unreachable objects that have one (PEP 442); "
                          "anything a finalizer made reachable again is kept.",
    [SNAP_PHASE_FREE] = "What is still unreachable is freed by clearing its references.",
};

const char *snap_phase_name(SnapPhase p)
{
    return p < SNAP_PHASE_COUNT ? phase_names[p] : "?";
}

const SnapObject *snapshot_find(const HeapSnapshot *s, uint32_t id)
{
    for (size_t i = 0; i < s->nobjs; i++)
        if (s->objs[i].id == id)
            return &s->objs[i];
    return NULL;
}

static const char *verdict(const SnapObject *o, SnapPhase phase)
{
    switch (o->state) {
    case SNAP_FREED: return "freed";
    case SNAP_FINALIZED: return "finalized";
    case SNAP_UNREACHABLE: return "UNREACHABLE";
    case SNAP_GARBAGE: return "garbage";
    case SNAP_LIVE: return phase >= SNAP_PHASE_SPLIT ? "reachable" : "";
    }
    return "";
}

static void draw_generations(const HeapSnapshot *s, Canvas *cv, Rect r)
{
    for (int g = 0; g < 3; g++) {
        char line[64];
        snprintf(line, sizeof line, "gen %d%s", g, s->collecting == g ? " *" : "  ");
        int x = r.x + canvas_text(cv, r.x, r.y + g, 8, line,
                                  s->collecting == g ? ROLE_STRONG : ROLE_NORMAL);
        x = r.x + 8;
        int bar = r.w - 8 - 14 > 20 ? 20 : r.w - 8 - 14;
        if (bar > 3)
            x += chrome_bar(cv, x, r.y + g, bar, (size_t)s->gen[g].count,
                            (size_t)(s->gen[g].threshold > 0 ? s->gen[g].threshold : 1)) + 1;
        snprintf(line, sizeof line, "%d/%d", s->gen[g].count, s->gen[g].threshold);
        canvas_text(cv, x, r.y + g, r.x + r.w - x, line, ROLE_NORMAL);
    }
}

/* The phases in order, the current one marked; names are dropped for the
 * others when the line is too narrow for all of them. */
static void draw_phases(const HeapSnapshot *s, Canvas *cv, int x, int y, int w)
{
    int full = 0;
    for (int p = SNAP_PHASE_COPY; p < SNAP_PHASE_COUNT; p++)
        full += 4 + (int)strlen(phase_names[p]);
    bool names = full <= w;
    int cx = x;
    for (int p = SNAP_PHASE_COPY; p < SNAP_PHASE_COUNT && cx < x + w; p++) {
        bool now = s->phase == (SnapPhase)p;
        char step[48];
        snprintf(step, sizeof step, "%s%d%s%s", now ? (cv->ascii ? ">" : "\xe2\x96\xb8") : " ", p,
                 names || now ? " " : "", names || now ? phase_names[p] : "");
        cx += canvas_text(cv, cx, y, x + w - cx, step, now ? ROLE_SELECTED : ROLE_SUBTLE);
        cx += canvas_text(cv, cx, y, x + w - cx, " ", ROLE_NORMAL);
    }
}

void view_gc(const HeapSnapshot *s, Canvas *cv, Rect r)
{
    if (r.h < 6 || r.w < 30) {
        canvas_text_fit(cv, r.x, r.y, r.w, "(collector: too small)", ROLE_SUBTLE);
        return;
    }
    canvas_text_fit(cv, r.x, r.y, r.w, "Collector: generations (count/threshold)", ROLE_HEADING);
    draw_generations(s, cv, (Rect){r.x, r.y + 1, r.w, 3});
    int y = r.y + 4;
    char line[160];
    snprintf(line, sizeof line, "Phase: %s", phase_names[s->phase < SNAP_PHASE_COUNT ? s->phase : 0]);
    canvas_text_fit(cv, r.x, y++, r.w, line, ROLE_STRONG);
    draw_phases(s, cv, r.x, y++, r.w);
    /* The story of this phase, wrapped by hand to the rectangle. */
    const char *story = phase_story[s->phase < SNAP_PHASE_COUNT ? s->phase : 0];
    Doc d = {0};
    doc_add_prose(&d, story, r.w, 0, cv->ascii);
    for (size_t i = 0; i < d.n && y < r.y + r.h; i++)
        canvas_styled(cv, r.x, y++, r.w, d.lines[i].text, d.lines[i].len, d.lines[i].roles);
    doc_fini(&d);
    if (s->phase == SNAP_PHASE_NONE || y + 2 > r.y + r.h)
        return;

    y++;
    canvas_text_fit(cv, r.x, y++, r.w, "object                 type        refs  gc_refs  verdict",
                    ROLE_SUBTLE);
    /* objects carry the graph view's #tags, so two <Node object>s can be told apart
     * and found on the graph */
    GraphLayout g;
    graph_layout(s, 0, &g);
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < s->nobjs; i++) {
        const SnapObject *o = &s->objs[i];
        if (o->gc_refs == INT64_MIN)
            continue;
        total++;
        if (y >= r.y + r.h - (i + 1 < s->nobjs ? 1 : 0))
            continue;
        Role role = o->state == SNAP_LIVE ? ROLE_NORMAL : ROLE_GARBAGE;
        char name[64];
        int node = graph_node_of_id(&g, o->id);
        if (node >= 0)
            snprintf(name, sizeof name, "#%d %s", g.nodes[node].tag, o->label);
        else
            snprintf(name, sizeof name, "%s", o->label);
        snprintf(line, sizeof line, "%-22.22s %-10.10s %5lld  %7lld  %s", name, o->type,
                 (long long)o->refcount, (long long)o->gc_refs, verdict(o, s->phase));
        canvas_text_fit(cv, r.x, y++, r.w, line, role);
        shown++;
    }
    graph_layout_fini(&g);
    if (shown < total) {
        snprintf(line, sizeof line, "... %zu more object(s) in this generation", total - shown);
        canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, line, ROLE_SUBTLE);
    }
}
