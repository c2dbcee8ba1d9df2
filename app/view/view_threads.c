/*
 * view_threads: the program's Python threads over simulated time, one lane
 * each (running, waiting for the GIL, blocked on a lock, a join or an event,
 * sleeping), the GIL's holder on the row above them, the hand-offs marked
 * (^ a thread took the GIL from another, ! the holder dropped it on a drop
 * request after the switch interval) and a ruler with a tick per switch
 * interval.  Drawn from the scheduler's lane log (sim/vmsched_log.c) over
 * the whole run so far, so a program and its seed give the same picture.
 *
 * Under --python 3.13t (no GIL) the lanes run at once: the row above them
 * counts the threads running in each column (at most the cores), and a line
 * per thread gives its reference-count changes by biased counting's paths
 * (its own objects, others' objects, contended lines) and the time it
 * stalled on them (sim/brc.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/brc.h"
#include "view/glyphs.h"
#include "view/views.h"

typedef struct LaneLook {
    const char *utf8, *ascii;
    Role role;
    const char *meaning;
} LaneLook;

static const LaneLook look[VS_LANE_NSTATES] = {
    [VS_LANE_NONE] = {" ", " ", ROLE_NORMAL, NULL},
    [VS_LANE_RUN] = {"\xe2\x96\x88", "#", ROLE_DONE, "running"},
    [VS_LANE_GIL] = {"\xc2\xb7", ".", ROLE_WARNING, "GIL wait"},
    [VS_LANE_BLOCKED] = {"-", "-", ROLE_ERROR, "blocked"},
    [VS_LANE_SLEEP] = {"z", "z", ROLE_PAL2, "sleep"},
    [VS_LANE_DONE] = {" ", " ", ROLE_NORMAL, NULL},
};

enum { LABEL_W = 5 };

static char thread_mark(int t)
{
    return t == 0 ? 'm' : "123456789abcdefghijklmnopqrstuvwxyz"[(t - 1) % 35];
}

/* "12.3 ms", "850 us", "2.50 s" for ps into out. */
static void fmt_time(int64_t ps, char *out, size_t n)
{
    double us = (double)ps / 1e6;
    if (us >= 1e6)
        snprintf(out, n, "%.2f s", us / 1e6);
    else if (us >= 1000)
        snprintf(out, n, "%.1f ms", us / 1000);
    else
        snprintf(out, n, "%.0f us", us);
}

/* "850", "12.3k", "4.50M" */
static void fmt_count(uint64_t n, char *out, size_t len)
{
    if (n >= 1000000)
        snprintf(out, len, "%.2fM", (double)n / 1e6);
    else if (n >= 10000)
        snprintf(out, len, "%.1fk", (double)n / 1e3);
    else
        snprintf(out, len, "%" PRIu64, n);
}

/* 3.13t: a line per thread, its count changes by path and its stalls. */
static int draw_contention(const VmSched *v, Canvas *cv, Rect r, int y, int nlanes)
{
    if (y < r.y + r.h)
        canvas_text_fit(cv, r.x, y++, r.w, "refcounts: own / shared / contended (stall)", ROLE_SUBTLE);
    for (int t = 0; t < nlanes && y < r.y + r.h; t++) {
        SimBrcThread b = v->brc && t < v->brc->nthr ? v->brc->thr[t] : (SimBrcThread){0};
        char own[16], shared[16], cont[16], stall[32], line[160];
        fmt_count(b.local, own, sizeof own);
        fmt_count(b.shared, shared, sizeof shared);
        fmt_count(b.contended, cont, sizeof cont);
        fmt_time(b.stall_ps, stall, sizeof stall);
        snprintf(line, sizeof line, "%-4s %s / %s / %s (%s)", t == 0 ? "main" : (char[]){'t', thread_mark(t), 0},
                 own, shared, cont, stall);
        canvas_text_fit(cv, r.x, y++, r.w, line, b.contended ? ROLE_WARNING : ROLE_NORMAL);
    }
    return y;
}

static void draw_ruler(const VmSched *v, Canvas *cv, int x, int y, int cols, int64_t t1)
{
    int64_t step = v->interval > 0 && !v->parallel ? v->interval : t1; /* 3.13t: no switch interval */
    bool ticks = (double)step * cols / (double)t1 >= 2.0; /* ticks two columns apart or more */
    for (int c = 0; c < cols; c++)
        canvas_put(cv, x + c, y, ticks ? '-' : ' ', ROLE_SUBTLE);
    if (ticks)
        for (int64_t t = step; t < t1; t += step)
            canvas_put(cv, x + (int)((double)t * cols / (double)t1), y, '+', ROLE_SUBTLE);
    char end[32];
    fmt_time(t1, end, sizeof end);
    int w = (int)strlen(end);
    canvas_text(cv, x, y, cols, "0", ROLE_SUBTLE);
    if (w + 2 < cols)
        canvas_text(cv, x + cols - w, y, w, end, ROLE_SUBTLE);
}

static void draw_legend(Canvas *cv, Rect r, int y, const char *interval)
{
    int x = r.x;
    char iv[48];
    snprintf(iv, sizeof iv, "switch interval %s", interval);
    const struct {
        const char *mark, *what;
        Role role;
    } extra[] = {{"^", "hand-off", ROLE_STRONG}, {"!", "drop request", ROLE_ERROR},
                 {"+", iv, ROLE_SUBTLE}};
    for (int l = 0; l < VS_LANE_NSTATES + 3 && y < r.y + r.h; l++) {
        const char *mark, *what;
        Role role;
        if (l < VS_LANE_NSTATES) {
            if (!look[l].meaning)
                continue;
            mark = cv->ascii ? look[l].ascii : look[l].utf8;
            what = look[l].meaning;
            role = look[l].role;
        } else {
            mark = extra[l - VS_LANE_NSTATES].mark;
            what = extra[l - VS_LANE_NSTATES].what;
            role = extra[l - VS_LANE_NSTATES].role;
        }
        int need = 2 + (int)strlen(what);
        if (x + need > r.x + r.w && x > r.x) {
            x = r.x;
            if (++y >= r.y + r.h)
                return;
        }
        canvas_text(cv, x, y, 1, mark, role);
        x += 2 + canvas_text(cv, x + 2, y, r.x + r.w - x - 2, what, ROLE_SUBTLE) + 1;
    }
}

/* The forked children (multiprocessing): a line each, the pages of the
 * parent's objects each copied on write (sim/forkpages.h: reference-count
 * writes, frees and collections), from row y; the next free row. */
static int draw_procs(const VmSched *v, Canvas *cv, Rect r, int y)
{
    if (v->nprocs <= 0 || y >= r.y + r.h)
        return y;
    char line[160];
    snprintf(line, sizeof line, "Processes forked: %d; pages of the parent's objects each copied (4 KiB):",
             v->nprocs);
    canvas_text_fit(cv, r.x, y++, r.w, line, ROLE_STRONG);
    int shown = v->nprocs < VS_PROCS_CAP ? v->nprocs : VS_PROCS_CAP;
    for (int i = 0; i < shown && y < r.y + r.h; i++, y++) {
        const VsProc *p = &v->procs[i];
        if (i + 1 < shown && y + 1 == r.y + r.h) {
            snprintf(line, sizeof line, "  +%d more", v->nprocs - i);
            canvas_text_fit(cv, r.x, y++, r.w, line, ROLE_SUBTLE);
            break;
        }
        double pct = p->shared_pages ? 100.0 * (double)p->copied_pages / (double)p->shared_pages : 0;
        snprintf(line, sizeof line, "  %-20s %" PRId64 " of %" PRId64 " copied (%.0f%%, %" PRId64 " KiB)",
                 p->name, p->copied_pages, p->shared_pages, pct, p->copied_pages * 4);
        canvas_text_fit(cv, r.x, y, r.w, line, ROLE_NORMAL);
    }
    return y;
}

void view_threads(const VmSched *v, const char *profile, Canvas *cv, Rect r)
{
    canvas_fill(cv, r, ' ', ROLE_NORMAL);
    if (r.w < 12 || r.h < 1)
        return;
    if (!v || v->nthr <= 1) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Threads: only the main thread so far.", ROLE_HEADING);
        canvas_text_fit(cv, r.x, r.y + 1, r.w,
                        "A lane per thread appears once the program starts a threading.Thread.",
                        ROLE_SUBTLE);
        if (v)
            draw_procs(v, cv, r, r.y + 3);
        return;
    }
    /* the whole run so far, or up to where the log filled */
    int64_t t1 = v->log_dropped ? v->log_full_at : v->now;
    char now[32], iv[32], head[160];
    fmt_time(v->now, now, sizeof now);
    fmt_time(v->interval, iv, sizeof iv);
    if (v->parallel)
        snprintf(head, sizeof head, "Threads: %d at once on %d cores (3.13t, no GIL), t = %s", v->nthr,
                 v->ncores, now);
    else
        snprintf(head, sizeof head, "Threads: %d on the GIL, t = %s", v->nthr, now);
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
    int cols = r.w - LABEL_W;
    int y = r.y + 1;
    if (r.h < 3 || cols < 4 || t1 <= 0)
        return;
    /* rows: GIL, marks, lanes, ruler, totals, legend (two) */
    int room = r.h - 1 - 2 - 1;
    int extra_rows = room - v->nthr;   /* what is left for the totals and the legend */
    int nlanes = v->nthr < room ? v->nthr : room;
    if (nlanes < 1) {
        canvas_text_fit(cv, r.x, y, r.w, "(too low for the lanes)", ROLE_SUBTLE);
        return;
    }
    int16_t *holder = xmalloc((size_t)cols * sizeof *holder);
    uint8_t *marks = xmalloc((size_t)cols);
    uint8_t *cells = xmalloc((size_t)nlanes * (size_t)cols);
    vs_gil_timeline(v, 0, t1, cols, holder);
    vs_timeline(v, 0, nlanes, 0, t1, cols, cells, marks);
    if (v->parallel) { /* how many ran at once in each column, on average */
        double *busy = xmalloc((size_t)cols * sizeof *busy);
        vs_run_density(v, 0, t1, cols, busy);
        canvas_text(cv, r.x, y, LABEL_W - 1, "run", ROLE_STRONG);
        for (int c = 0; c < cols; c++) {
            int n = (int)(busy[c] + 0.5); /* more threads than cores share them */
            n = n > v->ncores ? v->ncores : n;
            if (busy[c] > 0.05)
                canvas_put(cv, r.x + LABEL_W + c, y, n > 9 ? '+' : (uint32_t)('0' + n), ROLE_DONE);
        }
        free(busy);
    } else {
        canvas_text(cv, r.x, y, LABEL_W - 1, "GIL", ROLE_STRONG);
        for (int c = 0; c < cols; c++)
            if (holder[c] >= 0)
                canvas_put(cv, r.x + LABEL_W + c, y, (uint32_t)thread_mark(holder[c]),
                           ROLE_PAL0 + holder[c] % 6);
    }
    y++;
    for (int c = 0; c < cols; c++)
        if (marks[c])
            canvas_put(cv, r.x + LABEL_W + c, y, marks[c] == 2 ? '!' : '^',
                       marks[c] == 2 ? ROLE_ERROR : ROLE_STRONG);
    y++;
    for (int t = 0; t < nlanes && y < r.y + r.h; t++, y++) {
        char label[16];
        if (t == 0)
            snprintf(label, sizeof label, "main");
        else
            snprintf(label, sizeof label, "t%c", thread_mark(t));
        canvas_text(cv, r.x, y, LABEL_W - 1, label, ROLE_SUBTLE);
        for (int c = 0; c < cols; c++) {
            const LaneLook *lk = &look[cells[(size_t)t * (size_t)cols + (size_t)c]];
            if (lk->meaning)
                canvas_text(cv, r.x + LABEL_W + c, y, 1, cv->ascii ? lk->ascii : lk->utf8,
                            lk->role);
        }
    }
    if (nlanes < v->nthr) {
        char more[48];
        snprintf(more, sizeof more, "+%d more threads", v->nthr - nlanes);
        canvas_text_fit(cv, r.x + LABEL_W, y - 1, cols, more, ROLE_SUBTLE);
    }
    free(holder);
    free(marks);
    free(cells);
    if (y < r.y + r.h)
        draw_ruler(v, cv, r.x + LABEL_W, y++, cols, t1);
    if (v->parallel) {
        y = draw_contention(v, cv, r, y, nlanes);
    } else if (extra_rows >= 1 && y < r.y + r.h) {
        char tot[160];
        snprintf(tot, sizeof tot, "hand-offs %" PRId64 ", %" PRId64 " on a drop request",
                 v->handoffs, v->forced_drops);
        canvas_text_fit(cv, r.x, y++, r.w, tot, ROLE_NORMAL);
    }
    if (v->nprocs > 0 && extra_rows >= 4)
        y = draw_procs(v, cv, (Rect){r.x, y, r.w, r.y + r.h - y - (extra_rows >= 6 ? 2 : 0)}, y);
    if (v->log_dropped && y < r.y + r.h) {
        char full[96];
        fmt_time(t1, now, sizeof now);
        snprintf(full, sizeof full, "Log full: lanes drawn up to %s only", now);
        canvas_text_fit(cv, r.x, y++, r.w, full, ROLE_WARNING);
    }
    (void)profile;
    if (!v->parallel && extra_rows >= 2 && y < r.y + r.h)
        draw_legend(cv, (Rect){r.x, y, r.w, r.y + r.h - y}, y, iv);
}
