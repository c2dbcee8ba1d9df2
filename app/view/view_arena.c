/*
 * view_arena: pymalloc's arenas as rows of pool cells, and one pool up close.
 *
 * A pool's cell shows how full it is with a shade (or, on request, its size
 * class as a letter: a = 16 bytes ... F = 512 bytes); colour adds the size
 * class but never carries it alone.  The pool the last step touched is drawn
 * reversed.  Arenas returned to the system keep their row, dimmed, so the
 * learner sees that one went away.
 */
#include <stdio.h>
#include <string.h>

#include "sim/pymalloc.h" /* pm_class_size: the block size of a class */
#include "view/glyphs.h"
#include "view/views.h"

static const char class_letters[] = "abcdefghijklmnopqrstuvwxyzABCDEF";

void format_bytes(uint64_t n, char *out, size_t len)
{
    if (n < 1024)
        snprintf(out, len, "%llu B", (unsigned long long)n);
    else if (n < 1024 * 1024)
        snprintf(out, len, "%.1f KiB", (double)n / 1024.0);
    else if (n < 1024ull * 1024 * 1024)
        snprintf(out, len, "%.1f MiB", (double)n / (1024.0 * 1024.0));
    else
        snprintf(out, len, "%.2f GiB", (double)n / (1024.0 * 1024.0 * 1024.0));
}

static Glyph fullness(const SnapPool *p)
{
    if (p->size_class == SNAP_CLASS_NONE || p->used == 0 || p->capacity == 0)
        return GLYPH_EMPTY;
    if (p->used >= p->capacity)
        return GLYPH_BAR_FULL;
    if (p->used * 3 >= p->capacity * 2)
        return GLYPH_SHADE_DARK;
    if (p->used * 3 >= p->capacity)
        return GLYPH_SHADE_MEDIUM;
    return GLYPH_SHADE_LIGHT;
}

static Role class_role(const SnapPool *p)
{
    if (p->size_class == SNAP_CLASS_NONE || p->used == 0)
        return ROLE_SUBTLE;
    return (Role)(ROLE_PAL0 + p->size_class % 6);
}

static void draw_legend(const ArenaMapOptions *o, Canvas *cv, int x, int y, int w)
{
    bool A = cv->ascii;
    char line[160];
    if (o->class_letters) {
        snprintf(line, sizeof line, "pools by size class: a=16 b=32 ... p=256 ... F=512 bytes, "
                                    "%s empty", A ? "." : "\xc2\xb7");
        canvas_text_fit(cv, x, y, w, line, ROLE_SUBTLE);
        return;
    }
    static const Glyph order[] = {GLYPH_BAR_FULL, GLYPH_SHADE_DARK, GLYPH_SHADE_MEDIUM,
                                  GLYPH_SHADE_LIGHT, GLYPH_EMPTY};
    static const char *const words[] = {"full", ">2/3", ">1/3", "some", "empty"};
    int cx = x;
    cx += canvas_text(cv, cx, y, w, "pools: ", ROLE_SUBTLE);
    for (size_t i = 0; i < 5 && cx < x + w; i++) {
        canvas_put(cv, cx++, y, glyph(A, order[i]), ROLE_NORMAL);
        cx += canvas_text(cv, cx, y, x + w - cx, " ", ROLE_SUBTLE);
        cx += canvas_text(cv, cx, y, x + w - cx, words[i], ROLE_SUBTLE);
        cx += canvas_text(cv, cx, y, x + w - cx, "  ", ROLE_SUBTLE);
    }
}

/* Rows one arena takes when at most `most` pools fit a row: its pools are
 * shared evenly between the rows (63 pools in 56 columns are 32 + 31, not
 * 56 + 7), so every row of the map is a whole share of an arena. */
static int arena_rows(const SnapArena *a, int most)
{
    if (!a->live || a->npools == 0)
        return 1;
    return (a->npools + most - 1) / most;
}

static int pools_per_row(const SnapArena *a, int most)
{
    int rows = arena_rows(a, most);
    return a->npools ? (a->npools + rows - 1) / rows : most;
}

void view_arena_map(const HeapSnapshot *s, const ArenaMapOptions *o, Canvas *cv, Rect r)
{
    if (r.w < 12 || r.h < 3) {
        canvas_text_fit(cv, r.x, r.y, r.w, "(arena map: too small)", ROLE_SUBTLE);
        return;
    }
    size_t live = 0, pools_used = 0;
    for (size_t i = 0; i < s->narenas; i++) {
        live += s->arenas[i].live;
        for (uint16_t p = 0; p < s->arenas[i].npools; p++)
            pools_used += s->arenas[i].live && s->arenas[i].pools[p].used > 0;
    }
    char held[24], line[160];
    format_bytes(s->held_bytes, held, sizeof held);
    snprintf(line, sizeof line, "Arenas: %zu in use, %zu returned %s %zu pools in use %s %s held",
             live, s->narenas - live, cv->ascii ? "-" : "\xc2\xb7", pools_used,
             cv->ascii ? "-" : "\xc2\xb7", held);
    canvas_text_fit(cv, r.x, r.y, r.w, line, ROLE_HEADING);
    draw_legend(o, cv, r.x, r.y + 1, r.w);

    int label_w = 5;
    int cw = o->wide ? 2 : 1; /* columns a pool takes */
    int most = (r.w - label_w) / cw;
    int y = r.y + 2, bottom = r.y + r.h;
    size_t i = 0;
    for (int skipped = 0; i < s->narenas && skipped < o->scroll; i++)
        skipped++;
    for (; i < s->narenas; i++) {
        const SnapArena *a = &s->arenas[i];
        int need = arena_rows(a, most), per_row = pools_per_row(a, most);
        if (y + need > bottom - (i + 1 < s->narenas ? 1 : 0))
            break;
        char label[16];
        snprintf(label, sizeof label, "A%-3u", a->id);
        canvas_text(cv, r.x, y, label_w, label, a->live ? ROLE_STRONG : ROLE_SUBTLE);
        if (!a->live) {
            canvas_text_fit(cv, r.x + label_w, y, r.w - label_w, "returned to the operating system",
                            ROLE_SUBTLE);
            y++;
            continue;
        }
        for (uint16_t p = 0; p < a->npools; p++) {
            const SnapPool *pool = &a->pools[p];
            uint32_t cp = o->class_letters && pool->size_class < 32 && pool->used
                              ? (uint32_t)class_letters[pool->size_class]
                              : glyph(cv->ascii, fullness(pool));
            bool touched = (int)i == s->touched_arena && p == s->touched_pool;
            for (int k = 0; k < cw; k++)
                canvas_put(cv, r.x + label_w + (p % per_row) * cw + k, y + p / per_row, cp,
                           touched ? ROLE_SELECTED : class_role(pool));
        }
        y += need;
    }
    if (i < s->narenas) {
        snprintf(line, sizeof line, "%s %zu more arena(s) below", cv->ascii ? "v" : "\xe2\x86\x93",
                 s->narenas - i);
        canvas_text_fit(cv, r.x, bottom - 1, r.w, line, ROLE_SUBTLE);
    }
}

void view_pool_zoom(const SnapPoolDetail *d, Canvas *cv, Rect r)
{
    char line[200];
    unsigned bytes = pm_class_size(d->size_class);
    unsigned used = 0;
    for (uint16_t b = 0; b < d->nblocks; b++)
        used += d->in_use[b];
    snprintf(line, sizeof line, "Pool %u of arena %u: %u-byte blocks, %u of %u in use", d->pool,
             d->arena, bytes, used, d->nblocks);
    canvas_text_fit(cv, r.x, r.y, r.w, line, ROLE_HEADING);
    /* Blocks as cells: in use, on the free chain (numbered by order), never used. */
    int per_row = r.w;
    int y0 = r.y + 2;
    int rows_free = r.h - 4;
    for (uint16_t b = 0; b < d->nblocks; b++) {
        int row = b / per_row;
        if (row >= rows_free)
            break;
        uint32_t cp;
        Role role;
        if (d->in_use[b]) {
            cp = glyph(cv->ascii, GLYPH_BAR_FULL);
            role = (Role)(ROLE_PAL0 + d->size_class % 6);
        } else if (b >= d->next_virgin) {
            cp = ' ';
            role = ROLE_SUBTLE;
        } else {
            cp = glyph(cv->ascii, GLYPH_EMPTY);
            role = ROLE_NORMAL;
        }
        if (d->nfree_chain && d->free_chain[0] == b) {
            cp = cv->ascii ? '>' : 0x25B6; /* the next block handed out */
            role = ROLE_SELECTED;
        }
        canvas_put(cv, r.x + b % per_row, y0 + row, cp, role);
    }
    canvas_text_fit(cv, r.x, r.y + 1, r.w,
                    cv->ascii ? "# in use  . free  > next handed out  (blank) never used"
                              : "\xe2\x96\x88 in use  \xc2\xb7 free  \xe2\x96\xb6 next handed out"
                                "  (blank) never used",
                    ROLE_SUBTLE);
    /* The free chain, in the order blocks will be reused (LIFO). */
    int n = snprintf(line, sizeof line, "free chain: ");
    for (uint16_t i = 0; i < d->nfree_chain && n < (int)sizeof line - 16; i++)
        n += snprintf(line + n, sizeof line - (size_t)n, "%s%u", i ? " > " : "", d->free_chain[i]);
    if (d->nfree_chain == 0)
        n += snprintf(line + n, sizeof line - (size_t)n, "empty");
    if (d->next_virgin < d->nblocks)
        snprintf(line + n, sizeof line - (size_t)n, "; then fresh blocks from %u", d->next_virgin);
    canvas_text_fit(cv, r.x, r.y + r.h - 1, r.w, line, ROLE_NORMAL);
}
