/*
 * lab_flywheel_view: the flywheel lab drawn three ways.
 *   series  U, L and T over the steps so far (U on 0..1, L and T on their
 *           own index scale, both stated), with the program's shocks marked
 *   loop    the loop diagram with the current values and the equations
 *   data    the figures the program quoted with `data`, as bars
 * Every page says "illustration, not a forecast": the model is not fitted
 * to anything (lab/flywheel/flywheel.h).
 */
#include <stdio.h>
#include <string.h>

#include "lab/flywheel/lab_flywheel.h"
#include "view/glyphs.h"
#include "view/labs.h"

#define LABEL "an illustration, not a forecast"

static void line_h(Canvas *cv, int x0, int x1, int y)
{
    for (int x = x0; x <= x1; x++)
        canvas_put(cv, x, y, glyph(cv->ascii, GLYPH_HLINE), ROLE_SUBTLE);
}

static void line_v(Canvas *cv, int x, int y0, int y1)
{
    for (int y = y0; y <= y1; y++)
        canvas_put(cv, x, y, glyph(cv->ascii, GLYPH_VLINE), ROLE_SUBTLE);
}

/* ---- series ---------------------------------------------------------------- */

static int row_of(double v, double max, int top, int h)
{
    if (max <= 0)
        return top + h - 1;
    double f = v / max;
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    return top + h - 1 - (int)(f * (h - 1) + 0.5);
}

static void draw_series(const Lab *lab, Canvas *cv, Rect r)
{
    size_t n;
    const FlyState *s = fly_lab_series(lab, &n);
    size_t shown = fly_lab_shown(lab);
    if (shown > n)
        shown = n;
    char buf[200];
    snprintf(buf, sizeof buf, "Flywheel, %s: step %zu", LABEL, shown ? shown - 1 : 0);
    canvas_text_fit(cv, r.x, r.y, r.w, buf, ROLE_HEADING);
    double max = 0;
    for (size_t i = 0; i < shown; i++) {
        if (s[i].libraries > max)
            max = s[i].libraries;
        if (s[i].tools > max)
            max = s[i].tools;
    }
    if (max <= 0)
        max = 1;
    snprintf(buf, sizeof buf, "U users (share, left 0..1)  L libraries  T tools (index, right 0..%.3g)",
             max);
    canvas_text_fit(cv, r.x, r.y + 1, r.w, buf, ROLE_SUBTLE);
    int axis = 5, top = r.y + 2, h = r.h - 4, w = r.w - axis - 8;
    if (h < 3 || w < 8) {
        canvas_text_fit(cv, r.x, r.y + 2, r.w, "(series: too small to plot; see the table)",
                        ROLE_SUBTLE);
        return;
    }
    canvas_text(cv, r.x, top, axis - 1, "1.0", ROLE_SUBTLE);
    canvas_text(cv, r.x, top + h - 1, axis - 1, "0", ROLE_SUBTLE);
    line_v(cv, r.x + axis - 1, top, top + h - 1);
    snprintf(buf, sizeof buf, "%.3g", max);
    canvas_text(cv, r.x + axis + w + 1, top, 7, buf, ROLE_SUBTLE);
    canvas_text(cv, r.x + axis + w + 1, top + h - 1, 7, "0", ROLE_SUBTLE);
    /* Column c shows step c when the run fits, else a step sampled evenly. */
    int cols = shown <= (size_t)w ? (int)shown : w;
    for (int c = 0; c < cols; c++) {
        size_t i = cols > 1 && shown > (size_t)w ? (size_t)c * (shown - 1) / (size_t)(cols - 1)
                                                 : (size_t)c;
        int x = r.x + axis + c;
        canvas_put(cv, x, row_of(s[i].tools, max, top, h), 'T', ROLE_PAL2);
        canvas_put(cv, x, row_of(s[i].libraries, max, top, h), 'L', ROLE_PAL1);
        canvas_put(cv, x, row_of(s[i].users, 1, top, h), 'U', ROLE_PAL0); /* on top */
    }
    int ay = top + h;
    line_h(cv, r.x + axis, r.x + axis + w - 1, ay);
    size_t nm;
    const FlyMark *m = fly_lab_marks(lab, &nm);
    for (size_t k = 0; k < nm && cols > 0; k++) {
        if ((size_t)m[k].t >= shown)
            continue;
        int c = shown > (size_t)w && shown > 1 ? (int)((size_t)m[k].t * (size_t)(cols - 1) / (shown - 1))
                                               : m[k].t;
        canvas_put(cv, r.x + axis + c, ay, '!', ROLE_WARNING);
    }
    /* Below the axis: the first and last step, and what '!' means. */
    canvas_text(cv, r.x + axis, ay + 1, w, "step 0", ROLE_SUBTLE);
    if (nm && cols > 45) /* room between the two step numbers */
        canvas_text(cv, r.x + axis + 8, ay + 1, cols - 14, "! = a change made by the program",
                    ROLE_SUBTLE);
    if (shown > 1) {
        snprintf(buf, sizeof buf, "%zu", shown - 1);
        int bw = (int)strlen(buf);
        canvas_text(cv, r.x + axis + cols - bw, ay + 1, bw, buf, ROLE_SUBTLE);
    }
}

/* ---- loop ------------------------------------------------------------------ */

static void draw_loop(const Lab *lab, Canvas *cv, Rect r)
{
    size_t n;
    const FlyState *s = fly_lab_series(lab, &n);
    const FlyParams *p = fly_lab_params(lab);
    size_t shown = fly_lab_shown(lab);
    const FlyState *now = &s[(shown ? shown : 1) - 1];
    bool A = cv->ascii;
    char buf[160];
    snprintf(buf, sizeof buf, "The loop at step %zu (%s)", shown ? shown - 1 : 0, LABEL);
    canvas_text_fit(cv, r.x, r.y, r.w, buf, ROLE_HEADING);
    int x = r.x + 1, y = r.y + 2;
    char u[40], l[40], t[40];
    snprintf(u, sizeof u, "[ users U=%.3f ]", now->users);
    snprintf(l, sizeof l, "[ libraries L=%.3f ]", now->libraries);
    snprintf(t, sizeof t, "[ tools+investment T=%.3f ]", now->tools);
    int uw = (int)strlen(u), lx = x + uw + 10;
    if (lx + (int)strlen(l) > r.x + r.w || r.h < 12) {
        /* Narrow: the same facts as a list. */
        snprintf(buf, sizeof buf, "%s -> %s (a=%g)", u, l, p->a);
        canvas_text_fit(cv, x, y, r.w - 1, buf, ROLE_NORMAL);
        snprintf(buf, sizeof buf, "%s -> %s (b=%g)", l, t, p->b);
        canvas_text_fit(cv, x, y + 1, r.w - 1, buf, ROLE_NORMAL);
        snprintf(buf, sizeof buf, "L and T pull users in (g=%g)", p->g);
        canvas_text_fit(cv, x, y + 2, r.w - 1, buf, ROLE_NORMAL);
        y += 4;
    } else {
        canvas_text(cv, x, y, uw, u, ROLE_PAL0);
        line_h(cv, x + uw + 1, lx - 3, y);
        canvas_put(cv, lx - 2, y, glyph(A, GLYPH_ARROW_RIGHT), ROLE_SUBTLE);
        snprintf(buf, sizeof buf, "a=%g", p->a);
        canvas_text(cv, x + uw + 2, y - 1, 8, buf, ROLE_SUBTLE);
        canvas_text(cv, lx, y, r.w, l, ROLE_PAL1);
        int mid = lx + 4;
        line_v(cv, mid, y + 1, y + 2);
        snprintf(buf, sizeof buf, "b=%g", p->b);
        canvas_text(cv, mid + 2, y + 2, 10, buf, ROLE_SUBTLE);
        canvas_put(cv, mid, y + 3, glyph(A, GLYPH_ARROW_DOWN), ROLE_SUBTLE);
        canvas_text(cv, mid - 4, y + 4, r.w, t, ROLE_PAL2);
        int ux = x + 4;
        line_v(cv, ux, y + 2, y + 3);
        canvas_put(cv, ux, y + 4, glyph(A, GLYPH_BOTTOM_LEFT), ROLE_SUBTLE);
        canvas_put(cv, ux, y + 1, glyph(A, GLYPH_ARROW_UP), ROLE_SUBTLE);
        line_h(cv, ux + 1, mid - 6, y + 4);
        snprintf(buf, sizeof buf, "g=%g pull", p->g);
        canvas_text(cv, ux + 2, y + 2, 14, buf, ROLE_SUBTLE);
        y += 6;
    }
    snprintf(buf, sizeof buf, "decay d=%g on L and T; users leave c=%g a step", p->d, p->c);
    canvas_text_fit(cv, x, y++, r.w - 1, buf, ROLE_SUBTLE);
    static const char *const eq[] = {"L' = L + a*U - d*L", "T' = T + b*L - d*T",
                                     "U' = U + g*(L+T)*U*(1-U) - c*U"};
    for (int i = 0; i < 3 && y < r.y + r.h; i++)
        canvas_text_fit(cv, x + 2, y++, r.w - 3, eq[i], ROLE_CODE);
}

/* ---- data ------------------------------------------------------------------ */

static void draw_data(const Lab *lab, Canvas *cv, Rect r)
{
    size_t n;
    const FlyDatum *d = fly_lab_data(lab, &n);
    canvas_text_fit(cv, r.x, r.y, r.w, "Figures the program quotes (data lines; sources in assets/data)",
                    ROLE_HEADING);
    if (n == 0) {
        canvas_text_fit(cv, r.x, r.y + 2, r.w, "This program quotes no figures.", ROLE_SUBTLE);
        return;
    }
    double max = 0;
    for (size_t i = 0; i < n; i++)
        if (d[i].value > max)
            max = d[i].value;
    int rows = (r.h - 1) / 2, bar_w = r.w - 12;
    for (size_t i = 0; i < n && (int)i < rows; i++) {
        int y = r.y + 1 + 2 * (int)i;
        char buf[200];
        snprintf(buf, sizeof buf, "%s: %s", d[i].id, d[i].label);
        canvas_text_fit(cv, r.x, y, r.w, buf, ROLE_NORMAL);
        int full = max > 0 && d[i].value > 0 ? (int)(d[i].value / max * bar_w + 0.5) : 0;
        for (int k = 0; k < full; k++)
            canvas_put(cv, r.x + 2 + k, y + 1, glyph(cv->ascii, GLYPH_BAR_FULL), ROLE_PAL1);
        canvas_text(cv, r.x + 3 + full, y + 1, 10, d[i].text, ROLE_STRONG);
    }
    if ((int)n > rows) {
        char buf[64];
        snprintf(buf, sizeof buf, "(%zu more not shown)", n - (size_t)rows);
        canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, buf, ROLE_SUBTLE);
    }
}

static void draw(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r)
{
    if (r.w < 30 || r.h < 6) {
        canvas_text_fit(cv, r.x, r.y, r.w, "(flywheel: too small, needs 30x6)", ROLE_SUBTLE);
        return;
    }
    size_t n;
    if (!fly_lab_series(lab, &n))
        return;
    switch (o ? o->page : 0) {
    case 1: draw_loop(lab, cv, r); break;
    case 2: draw_data(lab, cv, r); break;
    default: draw_series(lab, cv, r); break;
    }
}

static const char *const PAGES[] = {"series", "loop", "data"};

const LabView lab_flywheel_view = {
    .name = "flywheel",
    .npages = 3,
    .page_names = PAGES,
    .draw = draw,
};
