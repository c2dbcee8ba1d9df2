/*
 * choose: a one-question list picker in the terminal, used before the
 * course opens (which learner is this?).  Drawn on a canvas like every
 * screen, with the same keys: arrows or j/k move, Enter picks, q or Esc
 * gives up.
 */
#include <curses.h>
#include <string.h>

#include "ui/termguard.h"
#include "ui/ui.h"
#include "view/glyphs.h"

static void draw(Canvas *cv, const char *title, const char *const *items, size_t n, int sel,
                 const char *footer)
{
    canvas_clear(cv);
    canvas_fill(cv, (Rect){0, 0, cv->w, 1}, ' ', ROLE_TITLE);
    canvas_text_fit(cv, 1, 0, cv->w - 2, title, ROLE_TITLE);
    int rows = cv->h - 4;
    int first = sel >= rows ? sel - rows + 1 : 0;
    for (int r = 0; r < rows && first + r < (int)n; r++) {
        int i = first + r, y = 2 + r;
        bool on = i == sel;
        if (on) {
            canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_SELECTED);
            canvas_put(cv, 1, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_SELECTED);
        }
        canvas_text_fit(cv, 3, y, cv->w - 4, items[i], on ? ROLE_SELECTED : ROLE_NORMAL);
    }
    canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
    canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2, footer, ROLE_STATUS);
}

int ui_choose(const char *title, const char *const *items, size_t n, size_t initial,
              const char *footer, bool ascii)
{
    if (n == 0)
        return -1;
    termguard_before_curses();
    if (!initscr())
        return -1;
    termguard_arm();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    int sel = initial < n ? (int)initial : 0, picked = -1;
    for (;;) {
        Canvas *cv = canvas_new(COLS, LINES, ascii);
        draw(cv, title, items, n, sel, footer);
        ui_blit_plain(cv);
        canvas_free(cv);
        int ch = getch();
        if (ch == KEY_UP || ch == 'k')
            sel = sel > 0 ? sel - 1 : 0;
        else if (ch == KEY_DOWN || ch == 'j')
            sel = sel + 1 < (int)n ? sel + 1 : sel;
        else if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
            picked = sel;
            break;
        } else if (ch == 'q' || ch == 27) {
            break;
        }
    }
    endwin();
    termguard_disarm();
    return picked;
}
