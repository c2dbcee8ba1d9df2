/*
 * graph_route: where the frames, boxes and lines of the object graph go.
 * See graph_layout.h for the picture; the order of the work is
 *   1. every reference is a fan edge (to the next column) or a long one;
 *   2. long ones get a track in the gap above their target's row (interval
 *      colouring over the gutters they span), which sets the gaps' heights
 *      and so every row's y;
 *   3. the frames panel: each name on its object's label row when it can
 *      be, so most names' lines run straight across;
 *   4. every vertical run (an object's bus, a target's entry lane, a name's
 *      lane) gets a lane of its gutter (interval colouring over rows), which
 *      sets the gutters' widths and so every column's x;
 *   5. the runs and arrowheads, in plane coordinates.
 */
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/graph_layout.h"

int graph_text_cols(const char *s)
{
    size_t n = strlen(s), i = 0;
    int cols = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        int w = utf8_cp_width(cp);
        cols += w > 0 ? w : 0;
    }
    return cols;
}

typedef struct LongEdge {
    int from, to;  /* nodes */
    int gap;       /* the target's row: the gap above it */
    int lo, hi;    /* gutters spanned */
    int track;     /* -1: no room, stays text */
} LongEdge;

typedef struct Span {
    int gutter, lo, hi; /* rows lo..hi of a vertical run */
    int owner;          /* bus: node; entry: n + node; name: 2n + label */
    int lane;           /* -1: no lane (a name left as text) */
    int was;            /* its index before sorting */
    int entry;          /* 1: an entry lane, placed right of the buses and names' lanes */
} Span;

typedef struct Router {
    const HeapSnapshot *s;
    GraphLayout *g;
    int maxcol, maxrow;
    LongEdge *longs;
    size_t nlongs;
    int *fan_from;     /* fan edges: pairs of nodes */
    int *fan_to;
    size_t nfans;
    int *ntracks;      /* [maxrow + 1] */
    int *row_y;        /* [maxrow + 1] top of each row's boxes */
    Span *spans;
    size_t nspans;
    int *bus_span;     /* [n] node -> its bus span, -1 none */
    int *entry_span;   /* [n] node -> its entry span, -1 none */
    int *outdeg;       /* [n] distinct objects a node refers to */
    int *shared_bus;   /* [n] target -> the bus its single-reference sources share, -1 none */
    int *nlanes;       /* [maxcol + 2] */
    int *gutter_x;     /* [maxcol + 2] first column of each gutter */
    int *label_span;   /* [nlabels] a name's lane span, -1 none */
    bool focused;      /* only an object and its neighbours are shown */
    size_t cap_segs, cap_arrows, cap_labels;
} Router;

static int cmp_long(const void *a, const void *b)
{
    const LongEdge *x = a, *y = b;
    if (x->gap != y->gap)
        return x->gap - y->gap;
    return x->lo != y->lo ? x->lo - y->lo : x->hi - y->hi;
}

static int cmp_span(const void *a, const void *b)
{
    const Span *x = a, *y = b;
    if (x->gutter != y->gutter)
        return x->gutter - y->gutter;
    if (x->entry != y->entry)
        return x->entry - y->entry;
    return x->lo != y->lo ? x->lo - y->lo : x->hi - y->hi;
}

/* ---- 1. fan and long edges ---------------------------------------------- */

static void classify(Router *r)
{
    GraphLayout *g = r->g;
    size_t cap_f = 0, cap_l = 0;
    int *seen = xcalloc(g->n + 1, sizeof *seen); /* a target once per source */
    bool *fanned = xcalloc(g->n + 1, sizeof *fanned);
    for (size_t a = 0; a < g->n; a++) {
        const GraphNode *na = &g->nodes[a];
        for (int k = g->edge_start[na->obj]; k < g->edge_start[na->obj + 1]; k++) {
            int b = g->node_of_obj[g->edge_to[k]];
            if (b < 0 || seen[b] == (int)a + 1)
                continue;
            seen[b] = (int)a + 1;
            r->outdeg[a]++;
            const GraphNode *nb = &g->nodes[b];
            /* A second referrer from the same column would merge its arrow
             * into the first's lane mid-run (a junction of four): it comes in
             * by the target's entry lane instead, as a long reference does. */
            if (nb->col == na->col + 1 && !fanned[b]) {
                fanned[b] = true;
                r->fan_from = xgrow(r->fan_from, &cap_f, r->nfans + 1, sizeof *r->fan_from);
                r->fan_to = xrealloc(r->fan_to, cap_f * sizeof *r->fan_to);
                r->fan_from[r->nfans] = (int)a;
                r->fan_to[r->nfans++] = b;
                continue;
            }
            r->longs = xgrow(r->longs, &cap_l, r->nlongs + 1, sizeof *r->longs);
            int gs = na->col + 1, gt = nb->col; /* the source's right gutter, the target's left */
            r->longs[r->nlongs++] = (LongEdge){(int)a, b, nb->row, gs < gt ? gs : gt,
                                               gs < gt ? gt : gs, -1};
        }
    }
    free(seen);
    free(fanned);
}

/* ---- 2. tracks, and the rows' heights ------------------------------------ */

static void assign_tracks(Router *r)
{
    if (r->nlongs) /* qsort must not see NULL, even for nothing */
        qsort(r->longs, r->nlongs, sizeof *r->longs, cmp_long);
    /* A track may carry several references to one target: they end in the
     * same lane and arrowhead, so sharing it reads as what it is. */
    int end[GRAPH_TRACKS_MAX], to[GRAPH_TRACKS_MAX];
    for (size_t i = 0; i < r->nlongs;) {
        int gap = r->longs[i].gap;
        for (int t = 0; t < GRAPH_TRACKS_MAX; t++)
            end[t] = to[t] = -1;
        for (; i < r->nlongs && r->longs[i].gap == gap; i++) {
            LongEdge *e = &r->longs[i];
            for (int t = 0; t < GRAPH_TRACKS_MAX && e->track < 0; t++)
                if (end[t] < e->lo || to[t] == e->to) {
                    e->track = t;
                    end[t] = e->hi > end[t] ? e->hi : end[t];
                    to[t] = e->to;
                    if (t + 1 > r->ntracks[gap])
                        r->ntracks[gap] = t + 1;
                }
            r->g->text_refs += e->track < 0;
        }
    }
    int y = 0;
    for (int row = 0; row <= r->maxrow; row++) {
        y += r->ntracks[row] ? r->ntracks[row] + 2 : 1; /* a blank row each side of tracks */
        r->row_y[row] = y;
        y += GRAPH_BOX_H;
    }
    for (size_t i = 0; i < r->g->n; i++)
        r->g->nodes[i].y = r->row_y[r->g->nodes[i].row];
}

static int track_y(const Router *r, const LongEdge *e)
{
    int h = r->ntracks[e->gap] + 2;
    return r->row_y[e->gap] - h + 1 + e->track;
}

/* ---- 3. the frames panel ------------------------------------------------- */

static GraphLabel *add_label(Router *r, GraphLabelKind kind, int y, size_t index)
{
    GraphLayout *g = r->g;
    g->labels = xgrow(g->labels, &r->cap_labels, g->nlabels + 1, sizeof *g->labels);
    GraphLabel *l = &g->labels[g->nlabels++];
    *l = (GraphLabel){kind, y, index, -1, false, y};
    return l;
}

static void place_frames(Router *r, const bool *keep_obj)
{
    const HeapSnapshot *s = r->s;
    GraphLayout *g = r->g;
    size_t nframes = s->nframes ? s->nframes : 1; /* a hand-made snapshot: all globals */
    bool *placed = xcalloc(g->n + 1, sizeof *placed);
    int y = 1, w = 0;
    for (size_t f = 0; f < nframes && (s->nframes || s->nnames); f++) {
        size_t first = s->nframes ? s->frames[f].first : 0;
        size_t count = s->nframes ? s->frames[f].count : s->nnames;
        const char *title = s->nframes ? s->frames[f].title : "Globals";
        if (f == 1 && s->frames_hidden)
            add_label(r, GRAPH_HIDDEN_CALLS, y++, s->frames_hidden);
        size_t t = g->nlabels;
        add_label(r, GRAPH_TITLE, y, f);
        int tw = graph_text_cols(title) + 2;
        w = tw > w ? tw : w;
        bool first_name = true;
        /* names of boxes first, level with them; names of values after */
        for (int pass = 0; pass < 2; pass++)
            for (size_t k = first; k < first + count && k < s->nnames; k++) {
                const SnapName *nm = &s->names[k];
                if ((pass == 0) != (nm->obj != 0))
                    continue;
                int node = nm->obj ? graph_node_of_id(g, nm->obj) : -1;
                if (nm->obj && (node < 0 || !keep_obj[g->nodes[node].obj]))
                    continue; /* not on the graph (the focus shows only its neighbours) */
                if (!nm->obj && r->focused)
                    continue; /* around one object: inline values are beside the point */
                int want = y + 1;
                if (node >= 0 && !placed[node] && g->nodes[node].y + 1 > want)
                    want = g->nodes[node].y + 1; /* level with its object: a straight line */
                if (first_name) /* the title sits just above the frame's first name */
                    g->labels[t].y = y = want - 1 > y ? want - 1 : y;
                first_name = false;
                GraphLabel *l = add_label(r, GRAPH_NAME, want, k);
                l->node = node;
                if (node >= 0)
                    placed[node] = true;
                y = want;
                g->labels[t].bar_to = y;
                int nw = 1 + graph_text_cols(nm->name) + 1 +
                         (nm->obj ? 2 : graph_text_cols(nm->value) + 1);
                w = nw > w ? nw : w;
            }
        y++;
    }
    free(placed);
    g->frames_w = g->nlabels ? (w + 1 < GRAPH_FRAMES_W ? w + 1 : GRAPH_FRAMES_W) : 0;
    if (y > g->height)
        g->height = y;
}

/* ---- 4. lanes, and the columns' x ---------------------------------------- */

static Span *add_span(Router *r, size_t *cap, int gutter, int y0, int y1, int owner)
{
    r->spans = xgrow(r->spans, cap, r->nspans + 1, sizeof *r->spans);
    Span *sp = &r->spans[r->nspans++];
    *sp = (Span){gutter, y0 < y1 ? y0 : y1, y0 < y1 ? y1 : y0, owner, -1, 0, 0};
    return sp;
}

static void widen(Span *sp, int y)
{
    if (y < sp->lo)
        sp->lo = y;
    if (y > sp->hi)
        sp->hi = y;
}

static void collect_spans(Router *r)
{
    GraphLayout *g = r->g;
    int n = (int)g->n;
    size_t cap = 0;
    for (size_t i = 0; i < g->n; i++)
        r->bus_span[i] = r->entry_span[i] = r->shared_bus[i] = -1;
    /* spans are widened in place, so they are indexed until sorted */
    for (size_t f = 0; f < r->nfans; f++) {
        const GraphNode *a = &g->nodes[r->fan_from[f]], *b = &g->nodes[r->fan_to[f]];
        int *bs = &r->bus_span[r->fan_from[f]];
        if (*bs < 0) {
            *bs = (int)r->nspans;
            add_span(r, &cap, a->col + 1, a->y + 1, a->y + 1, r->fan_from[f]);
        }
        widen(&r->spans[*bs], b->y + 2);
    }
    for (size_t i = 0; i < r->nlongs; i++) {
        const LongEdge *e = &r->longs[i];
        if (e->track < 0)
            continue;
        const GraphNode *a = &g->nodes[e->from], *b = &g->nodes[e->to];
        int ty = track_y(r, e);
        int *bs = &r->bus_span[e->from], *es = &r->entry_span[e->to];
        int *shared = &r->shared_bus[e->to];
        if (*bs < 0 && r->outdeg[e->from] == 1 && *shared >= 0 &&
            r->spans[*shared].gutter == a->col + 1)
            *bs = *shared; /* its one reference joins the others' to this target */
        if (*bs < 0) {
            *bs = (int)r->nspans;
            add_span(r, &cap, a->col + 1, a->y + 1, a->y + 1, e->from);
            if (r->outdeg[e->from] == 1)
                *shared = *bs;
        }
        widen(&r->spans[*bs], a->y + 1);
        widen(&r->spans[*bs], ty);
        if (*es < 0) {
            *es = (int)r->nspans;
            add_span(r, &cap, b->col, b->y + 2, b->y + 2, n + e->to)->entry = 1;
        }
        widen(&r->spans[*es], ty);
    }
    for (size_t k = 0; k < g->nlabels; k++) {
        const GraphLabel *l = &g->labels[k];
        if (l->kind == GRAPH_NAME && l->node >= 0 && g->nodes[l->node].y + 1 != l->y)
            add_span(r, &cap, 0, l->y, g->nodes[l->node].y + 1, 2 * n + (int)k);
    }
}

/* Interval colouring per gutter, leftmost free lane first. */
static void assign_lanes(Router *r)
{
    GraphLayout *g = r->g;
    int n = (int)g->n;
    /* sorting moves the spans: remember each one's place to remap the nodes' */
    for (size_t i = 0; i < r->nspans; i++)
        r->spans[i].was = (int)i;
    if (r->nspans)
        qsort(r->spans, r->nspans, sizeof *r->spans, cmp_span);
    int *moved = xmalloc((r->nspans + 1) * sizeof *moved);
    for (size_t i = 0; i < r->nspans; i++)
        moved[r->spans[i].was] = (int)i;
    for (size_t i = 0; i < g->n; i++) {
        if (r->bus_span[i] >= 0)
            r->bus_span[i] = moved[r->bus_span[i]];
        if (r->entry_span[i] >= 0)
            r->entry_span[i] = moved[r->entry_span[i]];
    }
    free(moved);
    int *end = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < r->nspans;) {
        int gutter = r->spans[i].gutter, used = 0, first = 0, entries = 0;
        for (; i < r->nspans && r->spans[i].gutter == gutter; i++) {
            Span *sp = &r->spans[i];
            if (sp->entry && !entries) { /* entry lanes start right of the others */
                entries = 1;
                first = used;
            }
            int lane = first;
            while (lane < used && end[lane] >= sp->lo)
                lane++;
            bool name = sp->owner >= 2 * n;
            if (name && lane >= GRAPH_NAME_LANES) { /* too many names' lines: their #tags */
                g->labels[sp->owner - 2 * n].as_text = true;
                continue;
            }
            if (lane == used) {
                end = xgrow(end, &cap, (size_t)used + 1, sizeof *end);
                used++;
            }
            end[lane] = sp->hi;
            sp->lane = lane;
        }
        r->nlanes[gutter] = used;
    }
    free(end);
    r->label_span = xmalloc((g->nlabels + 1) * sizeof *r->label_span);
    for (size_t k = 0; k < g->nlabels; k++)
        r->label_span[k] = -1;
    for (size_t i = 0; i < r->nspans; i++) { /* names find their spans again */
        const Span *sp = &r->spans[i];
        if (sp->owner >= 2 * n && sp->lane >= 0)
            r->label_span[sp->owner - 2 * n] = (int)i;
    }
    /* columns: the frames panel, then gutter, column, gutter, column ... */
    int x = g->frames_w;
    for (int c = 0; c <= r->maxcol + 1; c++) {
        int w = 2 * r->nlanes[c] + 2; /* a lane every other column, a run, the arrowhead */
        if (c == 0 && g->frames_w == 0 && r->nlanes[0] == 0)
            w = 0; /* no names: the boxes start at the edge */
        else if (c > 0 && w < 5)
            w = 5;
        r->gutter_x[c] = x;
        x += w;
        if (c <= r->maxcol) {
            x += GRAPH_BOX_W;
        } else if (r->nlanes[c] == 0) {
            x -= w; /* no lines beyond the last column */
        }
    }
    for (size_t i = 0; i < g->n; i++) {
        GraphNode *nd = &g->nodes[i];
        nd->x = r->gutter_x[nd->col + 1] - GRAPH_BOX_W;
        if (nd->x + GRAPH_BOX_W > g->width)
            g->width = nd->x + GRAPH_BOX_W;
        if (nd->y + GRAPH_BOX_H > g->height)
            g->height = nd->y + GRAPH_BOX_H;
    }
    if (x > g->width)
        g->width = x;
}

/* ---- 5. the runs ----------------------------------------------------------- */

static void seg(Router *r, int x0, int y0, int x1, int y1, int net)
{
    GraphLayout *g = r->g;
    g->segs = xgrow(g->segs, &r->cap_segs, g->nsegs + 1, sizeof *g->segs);
    g->segs[g->nsegs++] = (GraphSeg){x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, x0 < x1 ? x1 : x0,
                                     y0 < y1 ? y1 : y0, net};
}

static void arrow(Router *r, int x, int y, int net)
{
    GraphLayout *g = r->g;
    g->arrows = xgrow(g->arrows, &r->cap_arrows, g->narrows + 1, sizeof *g->arrows);
    g->arrows[g->narrows++] = (GraphArrow){x, y, net};
}

static int lane_x(const Router *r, const Span *sp)
{
    return r->gutter_x[sp->gutter] + 1 + 2 * sp->lane; /* a blank between lanes */
}

/* From lane x along row y into the box of node b. */
static void arrive(Router *r, int x, const GraphNode *b, int y, int net)
{
    seg(r, x, y, b->x - 2, y, net);
    arrow(r, b->x - 1, y, net);
}

static void emit(Router *r)
{
    GraphLayout *g = r->g;
    int n = (int)g->n;
    for (size_t i = 0; i < g->n; i++) { /* each object's port, stub and bus */
        if (r->bus_span[i] < 0)
            continue;
        const Span *sp = &r->spans[r->bus_span[i]];
        const GraphNode *a = &g->nodes[i];
        int x = lane_x(r, sp);
        seg(r, a->x + GRAPH_BOX_W, a->y + 1, x, a->y + 1, (int)i);
        if (sp->owner == (int)i) /* a shared bus is drawn once, as its first source's */
            seg(r, x, sp->lo, x, sp->hi, (int)i);
    }
    for (size_t f = 0; f < r->nfans; f++) {
        const Span *sp = &r->spans[r->bus_span[r->fan_from[f]]];
        const GraphNode *b = &g->nodes[r->fan_to[f]];
        arrive(r, lane_x(r, sp), b, b->y + 2, r->fan_from[f]);
    }
    for (size_t i = 0; i < g->n; i++) { /* lanes into targets of long references */
        if (r->entry_span[i] < 0)
            continue;
        const Span *sp = &r->spans[r->entry_span[i]];
        int x = lane_x(r, sp);
        seg(r, x, sp->lo, x, sp->hi, n + (int)i);
        arrive(r, x, &g->nodes[i], g->nodes[i].y + 2, n + (int)i);
    }
    for (size_t i = 0; i < r->nlongs; i++) { /* tracks from a bus to an entry lane */
        const LongEdge *e = &r->longs[i];
        if (e->track < 0)
            continue;
        int y = track_y(r, e);
        seg(r, lane_x(r, &r->spans[r->bus_span[e->from]]), y,
            lane_x(r, &r->spans[r->entry_span[e->to]]), y, e->from);
    }
    for (size_t k = 0; k < g->nlabels; k++) { /* names */
        GraphLabel *l = &g->labels[k];
        if (l->kind != GRAPH_NAME || l->node < 0 || l->as_text)
            continue;
        const GraphNode *b = &g->nodes[l->node];
        int x0 = 1 + graph_text_cols(r->s->names[l->index].name) + 1, net = 2 * n + (int)k;
        if (x0 > g->frames_w - 1)
            x0 = g->frames_w - 1;
        if (b->y + 1 == l->y) {
            seg(r, x0, l->y, b->x - 2, l->y, net);
            arrow(r, b->x - 1, l->y, net);
            continue;
        }
        if (r->label_span[k] < 0)
            continue;
        int x = lane_x(r, &r->spans[r->label_span[k]]);
        seg(r, x0, l->y, x, l->y, net);
        seg(r, x, l->y, x, b->y + 1, net);
        arrive(r, x, b, b->y + 1, net);
    }
}

void graph_route(const HeapSnapshot *s, GraphLayout *g, const bool *keep_obj, bool focused)
{
    Router r = {.s = s, .g = g, .focused = focused};
    for (size_t i = 0; i < g->n; i++) {
        if (g->nodes[i].col > r.maxcol)
            r.maxcol = g->nodes[i].col;
        if (g->nodes[i].row > r.maxrow)
            r.maxrow = g->nodes[i].row;
    }
    r.ntracks = xcalloc((size_t)r.maxrow + 1, sizeof *r.ntracks);
    r.row_y = xcalloc((size_t)r.maxrow + 1, sizeof *r.row_y);
    r.nlanes = xcalloc((size_t)r.maxcol + 2, sizeof *r.nlanes);
    r.gutter_x = xcalloc((size_t)r.maxcol + 2, sizeof *r.gutter_x);
    r.bus_span = xcalloc(g->n + 1, sizeof *r.bus_span);
    r.entry_span = xcalloc(g->n + 1, sizeof *r.entry_span);
    r.outdeg = xcalloc(g->n + 1, sizeof *r.outdeg);
    r.shared_bus = xcalloc(g->n + 1, sizeof *r.shared_bus);
    classify(&r);
    assign_tracks(&r);
    place_frames(&r, keep_obj);
    collect_spans(&r);
    assign_lanes(&r);
    emit(&r);
    free(r.longs), free(r.fan_from), free(r.fan_to), free(r.ntracks), free(r.row_y);
    free(r.spans), free(r.bus_span), free(r.entry_span), free(r.nlanes), free(r.gutter_x);
    free(r.label_span), free(r.outdeg), free(r.shared_bus);
}
