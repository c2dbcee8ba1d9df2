/*
 * lab_loop_view: chapter 5's event-loop lab on screen.
 *
 *   timeline  the loop's lane (running Python, blocked in a sync call,
 *             waiting for the GIL, idle) above the pool threads' lanes, over
 *             the whole run, revealed as it plays;
 *   queue     requests waiting (for the loop or a thread) over time, and
 *             answers a second under it;
 *   latency   p50 / p95 / p99 per route of the run on screen, as bars;
 *   load      every run so far: offered rate, throughput and the worst p99,
 *             the curve of latency and throughput as load rises.
 * Each page says what it leaves out when the rectangle is small, and which
 * costs are estimates.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lab/loop/evloop_lab.h"
#include "lab/loop/evloop_lang.h"
#include "view/glyphs.h"
#include "view/labs.h"

typedef struct StateLook {
    const char *utf8, *ascii;
    Role role;
    const char *loop_meaning, *thread_meaning;
} StateLook;

static const StateLook look[EVS_NSTATES] = {
    [EVS_IDLE] = {"-", "-", ROLE_SUBTLE, "idle", "idle"},
    [EVS_RUN] = {"\xe2\x96\x88", "#", ROLE_DONE, "running Python", "running Python"},
    [EVS_BLOCKED] = {"\xe2\x96\x93", "X", ROLE_ERROR, "blocked (sync call)", "waiting on I/O"},
    [EVS_GIL_WAIT] = {"\xc2\xb7", ".", ROLE_WARNING, "waiting for the GIL", "waiting for GIL"},
};

static const char *const page_names[] = {"timeline", "queue", "latency", "load"};

static const char estimate_note[] = "estimates: request overhead, resume, chunk, "
                                    "hand-off, GIL wake-up (param to change)";

/* The run on screen: its animated state and its final result. */
typedef struct Shown {
    const Evloop *e;
    const LoopRunResult *res; /* the latest run's result */
    int64_t span;             /* the whole run, µs */
    size_t index;             /* 1-based run number */
    bool playing;
} Shown;

static bool shown_of(const Lab *lab, Shown *s)
{
    size_t n;
    const LoopRunResult *runs = loop_lab_runs(lab, &n);
    s->e = loop_lab_sim(lab);
    s->res = n ? &runs[n - 1] : NULL;
    s->index = n;
    if (!s->e || !s->res)
        return false;
    s->span = s->res->tot.now_us > 0 ? s->res->tot.now_us : 1;
    s->playing = !evloop_done(s->e);
    return true;
}

static void nothing_yet(Canvas *cv, Rect r, const char *what)
{
    canvas_text_fit(cv, r.x, r.y, r.w, what, ROLE_HEADING);
    canvas_text_fit(cv, r.x, r.y + 1, r.w, "Nothing has run yet: a `run` line plays its loads here.",
                    ROLE_SUBTLE);
}

static void head_line(Canvas *cv, Rect r, const Shown *s, const char *what)
{
    char t[24], head[160];
    loop_format_us(s->span, t, sizeof t);
    snprintf(head, sizeof head, "%s, run %zu (line %d): 0-%s%s", what, s->index, s->res->line, t,
             s->playing ? "  (playing)" : "");
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
}

/* ---- timeline ------------------------------------------------------------------ */

static void draw_legend(Canvas *cv, Rect r, int y)
{
    int x = r.x;
    for (int s = 0; s < EVS_NSTATES && y < r.y + r.h; s++) {
        char item[64];
        snprintf(item, sizeof item, " %s", look[s].loop_meaning);
        int need = 1 + (int)strlen(item) + 2;
        if (x + need > r.x + r.w && x > r.x) {
            x = r.x;
            if (++y >= r.y + r.h)
                return;
        }
        canvas_text(cv, x, y, 1, cv->ascii ? look[s].ascii : look[s].utf8, look[s].role);
        x += 1 + canvas_text(cv, x + 1, y, r.x + r.w - x - 1, item, ROLE_SUBTLE) + 1;
    }
}

static void draw_lane(Canvas *cv, const Shown *s, int lane, int x, int y, int cols, uint8_t *cells)
{
    evloop_lane_columns(s->e, lane, s->span, cols, cells);
    for (int c = 0; c < cols; c++) {
        if (cells[c] == EVLOOP_COL_FUTURE)
            break;
        const StateLook *lk = &look[cells[c]];
        canvas_text(cv, x + c, y, 1, cv->ascii ? lk->ascii : lk->utf8, lk->role);
    }
}

static void draw_timeline(const Shown *s, Canvas *cv, Rect r)
{
    head_line(cv, r, s, "Loop and pool");
    const int label_w = 5;
    int cols = r.w - label_w;
    if (cols < 4 || r.h < 3)
        return;
    uint8_t *cells = xmalloc((size_t)cols);
    int y = r.y + 1;
    canvas_text(cv, r.x, y, label_w - 1, "loop", ROLE_STRONG);
    draw_lane(cv, s, 0, r.x + label_w, y++, cols, cells);
    EvloopTotals t;
    evloop_totals(s->e, &t);
    int used = t.peak_threads < EVLOOP_LANE_THREADS ? t.peak_threads : EVLOOP_LANE_THREADS;
    int room = r.h - 2 - 3; /* heading, loop; totals and two legend rows */
    if (room < 0)
        room = 0;
    int lanes = used < room ? used : room;
    for (int i = 0; i < lanes; i++, y++) {
        char label[16];
        snprintf(label, sizeof label, "t%d", i);
        canvas_text(cv, r.x, y, label_w - 1, label, ROLE_SUBTLE);
        draw_lane(cv, s, 1 + i, r.x + label_w, y, cols, cells);
    }
    free(cells);
    if (t.peak_threads > lanes && y < r.y + r.h) {
        char more[96];
        snprintf(more, sizeof more, "%d pool thread(s) busy at the peak, %d shown",
                 t.peak_threads, lanes);
        canvas_text_fit(cv, r.x + label_w, y++, cols, more, ROLE_SUBTLE);
    }
    if (y < r.y + r.h) {
        char tot[160];
        int64_t w = t.now_us > 0 ? t.now_us : 1;
        snprintf(tot, sizeof tot, "loop %lld%% run, %lld%% blocked, %lld%% GIL wait; %d waiting",
                 (long long)(t.loop_us[EVS_RUN] * 100 / w),
                 (long long)(t.loop_us[EVS_BLOCKED] * 100 / w),
                 (long long)(t.loop_us[EVS_GIL_WAIT] * 100 / w), evloop_queue_now(s->e));
        canvas_text_fit(cv, r.x, y++, r.w, tot, ROLE_STRONG);
    }
    draw_legend(cv, r, y);
    if (r.h >= 8)
        canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, estimate_note, ROLE_SUBTLE);
}

/* ---- queue ------------------------------------------------------------------------ */

static const char *const levels_utf8[9] = {" ",
                                           "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
                                           "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86",
                                           "\xe2\x96\x87", "\xe2\x96\x88"};
static const char levels_ascii[] = " .:-=+*#@";

/* One cell of a sparkline: v of max in 8 levels (0 only for exactly 0). */
static void spark(Canvas *cv, int x, int y, double v, double max, Role role)
{
    int lv = max > 0 && v > 0 ? 1 + (int)(v / max * 7.999) : 0;
    if (lv > 8)
        lv = 8;
    char a[2] = {levels_ascii[lv], 0};
    canvas_text(cv, x, y, 1, cv->ascii ? a : levels_utf8[lv], role);
}

static void draw_queue(const Shown *s, Canvas *cv, Rect r)
{
    head_line(cv, r, s, "Queue");
    const int label_w = 8;
    int cols = r.w - label_w;
    if (cols < 4 || r.h < 4)
        return;
    uint32_t *q = xmalloc((size_t)cols * sizeof *q);
    double *rate = xmalloc((size_t)cols * sizeof *rate);
    evloop_queue_columns(s->e, s->span, cols, q, rate);
    uint32_t qmax = 1;
    double rmax = 1;
    for (int c = 0; c < cols; c++) {
        if (q[c] > qmax)
            qmax = q[c];
        if (rate[c] > rmax)
            rmax = rate[c];
    }
    int played = 0;
    int64_t now = evloop_now(s->e);
    for (int c = 0; c < cols && s->span * c / cols < now; c++)
        played = c + 1;
    /* the queue as columns of height rows; answers a second as one sparkline */
    int rows = r.h - 5;
    if (rows < 1)
        rows = 1;
    char label[32];
    snprintf(label, sizeof label, "%u", qmax);
    canvas_text(cv, r.x, r.y + 1, label_w - 1, label, ROLE_SUBTLE);
    canvas_text(cv, r.x, r.y + rows, label_w - 1, "0", ROLE_SUBTLE);
    for (int c = 0; c < played; c++) {
        double h = (double)q[c] / (double)qmax * rows; /* cells of height, fractional */
        for (int k = 0; k < rows; k++) {
            double part = h - k; /* how much of row k (from the bottom) is filled */
            if (part <= 0)
                break;
            spark(cv, r.x + label_w + c, r.y + rows - k, part >= 1 ? 1 : part, 1,
                  q[c] * 2 > qmax ? ROLE_WARNING : ROLE_PAL0);
        }
    }
    int y = r.y + rows + 1;
    canvas_text(cv, r.x, y, label_w - 1, "done/s", ROLE_SUBTLE);
    for (int c = 0; c < played; c++)
        spark(cv, r.x + label_w + c, y, rate[c], rmax, ROLE_DONE);
    y++;
    EvloopTotals t;
    evloop_totals(s->e, &t);
    char line[160];
    snprintf(line, sizeof line, "waiting now %d (max %lld: loop %lld, pool %lld); peak %.0f/s",
             evloop_queue_now(s->e), (long long)t.max_queue, (long long)t.max_loop_queue,
             (long long)t.max_pool_queue, rmax);
    canvas_text_fit(cv, r.x, y++, r.w, line, ROLE_STRONG);
    canvas_text_fit(cv, r.x, y, r.w, "height: requests waiting for the loop or a pool thread",
                    ROLE_SUBTLE);
    free(q);
    free(rate);
}

/* ---- latency ------------------------------------------------------------------------ */

static void draw_latency(const Shown *s, Canvas *cv, Rect r)
{
    head_line(cv, r, s, "Latency");
    const EvloopConfig *c = evloop_config(s->e);
    EvloopRouteStats st[EVLOOP_MAX_ROUTES];
    int64_t max = 1;
    int shown = 0, nloaded = 0;
    for (size_t i = 0; i < c->nroutes; i++) {
        evloop_route_stats(s->e, (int)i, &st[i]);
        if (st[i].p99_us > max)
            max = st[i].p99_us;
        nloaded += s->res->loaded[i];
    }
    int y = r.y + 1;
    const int label_w = 12;
    int bw = r.w - label_w;
    for (size_t i = 0; i < c->nroutes && y + 1 < r.y + r.h; i++) {
        if (!s->res->loaded[i])
            continue;
        const EvloopRouteStats *q = &st[i];
        char a[24], b[24], d[24], line[160];
        loop_format_us(q->p50_us, a, sizeof a);
        loop_format_us(q->p95_us, b, sizeof b);
        loop_format_us(q->p99_us, d, sizeof d);
        /* p99 first: the figure that moves first when requests queue */
        snprintf(line, sizeof line, "%s %s: p99 %s, p95 %s, p50 %s, %lld done", c->routes[i].path,
                 c->routes[i].sync ? "def" : "async", d, b, a, (long long)q->done);
        canvas_text_fit(cv, r.x, y++, r.w, line, ROLE_NORMAL);
        /* the bar: solid to p50, shaded to p95, light to p99 */
        canvas_text(cv, r.x, y, label_w - 1, "", ROLE_SUBTLE);
        int n50 = (int)(q->p50_us * bw / max), n95 = (int)(q->p95_us * bw / max),
            n99 = (int)(q->p99_us * bw / max);
        for (int k = 0; k < n99 && k < bw; k++) {
            Glyph g = k < n50 ? GLYPH_BAR_FULL : k < n95 ? GLYPH_SHADE_MEDIUM : GLYPH_SHADE_LIGHT;
            canvas_put(cv, r.x + label_w + k, y, glyph(cv->ascii, g),
                       k < n50 ? ROLE_DONE : k < n95 ? ROLE_PAL0 : ROLE_WARNING);
        }
        if (c->routes[i].tokens > 0 && q->done > 0) {
            loop_format_us(q->ttft_p50_us, a, sizeof a);
            snprintf(line, sizeof line, "1st %s", a);
            canvas_text_fit(cv, r.x, y, label_w - 1, line, ROLE_SUBTLE);
        }
        y++;
        shown++;
    }
    if (shown < nloaded) {
        char more[64];
        snprintf(more, sizeof more, "%d more route(s): enlarge", nloaded - shown);
        canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, more, ROLE_SUBTLE);
    } else if (y < r.y + r.h) {
        const char *leg = cv->ascii ? "# to p50, = to p95, - to p99 (nearest rank)"
                                    : "\xe2\x96\x88 to p50, \xe2\x96\x92 to p95, "
                                      "\xe2\x96\x91 to p99 (nearest rank)";
        canvas_text_fit(cv, r.x, y++, r.w, leg, ROLE_SUBTLE);
        if (y < r.y + r.h)
            canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, estimate_note, ROLE_SUBTLE);
    }
}

/* ---- load ------------------------------------------------------------------------------ */

static void draw_load(const Lab *lab, Canvas *cv, Rect r)
{
    canvas_text_fit(cv, r.x, r.y, r.w, "As load rises: answered/s (bar) and the worst p99",
                    ROLE_HEADING);
    size_t n;
    const LoopRunResult *runs = loop_lab_runs(lab, &n);
    if (n == 0) {
        canvas_text_fit(cv, r.x, r.y + 1, r.w, "No run yet: each `run` line adds a row.",
                        ROLE_SUBTLE);
        return;
    }
    double max = 1;
    for (size_t i = 0; i < n; i++) {
        if (runs[i].tot.offered > max)
            max = runs[i].tot.offered;
        if (runs[i].tot.throughput > max)
            max = runs[i].tot.throughput;
    }
    int rows = r.h - 2;
    size_t first = n > (size_t)rows ? n - (size_t)rows : 0;
    const int label_w = 16, value_w = 22;
    int bw = r.w - label_w - value_w;
    for (size_t i = first; i < n; i++) {
        const LoopRunResult *res = &runs[i];
        int64_t worst = 0;
        for (size_t k = 0; k < res->nroutes; k++)
            if (res->loaded[k] && res->stats[k].p99_us > worst)
                worst = res->stats[k].p99_us;
        int y = r.y + 1 + (int)(i - first);
        char label[48], value[64], p99[24];
        if (res->tot.offered > 0)
            snprintf(label, sizeof label, "%3zu %7.1f/s in", i + 1, res->tot.offered);
        else
            snprintf(label, sizeof label, "%3zu burst %lld", i + 1, (long long)res->tot.arrived);
        loop_format_us(worst, p99, sizeof p99);
        snprintf(value, sizeof value, " %7.1f/s p99 %s", res->tot.throughput, p99);
        canvas_text_fit(cv, r.x, y, label_w, label, ROLE_NORMAL);
        if (bw > 0) {
            int k = (int)(res->tot.throughput / max * bw + 0.5);
            int o = (int)(res->tot.offered / max * bw + 0.5);
            for (int x = 0; x < bw && (x < k || x < o); x++)
                canvas_put(cv, r.x + label_w + x, y,
                           glyph(cv->ascii, x < k ? GLYPH_BAR_FULL : GLYPH_SHADE_LIGHT),
                           x < k ? ROLE_DONE : ROLE_WARNING);
        }
        canvas_text_fit(cv, r.x + r.w - value_w, y, value_w, value, ROLE_STRONG);
    }
    int y = r.y + 1 + (int)(n - first);
    if (first > 0)
        canvas_text_fit(cv, r.x + 50, r.y, r.w - 50, "(latest)", ROLE_SUBTLE);
    else if (y < r.y + r.h)
        canvas_text_fit(cv, r.x, y, r.w,
                        cv->ascii ? "# answered/s, - offered but not kept up with"
                                  : "\xe2\x96\x88 answered/s, \xe2\x96\x91 offered but not kept up with",
                        ROLE_SUBTLE);
}

static void loop_draw(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r)
{
    int page = o->page % 4;
    if (page == 3) {
        draw_load(lab, cv, r);
        return;
    }
    Shown s;
    if (!shown_of(lab, &s)) {
        nothing_yet(cv, r, page_names[page]);
        return;
    }
    switch (page) {
    case 0: draw_timeline(&s, cv, r); break;
    case 1: draw_queue(&s, cv, r); break;
    default: draw_latency(&s, cv, r); break;
    }
}

const LabView lab_loop_view = {
    .name = "loop",
    .npages = 4,
    .page_names = page_names,
    .draw = loop_draw,
};
