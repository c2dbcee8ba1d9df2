/*
 * view_graph: the objects a program can reach, as boxes and arrows.
 *
 *     x --> +#1 list ----- rc 2+      +#2 dict ---- rc 1+
 *           |[1, {'a': 1}]     |--+-->|{'a': 1}        |
 *           |refs #2           |      |                |
 *           +56 B ------- gen 0+      +232 B ----- gen 0+
 *
 * A box shows its tag (#n), type, reference count, a short repr, the tags it
 * refers to and its size and generation.  References to the next column are
 * drawn as arrows; the others (back references, longer jumps) appear only
 * in the refs row, marked with a cycle glyph when they close a cycle, so the
 * picture stays legible at dozens of objects.  Garbage is dimmed and marked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "view/glyphs.h"
#include "view/graph_layout.h"
#include "view/views.h"

typedef struct Plane {
    Canvas *cv;
    Rect r;
    int ox, oy; /* plane coordinate shown at r.x, r.y */
} Plane;

static bool plane_xy(const Plane *p, int x, int y, int *cx, int *cy)
{
    *cx = p->r.x + x - p->ox;
    *cy = p->r.y + y - p->oy;
    return *cx >= p->r.x && *cx < p->r.x + p->r.w && *cy >= p->r.y && *cy < p->r.y + p->r.h;
}

static void plane_put(const Plane *p, int x, int y, uint32_t cp, Role role)
{
    int cx, cy;
    if (plane_xy(p, x, y, &cx, &cy))
        canvas_put(p->cv, cx, cy, cp, role);
}

static void plane_text(const Plane *p, int x, int y, int maxw, const char *s, Role role)
{
    for (int i = 0; i < maxw && s[i]; i++)
        plane_put(p, x + i, y, (unsigned char)s[i], role);
}

/* Lines that cross become a junction instead of overwriting each other. */
static void plane_line(const Plane *p, int x, int y, uint32_t cp, Role role)
{
    int cx, cy;
    if (!plane_xy(p, x, y, &cx, &cy))
        return;
    const Cell *c = canvas_at(p->cv, cx, cy);
    bool A = p->cv->ascii;
    if (c->cp != ' ' && c->cp != cp)
        cp = A ? '+' : 0x253C;
    canvas_put(p->cv, cx, cy, cp, role);
}

static void draw_box(const Plane *p, const HeapSnapshot *s, const GraphLayout *g,
                     const GraphNode *n, bool focused)
{
    const SnapObject *o = &s->objs[n->obj];
    bool A = p->cv->ascii;
    bool garbage = o->state != SNAP_LIVE;
    Role frame = focused ? ROLE_SELECTED : garbage ? ROLE_GARBAGE : ROLE_SUBTLE;
    Role text = garbage ? ROLE_GARBAGE : ROLE_NORMAL;
    int w = GRAPH_BOX_W, x = n->x, y = n->y;
    for (int i = 1; i < w - 1; i++) {
        plane_put(p, x + i, y, glyph(A, GLYPH_HLINE), frame);
        plane_put(p, x + i, y + 3, glyph(A, GLYPH_HLINE), frame);
    }
    for (int k = 1; k < 3; k++) {
        plane_put(p, x, y + k, glyph(A, GLYPH_VLINE), frame);
        plane_put(p, x + w - 1, y + k, glyph(A, GLYPH_VLINE), frame);
        for (int i = 1; i < w - 1; i++)
            plane_put(p, x + i, y + k, ' ', text);
    }
    plane_put(p, x, y, focused ? glyph(A, GLYPH_POINTER) : glyph(A, GLYPH_TOP_LEFT), frame);
    plane_put(p, x + w - 1, y, glyph(A, GLYPH_TOP_RIGHT), frame);
    plane_put(p, x, y + 3, glyph(A, GLYPH_BOTTOM_LEFT), frame);
    plane_put(p, x + w - 1, y + 3, glyph(A, GLYPH_BOTTOM_RIGHT), frame);

    char buf[64];
    snprintf(buf, sizeof buf, "%s#%d %.10s", garbage ? "x" : "", n->tag, o->type);
    plane_text(p, x + 1, y, w - 8, buf, focused ? ROLE_SELECTED : garbage ? ROLE_GARBAGE : ROLE_STRONG);
    if (o->refcount < 0)
        snprintf(buf, sizeof buf, "immortal");
    else if (o->refcount >= 100000000)
        snprintf(buf, sizeof buf, "rc static"); /* 3.11's statically allocated objects */
    else
        snprintf(buf, sizeof buf, "rc %lld", (long long)o->refcount);
    int rl = (int)strlen(buf);
    plane_text(p, x + w - 1 - rl, y, rl, buf, focused ? ROLE_SELECTED : text);
    if (n->in_cycle)
        plane_put(p, x + w - 2 - rl, y, glyph(A, GLYPH_CYCLE), ROLE_WARNING);
    plane_text(p, x + 1, y + 1, w - 2, o->label, text);
    snprintf(buf, sizeof buf, "%u B", o->size);
    plane_text(p, x + 1, y + 3, w - 2, buf, frame);
    if (o->generation >= 0) {
        snprintf(buf, sizeof buf, o->generation == 3 ? "frozen" : "gen %d", o->generation);
        int gl = (int)strlen(buf);
        plane_text(p, x + w - 1 - gl, y + 3, gl, buf, frame);
    }

    /* The refs row: every object it refers to, by tag; a reference that
     * closes a cycle gets the cycle glyph. */
    int cx = x + 1, end = x + w - 1;
    for (int k = g->edge_start[n->obj]; k < g->edge_start[n->obj + 1] && cx < end; k++) {
        int to = g->node_of_obj[g->edge_to[k]];
        if (to < 0)
            continue;
        const GraphNode *t = &g->nodes[to];
        if (cx == x + 1) {
            plane_text(p, cx, y + 2, end - cx, "refs", ROLE_SUBTLE);
            cx += 4;
        }
        bool closes = t->col <= n->col && t->in_cycle && n->in_cycle;
        snprintf(buf, sizeof buf, "#%d", t->tag);
        int bl = (int)strlen(buf) + 1 + closes;
        if (cx + bl > end) {
            plane_put(p, end - 1, y + 2, A ? '+' : 0x2026, ROLE_SUBTLE);
            break;
        }
        plane_put(p, cx++, y + 2, ' ', text);
        if (closes)
            plane_put(p, cx++, y + 2, glyph(A, GLYPH_CYCLE), ROLE_WARNING);
        plane_text(p, cx, y + 2, end - cx, buf, text);
        cx += (int)strlen(buf);
    }
}

/* References from box `a` to boxes of the next column, through the lanes of
 * the gutter between them.  Each lane's vertical run is drawn once however
 * many arrows share it (a list with thousands of items is one hub), and only
 * inside the view. */
typedef struct Lane {
    int lo, hi;  /* rows the lane's arrivals span */
    bool used;
} Lane;

static void draw_fan(const Plane *p, const GraphNode *a, const GraphNode *const *to,
                     const int *lane_of, int n, Role role)
{
    bool A = p->cv->ascii;
    Lane lanes[GRAPH_GUTTER];
    memset(lanes, 0, sizeof lanes);
    int y0 = a->y + 1, x0 = a->x + GRAPH_BOX_W;
    for (int i = 0; i < n; i++) {
        Lane *l = &lanes[lane_of[i]];
        int y1 = to[i]->y + 1;
        if (!l->used)
            l->lo = l->hi = y0;
        l->used = true;
        if (y1 < l->lo)
            l->lo = y1;
        if (y1 > l->hi)
            l->hi = y1;
    }
    bool see0 = y0 >= p->oy && y0 < p->oy + p->r.h;
    for (int k = 0; k < GRAPH_GUTTER; k++) {
        const Lane *l = &lanes[k];
        if (!l->used)
            continue;
        int lx = x0 + 1 + k;
        for (int x = x0; see0 && x < lx; x++)
            plane_line(p, x, y0, glyph(A, GLYPH_HLINE), role);
        int lo = l->lo + 1 > p->oy ? l->lo + 1 : p->oy;
        int hi = l->hi - 1 < p->oy + p->r.h ? l->hi - 1 : p->oy + p->r.h;
        for (int y = lo; y <= hi; y++)
            plane_line(p, lx, y, glyph(A, GLYPH_VLINE), role);
        if (see0 && l->lo == y0 && l->hi == y0)
            plane_line(p, lx, y0, glyph(A, GLYPH_HLINE), role);
        else if (see0)
            plane_line(p, lx, y0, A ? '+' : (l->lo < y0 ? (l->hi > y0 ? 0x2524 : 0x2518) : 0x2510),
                       role);
    }
    for (int i = 0; i < n; i++) {
        int y1 = to[i]->y + 1;
        if (y1 < p->oy || y1 >= p->oy + p->r.h || y1 == y0)
            continue;
        const Lane *l = &lanes[lane_of[i]];
        int lx = x0 + 1 + lane_of[i];
        bool end = y1 == l->lo || y1 == l->hi;
        plane_line(p, lx, y1, A ? '+' : (end ? (y1 > y0 ? 0x2514 : 0x250C) : 0x251C), role);
    }
    for (int i = 0; i < n; i++) {
        int y1 = to[i]->y + 1, lx = x0 + 1 + lane_of[i], x1 = to[i]->x - 1;
        if (y1 < p->oy || y1 >= p->oy + p->r.h)
            continue;
        for (int x = lx + 1; x < x1; x++)
            plane_line(p, x, y1, glyph(A, GLYPH_HLINE), role);
        plane_put(p, x1, y1, A ? '>' : 0x25B6, role);
    }
}

static void draw_names(const Plane *p, const HeapSnapshot *s, const GraphLayout *g)
{
    bool A = p->cv->ascii;
    for (size_t k = 0; k < s->nnames; k++) {
        int at = graph_node_of_id(g, s->names[k].obj);
        if (at < 0)
            continue;
        const GraphNode *n = &g->nodes[at];
        /* Several names on one object share its row: later ones go above. */
        int y = n->y + 1;
        for (size_t j = 0; j < k; j++)
            if (s->names[j].obj == s->names[k].obj)
                y = y == n->y + 1 ? n->y + 2 : y + 1;
        int nl = (int)strlen(s->names[k].name);
        plane_text(p, 0, y, nl, s->names[k].name, ROLE_STRONG);
        for (int x = nl + 1; x < g->names_w - 1; x++)
            plane_put(p, x, y, glyph(A, GLYPH_HLINE), ROLE_SUBTLE);
        plane_put(p, g->names_w - 1, y, A ? '>' : 0x25B6, ROLE_SUBTLE);
    }
}

void view_object_graph(const HeapSnapshot *s, const GraphOptions *o, Canvas *cv, Rect r)
{
    if (r.w < GRAPH_BOX_W + 4 || r.h < GRAPH_BOX_H + 2) {
        canvas_text_fit(cv, r.x, r.y, r.w, "(object graph: too small)", ROLE_SUBTLE);
        return;
    }
    GraphLayout g;
    graph_layout(s, o->neighbours_only ? o->focus : 0, &g);
    size_t garbage = 0, cycles = 0;
    int focus_node = -1;
    for (size_t i = 0; i < g.n; i++) {
        const SnapObject *ob = &s->objs[g.nodes[i].obj];
        garbage += ob->state != SNAP_LIVE;
        cycles += g.nodes[i].in_cycle;
        if (o->focus && ob->id == o->focus)
            focus_node = (int)i;
    }
    char head[200];
    snprintf(head, sizeof head, "Objects: %zu shown, %zu garbage (x), %zu on a cycle (%s)", g.n,
             garbage, cycles, cv->ascii ? "@" : "\xe2\x86\xba");
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);

    Plane p = {cv, {r.x, r.y + 1, r.w, r.h - 1}, o->scroll_x, o->scroll_y};
    if (focus_node >= 0) { /* keep the focus on screen, centred when it must move */
        const GraphNode *f = &g.nodes[focus_node];
        if (f->x < p.ox || f->x + GRAPH_BOX_W > p.ox + p.r.w)
            p.ox = f->x + GRAPH_BOX_W / 2 - p.r.w / 2;
        if (f->y < p.oy || f->y + GRAPH_BOX_H > p.oy + p.r.h)
            p.oy = f->y + GRAPH_BOX_H / 2 - p.r.h / 2;
        if (p.ox < 0)
            p.ox = 0;
        if (p.oy < 0)
            p.oy = 0;
    }
    draw_names(&p, s, &g);
    /* Arrows first, boxes over them. */
    int *lanes = xcalloc((size_t)(g.width / (GRAPH_BOX_W + GRAPH_GUTTER) + 2), sizeof *lanes);
    const GraphNode **to = xcalloc(s->nedges + 1, sizeof *to);
    int *lane_of = xcalloc(s->nedges + 1, sizeof *lane_of);
    for (size_t a = 0; a < g.n; a++) {
        const GraphNode *na = &g.nodes[a];
        int n = 0;
        for (int k = g.edge_start[na->obj]; k < g.edge_start[na->obj + 1]; k++) {
            int b = g.node_of_obj[g.edge_to[k]];
            if (b < 0 || g.nodes[b].col != na->col + 1)
                continue;
            to[n] = &g.nodes[b];
            lane_of[n++] = lanes[na->col]++ % (GRAPH_GUTTER - 3);
        }
        /* Skip a fan wholly left or right of the view. */
        if (n == 0 || na->x + GRAPH_BOX_W + GRAPH_GUTTER < p.ox || na->x > p.ox + p.r.w)
            continue;
        const SnapObject *from = &s->objs[na->obj];
        draw_fan(&p, na, to, lane_of, n, from->state != SNAP_LIVE ? ROLE_GARBAGE : ROLE_SUBTLE);
    }
    free(to);
    free(lane_of);
    free(lanes);
    for (size_t i = 0; i < g.n; i++) {
        const GraphNode *n = &g.nodes[i];
        if (n->x + GRAPH_BOX_W >= p.ox && n->x <= p.ox + p.r.w && n->y + GRAPH_BOX_H >= p.oy &&
            n->y <= p.oy + p.r.h)
            draw_box(&p, s, &g, n, (int)i == focus_node);
    }

    /* Say what is off screen. */
    char more[80] = "";
    bool right = g.width > p.ox + p.r.w, down = g.height > p.oy + p.r.h;
    if (right || down || p.ox > 0 || p.oy > 0)
        snprintf(more, sizeof more, " more %s%s%s%s ", p.ox > 0 ? "<" : "", right ? ">" : "",
                 p.oy > 0 ? "^" : "", down ? "v" : "");
    if (more[0])
        canvas_text(cv, r.x + r.w - (int)strlen(more), r.y, (int)strlen(more), more, ROLE_SUBTLE);
    graph_layout_fini(&g);
}
