/*
 * page: a text to scroll through in the terminal (the class report on a
 * terminal), with the reader's keys: j/k and arrows, Space/b and PgDn/PgUp,
 * g/G, q or Esc to leave.  Drawn on a canvas like every screen.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "ui/termguard.h"
#include "ui/ui.h"
#include "view/doc.h"

static void draw(Canvas *cv, const char *title, const Doc *d, int top)
{
    canvas_clear(cv);
    canvas_fill(cv, (Rect){0, 0, cv->w, 1}, ' ', ROLE_TITLE);
    canvas_text_fit(cv, 1, 0, cv->w - 2, title, ROLE_TITLE);
    for (int r = 0; r < cv->h - 2 && top + r < (int)d->n; r++)
        canvas_text(cv, 0, 1 + r, cv->w, d->lines[top + r].text, ROLE_NORMAL);
    canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
    canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2,
                    "j/k scroll  Space/b page  g/G top/end  q quit  (plain text: --format text | cat)",
                    ROLE_STATUS);
}

int ui_page(const char *title, const char *text, bool ascii)
{
    Doc d = {0};
    for (const char *p = text; *p;) { /* one Doc line per text line, not rewrapped */
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = strndup(p, n);
        doc_add_line(&d, line, ROLE_NORMAL);
        free(line);
        p += n + (nl ? 1 : 0);
    }
    termguard_before_curses();
    if (!initscr()) {
        doc_fini(&d);
        return 1;
    }
    termguard_arm();
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    int top = 0;
    for (;;) {
        Canvas *cv = canvas_new(COLS, LINES, ascii);
        int page = LINES - 3 > 1 ? LINES - 3 : 1;
        int max = (int)d.n - (LINES - 2) > 0 ? (int)d.n - (LINES - 2) : 0;
        top = top > max ? max : top < 0 ? 0 : top;
        draw(cv, title, &d, top);
        ui_blit_plain(cv);
        canvas_free(cv);
        int ch = getch();
        if (ch == 'q' || ch == 27)
            break;
        if (ch == 'j' || ch == KEY_DOWN)
            top++;
        else if (ch == 'k' || ch == KEY_UP)
            top--;
        else if (ch == ' ' || ch == KEY_NPAGE || ch == 'f')
            top += page;
        else if (ch == 'b' || ch == KEY_PPAGE)
            top -= page;
        else if (ch == 'g' || ch == KEY_HOME)
            top = 0;
        else if (ch == 'G' || ch == KEY_END)
            top = max;
    }
    endwin();
    termguard_disarm();
    doc_fini(&d);
    return 0;
}
