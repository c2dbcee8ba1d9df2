/*
 * chrome: the bars every screen shares (see screens.h).
 */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"
#include "view/search.h"

void chrome_top(App *a, Canvas *cv, const char *left, const char *right)
{
    (void)a;
    canvas_fill(cv, (Rect){0, 0, cv->w, 1}, ' ', ROLE_TITLE);
    int rw = right ? (int)utf8_width(right, strlen(right)) : 0;
    if (cv->ascii && right)
        rw = (int)strlen(right);
    int room = cv->w - 2 - (rw ? rw + 2 : 0);
    canvas_text_fit(cv, 1, 0, room, left, ROLE_TITLE);
    if (right)
        canvas_text(cv, cv->w - 1 - rw, 0, rw, right, ROLE_TITLE);
}

void chrome_hints(App *a, Canvas *cv, unsigned screen_bit)
{
    chrome_hints_except(a, cv, screen_bit, NULL, 0);
}

static bool skipped(KeyAction act, const KeyAction *skip, size_t nskip)
{
    for (size_t i = 0; i < nskip; i++)
        if (skip[i] == act)
            return true;
    return false;
}

void chrome_hints_except(App *a, Canvas *cv, unsigned screen_bit, const KeyAction *skip,
                         size_t nskip)
{
    int y = cv->h - 1;
    canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_STATUS);
    if (a->prompting) {
        int x = 1 + canvas_text(cv, 1, y, cv->w - 2, a->rating ? "Rate: " : a->filtering ? "Filter: " : "Search: ", ROLE_KEY);
        x += canvas_text(cv, x, y, cv->w - x - 1, a->query, ROLE_STATUS);
        canvas_put(cv, x, y, '_', ROLE_KEY); /* the cursor */
        canvas_text_fit(cv, x + 2, y, cv->w - x - 3,
                        a->rating ? "(area number, then 1-5: 1 = cannot yet, 5 = could teach "
                                    "it; e.g. 2 4)"
                                  : a->filtering ? "(rows containing it; Enter keeps it, Esc cancels)"
                                  : "(Enter searches, Esc cancels)",
                        ROLE_STATUS);
        return;
    }
    if (a->notice[0]) {
        canvas_text_fit(cv, 1, y, cv->w - 2, a->notice, ROLE_STATUS);
        return;
    }
    int x = 1;
    for (size_t i = 0; i < key_nbindings; i++) {
        const Binding *b = &key_bindings[i];
        if (!b->hint || !(b->screens & screen_bit) || skipped(b->action, skip, nskip))
            continue;
        /* no charts or tables in this course (a workshop of chapters 1-3): no key for them */
        if ((b->action == ACT_CHARTS && !app_has_charts(a)) ||
            (b->action == ACT_TABLES && !app_has_tables(a)))
            continue;
        /* The first word of the label is the key to show. */
        char key[16];
        size_t kl = strcspn(b->label, " ");
        snprintf(key, sizeof key, "%.*s", (int)kl, b->label);
        int need = (int)strlen(key) + 1 + (int)strlen(b->hint) + 2;
        if (x + need > cv->w - 1)
            break;
        x += canvas_text(cv, x, y, cv->w - x, key, ROLE_KEY);
        x += canvas_text(cv, x, y, cv->w - x, " ", ROLE_STATUS);
        x += canvas_text(cv, x, y, cv->w - x, b->hint, ROLE_STATUS);
        x += canvas_text(cv, x, y, cv->w - x, "  ", ROLE_STATUS);
    }
}

void chrome_mark_matches(Canvas *cv, int x, int y, const char *text, size_t len,
                         const char *needle)
{
    if (!needle || !*needle)
        return;
    size_t from = 0, nl = strlen(needle);
    long at;
    while (from < len && (at = search_find(text + from, len - from, needle)) >= 0) {
        size_t start = from + (size_t)at;
        int x0 = x + (int)(cv->ascii ? start : utf8_width(text, start));
        int x1 = x0 + (int)(cv->ascii ? nl : utf8_width(text + start, nl));
        canvas_paint_row(cv, y, x0, x1, ROLE_SELECTED);
        from = start + nl;
    }
}

void chrome_doc_line(Canvas *cv, int x, int y, const DocLine *l, const char *highlight)
{
    canvas_styled(cv, x, y, cv->w - x, l->text, l->len, l->roles);
    chrome_mark_matches(cv, x, y, l->text, l->len, highlight);
}

int chrome_bar(Canvas *cv, int x, int y, int width, size_t done, size_t total)
{
    size_t full = total ? (done * (size_t)width + total / 2) / total : 0;
    if (done > 0 && full == 0)
        full = 1; /* any progress shows */
    if (done < total && full == (size_t)width && width > 1)
        full = (size_t)width - 1; /* only finished looks finished */
    for (int i = 0; i < width; i++) {
        bool on = (size_t)i < full;
        canvas_put(cv, x + i, y, glyph(cv->ascii, on ? GLYPH_BAR_FULL : GLYPH_BAR_EMPTY),
                   on ? ROLE_DONE : ROLE_PENDING);
    }
    return width;
}

void screen_too_small_draw(App *a, Canvas *cv)
{
    (void)a;
    char line[96];
    snprintf(line, sizeof line, "Terminal too small: %dx%d.", cv->w, cv->h);
    int y = cv->h / 2 - 1;
    canvas_text_fit(cv, 1, y < 0 ? 0 : y, cv->w - 1, line, ROLE_WARNING);
    snprintf(line, sizeof line, "Enlarge it to at least %dx%d, or press q to quit.", APP_MIN_W,
             APP_MIN_H);
    canvas_text_fit(cv, 1, y + 1, cv->w - 1, line, ROLE_NORMAL);
}
