/*
 * lab_gil_view: chapter 3's lab on screen.
 *
 *   timeline  one lane per worker (running, waiting for the GIL, in I/O ...)
 *             over the run's window, revealed as the run plays, with the GIL's
 *             holder on the row above: the turn-taking the chapter describes;
 *   speed-up  every run and sweep point so far as a bar: speed-up against one
 *             thread of the default build;
 *   memory    the latest `memory` line: N forked workers against N threads.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lab/gil/lab_gil.h"
#include "view/glyphs.h"
#include "view/labs.h"
#include "view/views.h"

typedef struct LaneLook {
    const char *utf8, *ascii;
    Role role;
    const char *meaning;
} LaneLook;

static const LaneLook lane_look[SCHED_LANE_NSTATES + 1] = {
    [SCHED_LANE_RUN] = {"\xe2\x96\x88", "#", ROLE_DONE, "running Python"},
    [SCHED_LANE_NATIVE] = {"\xe2\x96\x93", "=", ROLE_PAL1, "C code, GIL released"},
    [SCHED_LANE_READY] = {"-", "-", ROLE_SUBTLE, "waiting for a core"},
    [SCHED_LANE_GIL_WAIT] = {"\xc2\xb7", ".", ROLE_WARNING, "waiting for the GIL"},
    [SCHED_LANE_IO] = {"~", "~", ROLE_PAL2, "in I/O"},
    [SCHED_LANE_LOCK_WAIT] = {"L", "L", ROLE_ERROR, "waiting on a lock"},
    [SCHED_LANE_CONTENDED] = {"c", "c", ROLE_ERROR, "stalled on a shared refcount"},
    [SCHED_LANE_OVERHEAD] = {"s", "s", ROLE_PAL3, "process start-up, pickling"},
    [SCHED_LANE_DONE] = {" ", " ", ROLE_NORMAL, "finished"},
};

static const char *const page_names[] = {"timeline", "speed-up", "memory"};

static const char *regime_short(SchedRegime r)
{
    return r == SCHED_GIL ? "GIL" : r == SCHED_FREE_THREADED ? "free-threaded" : "processes";
}

#define ESTIMATES_NOTE "Costs: some are estimates (pydive gil --params gives each source)."

static void draw_legend(Canvas *cv, Rect r, int y, bool gil)
{
    int x = r.x;
    for (int l = 0; l < SCHED_LANE_NSTATES && y < r.y + r.h; l++) {
        if (!gil && l == SCHED_LANE_GIL_WAIT)
            continue;
        char item[64];
        snprintf(item, sizeof item, " %s", lane_look[l].meaning);
        int need = 1 + (int)strlen(item) + 2;
        if (x + need > r.x + r.w && x > r.x) {
            x = r.x;
            y++;
            if (y >= r.y + r.h)
                return;
        }
        canvas_text(cv, x, y, 1, cv->ascii ? lane_look[l].ascii : lane_look[l].utf8,
                    lane_look[l].role);
        x += 1 + canvas_text(cv, x + 1, y, r.x + r.w - x - 1, item, ROLE_SUBTLE) + 1;
    }
    if (y + 1 < r.y + r.h)
        canvas_text_fit(cv, r.x, y + 1, r.w, ESTIMATES_NOTE, ROLE_SUBTLE);
}

static void draw_timeline(const LabGilView *v, Canvas *cv, Rect r)
{
    if (!v->sched) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Timeline: nothing has run yet.", ROLE_HEADING);
        canvas_text_fit(cv, r.x, r.y + 1, r.w, "A `run` line plays its first window here.",
                        ROLE_SUBTLE);
        return;
    }
    const SchedConfig *c = sched_config(v->sched);
    const LabGilResult *last = NULL;
    for (size_t i = v->nresults; i-- > 0;)
        if (!v->results[i].from_sweep) {
            last = &v->results[i];
            break;
        }
    const int label_w = 5;
    int cols = r.w - label_w;
    if (cols < 4 || r.h < 3)
        return;
    char head[160];
    snprintf(head, sizeof head, "%s, %d worker%s on %d core%s: 0-%.1f ms, %.2f ms a column%s",
             regime_short(c->regime), c->nthreads, c->nthreads == 1 ? "" : "s", c->ncores,
             c->ncores == 1 ? "" : "s", (double)v->window_us / 1000.0,
             (double)v->window_us / 1000.0 / cols, v->playing ? "  (playing)" : "");
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
    int y = r.y + 1;
    bool gil = c->regime == SCHED_GIL;
    /* rows left for lanes: the legend takes two, the totals one */
    int lanes_room = r.h - 1 - (gil ? 1 : 0) - 3;
    if (lanes_room < 1)
        lanes_room = 1;
    int nlanes = c->nthreads < lanes_room ? c->nthreads : lanes_room;
    int shown_cols = v->window_us > 0 ? (int)((int64_t)cols * v->reveal_us / v->window_us) : 0;
    if (gil) {
        int16_t *holder = xmalloc((size_t)cols * sizeof *holder);
        sched_gil_timeline(v->sched, 0, v->window_us, cols, holder);
        canvas_text(cv, r.x, y, label_w, "GIL", ROLE_STRONG);
        for (int col = 0; col < shown_cols; col++) {
            int h = holder[col];
            char mark = h < 0 ? ' ' : "0123456789abcdefghijklmnopqrstuvwxyz"[h % 36];
            canvas_put(cv, r.x + label_w + col, y, (uint32_t)mark, ROLE_PAL0 + (h < 0 ? 0 : h % 6));
        }
        free(holder);
        y++;
    }
    uint8_t *cells = xmalloc((size_t)nlanes * (size_t)cols);
    sched_timeline(v->sched, 0, nlanes, 0, v->window_us, cols, cells);
    for (int w = 0; w < nlanes; w++, y++) {
        char label[16];
        snprintf(label, sizeof label, "w%d", w);
        canvas_text(cv, r.x, y, label_w - 1, label, ROLE_SUBTLE);
        for (int col = 0; col < shown_cols; col++) {
            const LaneLook *lk = &lane_look[cells[(size_t)w * (size_t)cols + (size_t)col]];
            canvas_text(cv, r.x + label_w + col, y, 1, cv->ascii ? lk->ascii : lk->utf8, lk->role);
        }
    }
    free(cells);
    if (nlanes < c->nthreads) {
        char more[64];
        snprintf(more, sizeof more, "+%d more workers not shown", c->nthreads - nlanes);
        canvas_text_fit(cv, r.x + label_w, y - 1, cols, more, ROLE_SUBTLE);
    }
    if (last && y < r.y + r.h) {
        char tot[200];
        const SchedTotals *t = &last->totals;
        int n = snprintf(tot, sizeof tot, "whole run %.3f s: speed-up %.2fx, cores busy %.0f%%",
                         (double)t->wall_us / 1e6, t->speedup, t->utilization * 100.0);
        if (gil && n > 0 && (size_t)n < sizeof tot)
            snprintf(tot + n, sizeof tot - (size_t)n, ", GIL hand-offs %" PRId64, t->handoffs);
        else if (t->rc_contended && n > 0 && (size_t)n < sizeof tot)
            snprintf(tot + n, sizeof tot - (size_t)n, ", contended refcount ops %" PRId64,
                     t->rc_contended);
        canvas_text_fit(cv, r.x, y++, r.w, tot, ROLE_STRONG);
    }
    draw_legend(cv, r, y, gil);
}

/* A horizontal bar of value/max over width cells. */
static void bar(Canvas *cv, int x, int y, int width, double value, double max, Role role)
{
    int n = max > 0 ? (int)(value / max * width + 0.5) : 0;
    if (n > width)
        n = width;
    for (int i = 0; i < n; i++)
        canvas_put(cv, x + i, y, glyph(cv->ascii, GLYPH_BAR_FULL), role);
}

static void draw_speedup(const LabGilView *v, Canvas *cv, Rect r)
{
    canvas_text_fit(cv, r.x, r.y, r.w, "Speed-up against one thread of the default build",
                    ROLE_HEADING);
    if (v->nresults == 0) {
        canvas_text_fit(cv, r.x, r.y + 1, r.w, "No run yet: `run` and `sweep` lines add bars.",
                        ROLE_SUBTLE);
        return;
    }
    double max = 1.0;
    for (size_t i = 0; i < v->nresults; i++)
        if (v->results[i].totals.speedup > max)
            max = v->results[i].totals.speedup;
    int rows = r.h - 1;
    size_t first = v->nresults > (size_t)rows ? v->nresults - (size_t)rows : 0;
    const int label_w = 24, value_w = 8;
    int bw = r.w - label_w - value_w;
    for (size_t i = first; i < v->nresults; i++) {
        const LabGilResult *res = &v->results[i];
        int y = r.y + 1 + (int)(i - first);
        char label[64], value[16];
        snprintf(label, sizeof label, "%-4s %3dw/%dc %s",
                 res->regime == SCHED_GIL ? "gil" : res->regime == SCHED_FREE_THREADED ? "free"
                                                                                     : "proc",
                 res->threads, res->cores, res->workload);
        snprintf(value, sizeof value, "%6.2fx", res->totals.speedup);
        canvas_text_fit(cv, r.x, y, label_w - 1, label, ROLE_NORMAL);
        if (bw > 0)
            bar(cv, r.x + label_w, y, bw, res->totals.speedup, max,
                res->regime == SCHED_GIL ? ROLE_WARNING : ROLE_DONE);
        canvas_text(cv, r.x + r.w - value_w + 1, y, value_w - 1, value, ROLE_STRONG);
    }
    if (first > 0)
        canvas_text_fit(cv, r.x + 50, r.y, r.w - 50, "(latest shown)", ROLE_SUBTLE);
    int y = r.y + 1 + (int)(v->nresults - first);
    if (y < r.y + r.h)
        canvas_text_fit(cv, r.x, y, r.w, ESTIMATES_NOTE, ROLE_SUBTLE);
}

static void draw_memory(const LabGilView *v, Canvas *cv, Rect r)
{
    if (!v->memory) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Memory: no `memory` line has run yet.", ROLE_HEADING);
        return;
    }
    const LabGilMemory *m = v->memory;
    char head[128];
    snprintf(head, sizeof head, "Memory: %d workers, %d MiB parent heap (page copy-on-write)",
             m->workers, m->heap_mb);
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
    double max = 1;
    for (int i = 0; i < COW_NSCENARIOS; i++)
        if ((double)m->rows[i].total_bytes > max)
            max = (double)m->rows[i].total_bytes;
    int label_w = r.w >= 70 ? 36 : r.w / 2;
    const int value_w = 10;
    int bw = r.w - label_w - value_w;
    for (int i = 0; i < COW_NSCENARIOS && 1 + i < r.h; i++) {
        const CowScenario *row = &m->rows[i];
        int y = r.y + 1 + i;
        char value[24];
        snprintf(value, sizeof value, "%8.0f MiB", (double)row->total_bytes / 1048576.0);
        canvas_text_fit(cv, r.x, y, label_w - 1, row->name, ROLE_NORMAL);
        if (bw > 0)
            bar(cv, r.x + label_w, y, bw, (double)row->total_bytes, max,
                row->shared_pct < 0 ? ROLE_DONE : ROLE_WARNING);
        canvas_text(cv, r.x + r.w - value_w, y, value_w, value, ROLE_STRONG);
    }
    if (1 + COW_NSCENARIOS > r.h)
        canvas_text_fit(cv, r.x + r.w / 2, r.y, r.w - r.w / 2, "(cut: enlarge)", ROLE_SUBTLE);
}

static void gil_draw(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r)
{
    LabGilView v;
    lab_gil_view_of(lab->st, &v);
    switch (o->page % 3) {
    case 0: draw_timeline(&v, cv, r); break;
    case 1: draw_speedup(&v, cv, r); break;
    default: draw_memory(&v, cv, r); break;
    }
}

const LabView lab_gil_view = {
    .name = "gil",
    .npages = 3,
    .page_names = page_names,
    .draw = gil_draw,
};
