/*
 * screen_reader: a chapter as scrollable text, with the section menu
 * overlay drawn on top of it.
 */
#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"

void screen_reader_draw(App *a, Canvas *cv)
{
    const Chapter *ch = &a->course->chapters[a->chapter];
    int body_h = cv->h - 2;
    char left[512], right[64];
    snprintf(left, sizeof left, "Ch %d/%zu %s %s", ch->number, a->course->nchapters,
             cv->ascii ? "-" : "\xc2\xb7", ch->title);
    int sec = doc_section_of(&a->doc, a->top);
    size_t bottom = a->top + (size_t)body_h;
    int pct = a->doc.n ? (int)((bottom >= a->doc.n ? a->doc.n : bottom) * 100 / a->doc.n) : 100;
    if (sec >= 0 && sec < (int)ch->nsections)
        snprintf(right, sizeof right, "%d.%d of %zu  %3d%%", ch->number, sec + 1,
                 ch->nsections, pct);
    else
        snprintf(right, sizeof right, "%3d%%", pct);
    chrome_top(a, cv, left, right);
    for (int r = 0; r < body_h && a->top + (size_t)r < a->doc.n; r++)
        chrome_doc_line(cv, (cv->w - app_text_width(a)) / 2, 1 + r,
                        &a->doc.lines[a->top + (size_t)r], a->highlight);
    chrome_hints(a, cv, ON_READER);
    if (a->npick > 0)
        app_pick_draw(a, cv);
}

/* Exercises a section offers (its exercise blocks). */
static int section_exercises(const Chapter *ch, int s)
{
    int n = 0;
    for (size_t b = 0; b < ch->sections[s].nblocks; b++)
        n += ch->sections[s].blocks[b].kind == BLOCK_EXERCISE;
    return n;
}

void screen_menu_draw(App *a, Canvas *cv)
{
    const Chapter *ch = &a->course->chapters[a->chapter];
    int n = (int)ch->nsections;
    /* as wide as the longest title needs (the screen allows), numbers aligned,
     * and a mark on the sections that offer an exercise */
    int numw = snprintf(NULL, 0, "%d.%d", ch->number, n), widest = 0;
    for (int s = 0; s < n; s++) {
        int tw = (int)utf8_width(ch->sections[s].title, strlen(ch->sections[s].title));
        widest = tw > widest ? tw : widest;
    }
    int w = numw + 2 + widest + 8 + 12; /* frame, marks, number, title, " exercise" */
    if (w > cv->w - 2)
        w = cv->w - 2;
    int h = n + 4 < cv->h - 4 ? n + 4 : cv->h - 4;
    int x0 = (cv->w - w) / 2, y0 = (cv->h - h) / 2;
    bool A = cv->ascii;
    canvas_fill(cv, (Rect){x0, y0, w, h}, ' ', ROLE_NORMAL);
    for (int x = x0; x < x0 + w; x++) {
        canvas_put(cv, x, y0, glyph(A, GLYPH_HLINE), ROLE_SUBTLE);
        canvas_put(cv, x, y0 + h - 1, glyph(A, GLYPH_HLINE), ROLE_SUBTLE);
    }
    for (int y = y0; y < y0 + h; y++) {
        canvas_put(cv, x0, y, glyph(A, GLYPH_VLINE), ROLE_SUBTLE);
        canvas_put(cv, x0 + w - 1, y, glyph(A, GLYPH_VLINE), ROLE_SUBTLE);
    }
    canvas_put(cv, x0, y0, glyph(A, GLYPH_TOP_LEFT), ROLE_SUBTLE);
    canvas_put(cv, x0 + w - 1, y0, glyph(A, GLYPH_TOP_RIGHT), ROLE_SUBTLE);
    canvas_put(cv, x0, y0 + h - 1, glyph(A, GLYPH_BOTTOM_LEFT), ROLE_SUBTLE);
    canvas_put(cv, x0 + w - 1, y0 + h - 1, glyph(A, GLYPH_BOTTOM_RIGHT), ROLE_SUBTLE);
    canvas_text(cv, x0 + 2, y0, w - 4, " Sections (Enter jumps, Esc closes) ", ROLE_HEADING);

    int rows = h - 4;
    int first = a->menu_sel >= rows ? a->menu_sel - rows + 1 : 0;
    for (int r = 0; r < rows && first + r < n; r++) {
        int s = first + r;
        int y = y0 + 2 + r;
        bool sel = s == a->menu_sel;
        bool read = a->progress && progress_is_read(a->progress, ch->id, ch->sections[s].id);
        Role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
        if (sel)
            canvas_fill(cv, (Rect){x0 + 1, y, w - 2, 1}, ' ', ROLE_SELECTED);
        canvas_put(cv, x0 + 2, y, sel ? glyph(A, GLYPH_POINTER) : ' ', role);
        canvas_put(cv, x0 + 4, y, read ? glyph(A, GLYPH_CHECK) : ' ', read ? ROLE_DONE : role);
        char num[16], label[512];
        snprintf(num, sizeof num, "%d.%d", ch->number, s + 1);
        snprintf(label, sizeof label, "%-*s  %s", numw, num, ch->sections[s].title);
        int nx = section_exercises(ch, s);
        const char *mark = w < 70 ? (nx ? "x" : "") /* narrow: the title keeps the room */
                           : nx > 1 ? "exercises" : nx ? "exercise" : "";
        int mw = nx ? (int)strlen(mark) + 1 : 0;
        canvas_text_fit(cv, x0 + 6, y, w - 8 - mw, label, role);
        if (nx)
            canvas_text(cv, x0 + w - 2 - mw + 1, y, mw, mark, sel ? role : ROLE_KEY);
    }
}
