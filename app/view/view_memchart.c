/*
 * view_memchart: bytes in live objects against bytes the allocator holds
 * from the system, over the steps of a run.  The gap between the two areas
 * is the point of chapter 1: after `del`, live bytes fall but held bytes
 * stay until whole arenas empty.
 */
#include <stdio.h>

#include "view/glyphs.h"
#include "view/views.h"

static void take_max(const MemSample *m, uint64_t *live, uint64_t *held)
{
    if (m->live_bytes > *live)
        *live = m->live_bytes;
    if (m->held_bytes > *held)
        *held = m->held_bytes;
}

/* The largest live and held bytes of samples [from, to): whole blocks from
 * their maxima when there are any, the ends sample by sample. */
static void range_max(const MemSample *s, const MemSample *blocks, size_t from, size_t to,
                      uint64_t *live, uint64_t *held)
{
    *live = *held = 0;
    size_t i = from;
    if (blocks)
        for (; i < to && i % MEM_BLOCK; i++)
            take_max(&s[i], live, held);
    if (blocks)
        for (; i + MEM_BLOCK <= to; i += MEM_BLOCK)
            take_max(&blocks[i / MEM_BLOCK], live, held);
    for (; i < to; i++)
        take_max(&s[i], live, held);
}

/* The value of column c when n samples are squeezed into `cols` columns:
 * the largest in the bucket, so a short peak still shows. */
static void bucket(const MemSample *s, const MemSample *blocks, size_t n, int cols, int c,
                   uint64_t *live, uint64_t *held)
{
    size_t from = n <= (size_t)cols ? (size_t)c : (size_t)c * n / (size_t)cols;
    size_t to = n <= (size_t)cols ? from + 1 : (size_t)(c + 1) * n / (size_t)cols;
    range_max(s, blocks, from, to < n ? to : n, live, held);
}

void view_memory_chart(const MemSample *samples, const MemSample *blocks, size_t n, Canvas *cv,
                       Rect r)
{
    bool A = cv->ascii;
    char line[200], a[24], b[24], g[24];
    if (r.h < 5 || r.w < 20) {
        canvas_text_fit(cv, r.x, r.y, r.w, "(memory chart: too small)", ROLE_SUBTLE);
        return;
    }
    uint64_t live = n ? samples[n - 1].live_bytes : 0, held = n ? samples[n - 1].held_bytes : 0;
    format_bytes(live, a, sizeof a);
    format_bytes(held, b, sizeof b);
    format_bytes(held > live ? held - live : 0, g, sizeof g);
    snprintf(line, sizeof line, "Memory: live %s, held %s (held but unused %s)", a, b, g);
    canvas_text_fit(cv, r.x, r.y, r.w, line, ROLE_HEADING);
    int lx = r.x;
    canvas_put(cv, lx, r.y + 1, glyph(A, GLYPH_BAR_FULL), ROLE_PAL1);
    lx += 1 + canvas_text(cv, lx + 1, r.y + 1, r.w - 1, " live objects  ", ROLE_SUBTLE);
    canvas_put(cv, lx, r.y + 1, glyph(A, GLYPH_SHADE_LIGHT), ROLE_NORMAL);
    canvas_text_fit(cv, lx + 1, r.y + 1, r.x + r.w - lx - 1, " held from the OS, not in use",
                    ROLE_SUBTLE);

    int axis_w = 10;
    int plot_h = r.h - 3, plot_w = r.w - axis_w;
    int top = r.y + 2;
    int cols = n < (size_t)plot_w ? (int)n : plot_w;
    int cw = cols > 0 && cols < plot_w ? plot_w / cols : 1; /* a short run fills the panel */
    uint64_t max_live, max;
    range_max(samples, blocks, 0, n, &max_live, &max);
    if (max < 1)
        max = 1;
    format_bytes(max, a, sizeof a);
    canvas_text(cv, r.x, top, axis_w - 1, a, ROLE_SUBTLE);
    canvas_text(cv, r.x, top + plot_h - 1, axis_w - 1, "0", ROLE_SUBTLE);
    for (int y = 0; y < plot_h; y++)
        canvas_put(cv, r.x + axis_w - 1, top + y, glyph(A, GLYPH_VLINE), ROLE_SUBTLE);
    for (int c = 0; c < cols; c++) {
        uint64_t lv, hd;
        bucket(samples, blocks, n, cols, c, &lv, &hd);
        int hrows = (int)((hd * (uint64_t)plot_h + max / 2) / max);
        int lrows = (int)((lv * (uint64_t)plot_h + max / 2) / max);
        if (hd > 0 && hrows == 0)
            hrows = 1;
        if (lv > 0 && lrows == 0)
            lrows = 1;
        for (int k = 0; k < hrows && k < plot_h; k++) {
            bool is_live = k < lrows;
            for (int dx = 0; dx < cw; dx++)
                canvas_put(cv, r.x + axis_w + c * cw + dx, top + plot_h - 1 - k,
                           glyph(A, is_live ? GLYPH_BAR_FULL : GLYPH_SHADE_LIGHT),
                           is_live ? ROLE_PAL1 : ROLE_NORMAL);
        }
    }
    /* The time axis: first and last step shown. */
    int ay = top + plot_h;
    for (int x = 0; x < plot_w; x++)
        canvas_put(cv, r.x + axis_w + x, ay, glyph(A, GLYPH_HLINE), ROLE_SUBTLE);
    if (n) {
        snprintf(line, sizeof line, "step %u", samples[0].step);
        canvas_text(cv, r.x + axis_w, ay, plot_w, line, ROLE_SUBTLE);
        snprintf(line, sizeof line, "step %u", samples[n - 1].step);
        int w = (int)snprintf(NULL, 0, "%s", line);
        if (cols * cw > w + 8)
            canvas_text(cv, r.x + axis_w + cols * cw - w, ay, w, line, ROLE_SUBTLE);
    } else {
        canvas_text(cv, r.x + axis_w, ay, plot_w, "no steps yet", ROLE_SUBTLE);
    }
}
