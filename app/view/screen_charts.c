/*
 * screen_charts: chapter 6's data sets (assets/data, read by
 * course/chartdata) browsed one chart at a time: the bars scaled to the
 * width, each value with the unit, and the source, date, evidence and note
 * always on screen (the note is cut, and says so, only when the terminal is
 * too short).  Reached with C from the series page and the reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "view/glyphs.h"
#include "view/screens.h"

void app_charts_fini(App *a)
{
    if (a->charts_ready)
        chartset_fini(&a->charts);
    a->charts_ready = false;
}

/* Reads assets/data on first use; the first error is kept to show. */
static void load(App *a)
{
    if (a->charts_ready)
        return;
    DiagList dl = {0};
    const char *dir = a->course && a->course->dir ? a->course->dir : ".";
    chartset_load(dir, &a->charts, &dl);
    a->charts_error[0] = '\0';
    if (dl.len) {
        char *s = diag_format(&dl.items[0]);
        snprintf(a->charts_error, sizeof a->charts_error, "%s", s);
        free(s);
    }
    diag_fini(&dl);
    a->charts_ready = true;
}

unsigned app_open_charts(App *a, const char *id)
{
    load(a);
    if (id) {
        const Chart *c = chartset_find(&a->charts, id);
        if (!c) {
            snprintf(a->notice, sizeof a->notice, "no chart '%s' (pydive charts lists them)", id);
            return REACT_REDRAW;
        }
        a->chart_sel = (int)(c - a->charts.items);
    }
    if (a->screen != SCREEN_CHARTS)
        a->back[SCREEN_CHARTS] = a->screen == SCREEN_HELP ? SCREEN_HOME : a->screen;
    a->screen = SCREEN_CHARTS;
    return REACT_REDRAW;
}

unsigned app_charts_key(App *a, KeyAction act)
{
    int n = (int)a->charts.n;
    switch (act) {
    case ACT_NEXT_SECTION: case ACT_DOWN: case ACT_PAGE_DOWN: case ACT_WHEEL_DOWN:
        a->chart_sel++;
        break;
    case ACT_PREV_SECTION: case ACT_UP: case ACT_PAGE_UP: case ACT_WHEEL_UP:
        a->chart_sel--;
        break;
    case ACT_TOP: a->chart_sel = 0; break;
    case ACT_BOTTOM: a->chart_sel = n - 1; break;
    case ACT_BACK: app_back(a); return REACT_REDRAW;
    default: return REACT_NONE;
    }
    if (a->chart_sel >= n)
        a->chart_sel = n - 1;
    if (a->chart_sel < 0)
        a->chart_sel = 0;
    return REACT_REDRAW;
}

/* Words of s from row y, wrapped to w columns, at most `rows` rows; returns
 * rows used.  The last row ends with "..." when the text did not fit. */
static int wrap(Canvas *cv, int x, int y, int w, int rows, const char *s, Role role)
{
    int used = 0;
    while (*s && used < rows) {
        while (*s == ' ')
            s++;
        size_t len = strlen(s), cut = len;
        if ((int)len > w) {
            cut = (size_t)w;
            while (cut > 0 && s[cut] != ' ')
                cut--;
            if (cut == 0)
                cut = (size_t)w;
        }
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)cut, s);
        bool last = used == rows - 1 && cut < len;
        if (last)
            canvas_text_fit(cv, x, y + used, w, s, role); /* ends with an ellipsis */
        else
            canvas_text(cv, x, y + used, w, line, role);
        used++;
        s += cut;
    }
    return used;
}

void screen_charts_draw(App *a, Canvas *cv)
{
    load(a);
    int n = (int)a->charts.n;
    char head[256];
    if (n == 0) {
        chrome_top(a, cv, "Charts", NULL);
        canvas_text_fit(cv, 2, 2, cv->w - 4,
                        a->charts_error[0] ? a->charts_error
                                           : "This course has no chart data (assets/data).",
                        a->charts_error[0] ? ROLE_ERROR : ROLE_SUBTLE);
        chrome_hints(a, cv, ON_CHARTS);
        return;
    }
    if (a->chart_sel >= n)
        a->chart_sel = n - 1;
    const Chart *c = &a->charts.items[a->chart_sel];
    snprintf(head, sizeof head, "Chart %d of %d: %s", a->chart_sel + 1, n, c->id);
    char right[32];
    snprintf(right, sizeof right, "chapter %d", c->chapter);
    chrome_top(a, cv, head, right);
    int x = 2, w = cv->w - 4, y = 2;
    y += wrap(cv, x, y, w, 2, c->title, ROLE_HEADING);
    canvas_text_fit(cv, x, y++, w, c->unit, ROLE_SUBTLE);
    /* The source block takes the bottom: it must always be visible. */
    char src[600];
    snprintf(src, sizeof src, "Source: %s (%s, %s; evidence: %s)", c->src_title, c->src_date,
             c->date_kind, c->evidence);
    int bottom = cv->h - 2;              /* last row above the hint bar */
    int note_rows = c->note ? (cv->h >= 24 ? 4 : 2) : 0;
    int src_rows = 2;
    int bars_end = bottom - note_rows - src_rows; /* rows y..bars_end-1 for bars */
    int label_w = w / 3 > 34 ? 34 : w / 3, bar_w = w - label_w - 12;
    double max = chart_max(c);
    int per = bars_end - y >= 2 * (int)c->npoints ? 2 : 1; /* a blank row between bars if room */
    size_t shown = 0;
    for (size_t i = 0; i < c->npoints && y + 1 <= bars_end; i++, shown++) {
        const ChartPoint *p = &c->points[i];
        canvas_text_fit(cv, x, y, label_w - 1, p->label, ROLE_NORMAL);
        int full = max > 0 && p->value > 0 ? (int)(p->value / max * bar_w + 0.5) : 0;
        if (p->value > 0 && full == 0)
            full = 1;
        for (int k = 0; k < full; k++)
            canvas_put(cv, x + label_w + k, y, glyph(cv->ascii, GLYPH_BAR_FULL),
                       i % 2 ? ROLE_PAL1 : ROLE_PAL0);
        canvas_text(cv, x + label_w + full + 1, y, 11, p->text, ROLE_STRONG);
        y += per;
    }
    if (shown < c->npoints) {
        char more[64];
        snprintf(more, sizeof more, "(%zu more points: enlarge the terminal or see pydive charts)",
                 c->npoints - shown);
        canvas_text_fit(cv, x, bars_end - 1, w, more, ROLE_SUBTLE);
    }
    int sy = bottom - note_rows - src_rows + 1;
    wrap(cv, x, sy, w, src_rows, src, ROLE_CITE);
    if (c->note) {
        char note[1024];
        snprintf(note, sizeof note, "Note: %s", c->note);
        wrap(cv, x, sy + src_rows, w, note_rows, note, ROLE_NOTE);
    }
    chrome_hints(a, cv, ON_CHARTS);
}

/* True when some chart belongs to a chapter of this course that is open to
 * the learner (a workshop pack of chapters 1-3 has none). */
bool app_has_charts(App *a)
{
    load(a);
    for (size_t i = 0; i < a->charts.n; i++) {
        const Chapter *ch = a->course ? course_chapter_by_number(a->course,
                                                                 a->charts.items[i].chapter)
                                      : NULL;
        if (ch && app_chapter_access(a, ch).state == ACCESS_OPEN)
            return true;
    }
    return false;
}

unsigned app_open_charts_if_any(App *a)
{
    if (app_has_charts(a))
        return app_open_charts(a, NULL);
    snprintf(a->notice, sizeof a->notice, "No charts in the chapters open here.");
    return REACT_REDRAW;
}
