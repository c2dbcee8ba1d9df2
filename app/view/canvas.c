/*
 * canvas: the cell grid every screen draws on (see canvas.h).
 */
#include "view/canvas.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/glyphs.h"

const char *const canvas_role_names[ROLE_COUNT] = {
    [ROLE_NORMAL] = "normal",       [ROLE_TITLE] = "title",
    [ROLE_HEADING] = "heading",     [ROLE_SUBTLE] = "subtle",
    [ROLE_EMPH] = "emphasis",       [ROLE_STRONG] = "strong",
    [ROLE_CODE] = "code",           [ROLE_CODEBLOCK] = "codeblock",
    [ROLE_NOTE] = "note",           [ROLE_TIP] = "tip",
    [ROLE_WARNING] = "warning",     [ROLE_MISCONCEPTION] = "misconception",
    [ROLE_CITE] = "cite",           [ROLE_SELECTED] = "selected",
    [ROLE_STATUS] = "status",       [ROLE_KEY] = "key",
    [ROLE_DONE] = "done",           [ROLE_PENDING] = "pending",
    [ROLE_ERROR] = "error",         [ROLE_GARBAGE] = "garbage",
    [ROLE_TERM] = "term",
    [ROLE_PAL0] = "pal0",           [ROLE_PAL1] = "pal1",
    [ROLE_PAL2] = "pal2",           [ROLE_PAL3] = "pal3",
    [ROLE_PAL4] = "pal4",           [ROLE_PAL5] = "pal5",
};

const char *canvas_role_name(Role r)
{
    return r < ROLE_COUNT ? canvas_role_names[r] : "normal";
}

Canvas *canvas_new(int w, int h, bool ascii)
{
    Canvas *cv = xcalloc(1, sizeof *cv);
    cv->w = w > 0 ? w : 1;
    cv->h = h > 0 ? h : 1;
    cv->ascii = ascii;
    cv->cells = xcalloc((size_t)cv->w * (size_t)cv->h, sizeof *cv->cells);
    canvas_clear(cv);
    return cv;
}

void canvas_free(Canvas *cv)
{
    if (!cv)
        return;
    free(cv->cells);
    free(cv);
}

void canvas_clear(Canvas *cv)
{
    for (int i = 0; i < cv->w * cv->h; i++)
        cv->cells[i] = (Cell){' ', ROLE_NORMAL};
}

static Cell *cell(Canvas *cv, int x, int y)
{
    if (x < 0 || y < 0 || x >= cv->w || y >= cv->h)
        return NULL;
    return &cv->cells[y * cv->w + x];
}

const Cell *canvas_at(const Canvas *cv, int x, int y)
{
    return cell((Canvas *)cv, x, y);
}

/* Puts a character of width 1 or 2; a wide one that would hang over the
 * right edge becomes a space so the grid never holds half a character. */
static int put_width(Canvas *cv, int x, int y, uint32_t cp, int width, Role role)
{
    if (cv->ascii && cp > 0x7E) {
        cp = glyph_ascii_fallback(cp);
        width = 1;
    }
    Cell *c = cell(cv, x, y);
    if (!c)
        return width;
    if (width == 2) {
        Cell *right = cell(cv, x + 1, y);
        if (!right) {
            *c = (Cell){' ', (uint8_t)role};
            return 1;
        }
        *right = (Cell){CANVAS_CONT, (uint8_t)role};
    }
    *c = (Cell){cp, (uint8_t)role};
    return width;
}

void canvas_put(Canvas *cv, int x, int y, uint32_t cp, Role role)
{
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        cp = '?'; /* a control in a cell would be obeyed by the terminal, not shown */
    int w = utf8_cp_width(cp);
    put_width(cv, x, y, cp, w < 1 ? 1 : w, role);
}

int canvas_styled(Canvas *cv, int x, int y, int maxw, const char *s, size_t n,
                  const uint8_t *roles)
{
    int used = 0;
    size_t i = 0;
    while (i < n && used < maxw) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        int w = cv->ascii && cp > 0x7E ? 1 : utf8_cp_width(cp);
        if (w == 0) { /* combining marks and controls are dropped */
            i += len;
            continue;
        }
        if (used + w > maxw)
            break;
        used += put_width(cv, x + used, y, cp, w, roles ? (Role)roles[i] : ROLE_NORMAL);
        i += len;
    }
    return used;
}

int canvas_text(Canvas *cv, int x, int y, int maxw, const char *s, Role role)
{
    int used = 0;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n && used < maxw) {
        uint32_t cp;
        size_t len = utf8_decode(s + i, n - i, &cp);
        int w = cv->ascii && cp > 0x7E ? 1 : utf8_cp_width(cp);
        if (w == 0) {
            i += len;
            continue;
        }
        if (used + w > maxw)
            break;
        used += put_width(cv, x + used, y, cp, w, role);
        i += len;
    }
    return used;
}

int canvas_text_fit(Canvas *cv, int x, int y, int maxw, const char *s, Role role)
{
    if (maxw <= 0)
        return 0;
    size_t width = cv->ascii ? strlen(s) : utf8_width(s, strlen(s));
    if ((int)width <= maxw)
        return canvas_text(cv, x, y, maxw, s, role);
    const char *ell = cv->ascii ? "..." : "\xe2\x80\xa6";
    int ellw = cv->ascii ? 3 : 1;
    if (maxw <= ellw)
        return canvas_text(cv, x, y, maxw, ell, role);
    int used = canvas_text(cv, x, y, maxw - ellw, s, role);
    return used + canvas_text(cv, x + used, y, ellw, ell, role);
}

void canvas_fill(Canvas *cv, Rect r, uint32_t cp, Role role)
{
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            canvas_put(cv, x, y, cp, role);
}

void canvas_paint_row(Canvas *cv, int y, int x0, int x1, Role role)
{
    for (int x = x0; x < x1; x++) {
        Cell *c = cell(cv, x, y);
        if (c)
            c->role = (uint8_t)role;
    }
}

void canvas_to_text(const Canvas *cv, Buf *out)
{
    for (int y = 0; y < cv->h; y++) {
        size_t start = out->len;
        for (int x = 0; x < cv->w; x++) {
            uint32_t cp = cv->cells[y * cv->w + x].cp;
            if (cp == CANVAS_CONT)
                continue;
            char enc[4];
            buf_add(out, enc, utf8_encode(cp, enc));
        }
        while (out->len > start && out->data[out->len - 1] == ' ')
            out->len--;
        buf_addc(out, '\n');
    }
}
