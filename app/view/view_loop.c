/*
 * view_loop: the program's asyncio tasks over simulated time, one lane
 * each (running a step, ready in the loop's queue, awaiting something),
 * what each task awaits now (or how it ended), the loop's turns and its
 * longest ready queue.  A task that makes a blocking call shows as one
 * long run while the others sit ready: the loop could not serve them.
 * Drawn from the loop's log (sim/looplog.h) over the whole run so far.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "view/views.h"

typedef struct LoopLook {
    const char *utf8, *ascii;
    Role role;
    const char *meaning;
} LoopLook;

static const LoopLook look[LL_NSTATES] = {
    [LL_NONE] = {" ", " ", ROLE_NORMAL, NULL},
    [LL_RUN] = {"\xe2\x96\x88", "#", ROLE_DONE, "running a step"},
    [LL_READY] = {"\xc2\xb7", ".", ROLE_WARNING, "ready, queued"},
    [LL_WAIT] = {"\xe2\x94\x80", "-", ROLE_PAL2, "awaiting"},
    [LL_DONE] = {" ", " ", ROLE_NORMAL, NULL},
};

enum { LABEL_W = 8 };

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

static void draw_ruler(Canvas *cv, int x, int y, int cols, int64_t span)
{
    for (int c = 0; c < cols; c++)
        canvas_put(cv, x + c, y, '-', ROLE_SUBTLE);
    char end[32];
    fmt_time(span, end, sizeof end);
    int w = (int)strlen(end);
    canvas_text(cv, x, y, cols, "0", ROLE_SUBTLE);
    if (w + 2 < cols)
        canvas_text(cv, x + cols - w, y, w, end, ROLE_SUBTLE);
}

/* "awaited: Task-1 gather, Task-2 sleep" (what each awaits, or awaited last)
 * and "ended: Task-2 done, Task-3 cancelled" for the tasks shown: the rows
 * drawn */
static int draw_awaits(const LoopLog *l, int first, int n, Canvas *cv, Rect r, int y)
{
    Buf waits = {0}, ends = {0};
    for (int i = first; i < first + n; i++) {
        const LlTask *t = &l->tasks[i];
        const char *what = t->lane == LL_RUN ? "(running)" : t->lane == LL_READY ? "(ready)" : t->awaits;
        if (*what) {
            buf_adds(&waits, waits.len ? ", " : "awaited: ");
            buf_printf(&waits, "%s %s", t->name, what);
        }
        if (t->lane == LL_DONE) {
            buf_adds(&ends, ends.len ? ", " : "ended: ");
            buf_printf(&ends, "%s %s", t->name, t->end);
        }
    }
    int y0 = y;
    if (waits.len && y < r.y + r.h)
        canvas_text_fit(cv, r.x, y++, r.w, buf_str(&waits), ROLE_NORMAL);
    if (ends.len && y < r.y + r.h)
        canvas_text_fit(cv, r.x, y++, r.w, buf_str(&ends), ROLE_SUBTLE);
    buf_fini(&waits);
    buf_fini(&ends);
    return y - y0;
}

static void draw_legend(Canvas *cv, Rect r, int y)
{
    int x = r.x;
    for (int l = 0; l < LL_NSTATES && y < r.y + r.h; l++) {
        if (!look[l].meaning)
            continue;
        int need = 2 + (int)strlen(look[l].meaning);
        if (x + need > r.x + r.w && x > r.x) {
            x = r.x;
            if (++y >= r.y + r.h)
                return;
        }
        canvas_text(cv, x, y, 1, cv->ascii ? look[l].ascii : look[l].utf8, look[l].role);
        x += 2 + canvas_text(cv, x + 2, y, r.x + r.w - x - 2, look[l].meaning, ROLE_SUBTLE) + 1;
    }
}

void view_loop(const LoopLog *l, Canvas *cv, Rect r)
{
    canvas_fill(cv, r, ' ', ROLE_NORMAL);
    if (r.w < 16 || r.h < 1)
        return;
    if (!l || l->ntasks == 0) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Loop: no asyncio task so far.", ROLE_HEADING);
        canvas_text_fit(cv, r.x, r.y + 1, r.w, "A lane per task appears once the program runs asyncio.run().",
                        ROLE_SUBTLE);
        return;
    }
    int64_t t0 = l->start, t1 = l->dropped ? l->full_at : l->now;
    char now[32], head[160];
    fmt_time(l->now - l->start, now, sizeof now);
    snprintf(head, sizeof head, "Loop: %d task%s, %" PRIu64 " turns, longest ready queue %zu, %s", l->ntasks,
             l->ntasks == 1 ? "" : "s", l->turns, l->max_ready, now);
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
    int cols = r.w - LABEL_W, y = r.y + 1;
    if (r.h < 3 || cols < 4)
        return;
    /* rows: lanes, ruler, awaits and ends (two), legend (one or two) */
    int room = r.h - 2;
    int extra = room - l->ntasks;
    int nlanes = l->ntasks < room ? l->ntasks : room;
    int first = l->ntasks - nlanes; /* too many: the latest tasks */
    if (t1 <= t0) { /* everything in one instant: one column */
        t1 = t0 + 1;
    }
    uint8_t *cells = xmalloc((size_t)nlanes * (size_t)cols);
    ll_timeline(l, first, nlanes, t0, t1, cols, cells);
    for (int i = 0; i < nlanes && y < r.y + r.h; i++, y++) {
        canvas_text(cv, r.x, y, LABEL_W - 1, l->tasks[first + i].name, ROLE_SUBTLE);
        for (int c = 0; c < cols; c++) {
            const LoopLook *lk = &look[cells[(size_t)i * (size_t)cols + (size_t)c]];
            if (lk->meaning)
                canvas_text(cv, r.x + LABEL_W + c, y, 1, cv->ascii ? lk->ascii : lk->utf8, lk->role);
        }
    }
    free(cells);
    if (first > 0) {
        char more[48];
        snprintf(more, sizeof more, "(the last %d of %d tasks)", nlanes, l->ntasks);
        canvas_text_fit(cv, r.x + LABEL_W, r.y + 1, cols, more, ROLE_SUBTLE);
    }
    if (y < r.y + r.h)
        draw_ruler(cv, r.x + LABEL_W, y++, cols, t1 - t0);
    if (l->dropped && y < r.y + r.h) {
        fmt_time(t1 - t0, now, sizeof now);
        char full[96];
        snprintf(full, sizeof full, "Log full: lanes drawn up to %s only", now);
        canvas_text_fit(cv, r.x, y++, r.w, full, ROLE_WARNING);
    }
    if (extra >= 3 && y < r.y + r.h)
        y += draw_awaits(l, first, nlanes, cv, (Rect){r.x, y, r.w, r.y + r.h - y}, y);
    if (extra >= 4 && y < r.y + r.h)
        draw_legend(cv, (Rect){r.x, y, r.w, r.y + r.h - y}, y);
}
