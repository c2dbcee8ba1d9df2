/*
 * view_graph: the program's frames and the objects they reach, as boxes and
 * lines, the way Python Tutor draws a stack and a heap.
 *
 *     Globals       +#1 list ----- rc 2+         +#2 dict ---- rc 1+
 *      x ---------->|[1, {'a': 1}]     |--+      |{'a': 1}        |
 *     f             |refs #2           |  +----->|                |
 *      y ------+    +56 B ------- gen 0+         +232 B ----- gen 0+
 *              |
 *
 * A frame lists its names; each name's line ends at the box of what it
 * names (a value with no box, None or a module, is written beside it).  A
 * box shows its tag (#n), type, reference count, a short repr, the tags it
 * refers to and its size and generation.  Every reference is a line from
 * the box's right side to the left side of its target's refs row: back
 * references and cycles too, routed through the gaps between rows
 * (graph_route.c).  Junctions always mean a branch; a line crossing another
 * hops it.  Garbage is dimmed and marked; the focused object's lines are
 * drawn in the key colour.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
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

/* UTF-8 text in at most maxw columns (a repr or a name may be 'héllo';
 * the ASCII canvas gets a stand-in for each character it cannot show). */
static void plane_text(const Plane *p, int x, int y, int maxw, const char *s, Role role)
{
    size_t n = strlen(s), i = 0;
    int col = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        i += k ? k : 1;
        if (p->cv->ascii && cp > 0x7f)
            cp = glyph_ascii_fallback(cp);
        int w = p->cv->ascii ? 1 : utf8_cp_width(cp);
        if (w < 1 || col + w > maxw)
            break;
        plane_put(p, x + col, y, cp, role);
        col += w;
    }
}

/* ---- lines: every run painted into a grid of the visible cells, then one
 * glyph per cell, so branches join and crossings hop. ----------------------- */

enum { GO_LEFT = 1, GO_RIGHT = 2, GO_UP = 4, GO_DOWN = 8 };

typedef struct LineCell {
    int net[2];      /* the lines through the cell (a third joins the second) */
    uint8_t dirs[2]; /* GO_* each leaves by */
    uint8_t n;
} LineCell;

static void paint(LineCell *grid, const Plane *p, int x, int y, int net, uint8_t dirs)
{
    int cx = x - p->ox, cy = y - p->oy;
    if (cx < 0 || cy < 0 || cx >= p->r.w || cy >= p->r.h || !dirs)
        return;
    LineCell *c = &grid[cy * p->r.w + cx];
    for (int k = 0; k < c->n; k++)
        if (c->net[k] == net || c->dirs[k] == dirs) { /* the same line, or one run over another */
            c->dirs[k] |= dirs;
            return;
        }
    int k = c->n < 2 ? c->n++ : 1;
    if (k == c->n - 1 && c->dirs[k] == 0)
        c->net[k] = net;
    c->dirs[k] |= dirs;
}

static void paint_seg(LineCell *grid, const Plane *p, const GraphSeg *sg)
{
    if (sg->y0 == sg->y1) {
        int y = sg->y0;
        if (y < p->oy || y >= p->oy + p->r.h)
            return;
        int x0 = sg->x0 > p->ox - 1 ? sg->x0 : p->ox - 1;
        int x1 = sg->x1 < p->ox + p->r.w ? sg->x1 : p->ox + p->r.w;
        for (int x = x0; x <= x1; x++)
            paint(grid, p, x, y, sg->net,
                  (uint8_t)((x > sg->x0 ? GO_LEFT : 0) | (x < sg->x1 ? GO_RIGHT : 0)));
    } else {
        int x = sg->x0;
        if (x < p->ox || x >= p->ox + p->r.w)
            return;
        int y0 = sg->y0 > p->oy - 1 ? sg->y0 : p->oy - 1;
        int y1 = sg->y1 < p->oy + p->r.h ? sg->y1 : p->oy + p->r.h;
        for (int y = y0; y <= y1; y++)
            paint(grid, p, x, y, sg->net,
                  (uint8_t)((y > sg->y0 ? GO_UP : 0) | (y < sg->y1 ? GO_DOWN : 0)));
    }
}

/* The box-drawing character joining the directions in `d`. */
static uint32_t line_glyph(uint8_t d, bool ascii)
{
    static const uint32_t utf8[16] = {
        ' ',    0x2500, 0x2500, 0x2500, 0x2502, 0x2518, 0x2514, 0x2534,
        0x2502, 0x2510, 0x250C, 0x252C, 0x2502, 0x2524, 0x251C, 0x253C,
    };
    if (!ascii)
        return utf8[d & 15];
    bool h = d & (GO_LEFT | GO_RIGHT), v = d & (GO_UP | GO_DOWN);
    return h && v ? '+' : h ? '-' : '|';
}

static Role net_role(const HeapSnapshot *s, const GraphLayout *g, int net, int focus_node)
{
    int node = graph_net_node(g, net);
    if (node < 0)
        return ROLE_SUBTLE;
    if (focus_node >= 0 && node == focus_node)
        return ROLE_KEY;
    return s->objs[g->nodes[node].obj].state != SNAP_LIVE ? ROLE_GARBAGE : ROLE_SUBTLE;
}

static void draw_lines(const Plane *p, const HeapSnapshot *s, const GraphLayout *g,
                       int focus_node)
{
    if (p->r.w <= 0 || p->r.h <= 0)
        return;
    LineCell *grid = xcalloc((size_t)p->r.w * (size_t)p->r.h, sizeof *grid);
    for (size_t i = 0; i < g->nsegs; i++)
        paint_seg(grid, p, &g->segs[i]);
    bool A = p->cv->ascii;
    for (int cy = 0; cy < p->r.h; cy++)
        for (int cx = 0; cx < p->r.w; cx++) {
            const LineCell *c = &grid[cy * p->r.w + cx];
            if (!c->n)
                continue;
            uint8_t d = c->dirs[0];
            int net = c->net[0];
            if (c->n > 1) {
                uint8_t h = GO_LEFT | GO_RIGHT, v = GO_UP | GO_DOWN;
                bool cross = (c->dirs[0] == h && c->dirs[1] == v) ||
                             (c->dirs[0] == v && c->dirs[1] == h);
                if (cross) { /* two lines cross: the horizontal one hops over */
                    d = h;
                    net = c->dirs[0] == h ? c->net[0] : c->net[1];
                } else {
                    d |= c->dirs[1]; /* they join: a branch, or arrows into one box */
                }
            }
            canvas_put(p->cv, p->r.x + cx, p->r.y + cy, line_glyph(d, A),
                       net_role(s, g, net, focus_node));
        }
    free(grid);
    for (size_t i = 0; i < g->narrows; i++)
        plane_put(p, g->arrows[i].x, g->arrows[i].y, A ? '>' : 0x25B6,
                  net_role(s, g, g->arrows[i].net, focus_node));
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

/* ---- the frames panel ----------------------------------------------------- */

static void draw_frames(const Plane *p, const HeapSnapshot *s, const GraphLayout *g)
{
    bool A = p->cv->ascii;
    int w = g->frames_w;
    for (size_t k = 0; k < g->nlabels; k++) {
        const GraphLabel *l = &g->labels[k];
        char buf[80];
        if (l->kind == GRAPH_HIDDEN_CALLS) {
            snprintf(buf, sizeof buf, "%s %zu call%s", A ? "..." : "\xe2\x8b\xae", l->index,
                     l->index == 1 ? "" : "s");
            plane_text(p, 0, l->y, w - 1, buf, ROLE_SUBTLE);
        } else if (l->kind == GRAPH_TITLE) {
            const char *t = s->nframes ? s->frames[l->index].title : "Globals";
            plane_text(p, 0, l->y, w - 1, t, ROLE_HEADING);
            for (int y = l->y + 1; y <= l->bar_to; y++) /* the frame's extent */
                plane_put(p, 0, y, glyph(A, GLYPH_VLINE), ROLE_SUBTLE);
        } else {
            const SnapName *nm = &s->names[l->index];
            int nl = graph_text_cols(nm->name);
            plane_text(p, 1, l->y, w - 2, nm->name, ROLE_STRONG);
            if (!nm->obj)
                plane_text(p, 2 + nl, l->y, w - 3 - nl, nm->value, ROLE_NORMAL);
            else if (l->as_text && l->node >= 0) { /* no room for its line: the tag */
                snprintf(buf, sizeof buf, "#%d", g->nodes[l->node].tag);
                plane_text(p, 2 + nl, l->y, w - 3 - nl, buf, ROLE_KEY);
            }
        }
    }
}

void view_object_graph_extent(const HeapSnapshot *s, const GraphOptions *o, int *w, int *h)
{
    GraphLayout g;
    graph_layout(s, o->neighbours_only ? o->focus : 0, &g);
    *w = g.width;
    *h = g.height;
    graph_layout_fini(&g);
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
    char head[200], text[64] = "";
    if (g.text_refs) /* no room for their lines: the refs rows name them */
        snprintf(text, sizeof text, ", %zu refs as text", g.text_refs);
    const char *cyc = cv->ascii ? "@" : "\xe2\x86\xba";
    snprintf(head, sizeof head, "Objects: %zu shown, %zu garbage (x), %zu on a cycle (%s)%s", g.n,
             garbage, cycles, cyc, text);
    if ((int)strlen(head) + 9 > r.w) /* narrow: the counts whole, room for "more" */
        snprintf(head, sizeof head, "Objects: %zu, %zu garbage, %zu in cycles%s", g.n, garbage,
                 cycles, g.text_refs ? ", refs as text" : "");
    (void)cyc;
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
    draw_lines(&p, s, &g, focus_node); /* lines first, boxes over their ends */
    draw_frames(&p, s, &g);
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
