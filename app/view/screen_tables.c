/*
 * screen_tables: the comparison tables (assets/tables) to sort and filter.
 *
 * The table fills the top, its columns squeezed to the width (cells cut with
 * an ellipsis), the sorted column's title marked; below it the selected row
 * in full, one column a line, so nothing is lost on a small terminal; then
 * the note and the sources.  s sorts by the next column (a second table
 * order after the last: the file's), r reverses, / filters the rows as you
 * type, n/p go to another table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/paths.h"
#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/doc.h"
#include "view/glyphs.h"
#include "view/screens.h"

void app_tables_fini(App *a)
{
    if (a->tables_ready)
        tableset_fini(&a->tables);
    a->tables_ready = false;
}

static void load(App *a)
{
    if (a->tables_ready)
        return;
    DiagList dl = {0};
    const char *dir = a->course ? a->course->dir : ".";
    tableset_load(dir, &a->tables, &dl);
    a->tables_error[0] = '\0';
    if (dl.len) {
        char *s = diag_format(&dl.items[0]);
        snprintf(a->tables_error, sizeof a->tables_error, "%s", s);
        free(s);
    }
    diag_fini(&dl);
    a->tables_ready = true;
}

unsigned app_open_tables(App *a, const char *id)
{
    load(a);
    int sel = 0;
    for (size_t i = 0; i < a->tables.n; i++) {
        const DataTable *t = &a->tables.items[i];
        bool want = id ? strcmp(t->id, id) == 0
                       : a->screen == SCREEN_READER && a->course && a->chapter >= 0 &&
                             a->course->chapters[a->chapter].number == t->chapter;
        if (want) {
            sel = (int)i;
            break;
        }
    }
    if (a->screen != SCREEN_TABLE)
        a->back[SCREEN_TABLE] = a->screen == SCREEN_HELP ? SCREEN_HOME : a->screen;
    a->screen = SCREEN_TABLE;
    a->table_sel = sel;
    a->table_row = 0;
    a->table_sort = -1;
    a->table_desc = false;
    a->table_filter[0] = '\0';
    return REACT_REDRAW;
}

static const DataTable *current(const App *a)
{
    if (a->tables.n == 0)
        return NULL;
    int i = a->table_sel < 0 ? 0 : a->table_sel >= (int)a->tables.n ? (int)a->tables.n - 1
                                                                      : a->table_sel;
    return &a->tables.items[i];
}

static const char *filter_now(const App *a)
{
    return a->prompting && a->filtering ? a->query : a->table_filter;
}

unsigned app_tables_key(App *a, KeyAction act)
{
    const DataTable *t = current(a);
    int n = (int)a->tables.n;
    switch (act) {
    case ACT_NEXT_SECTION:
    case ACT_PREV_SECTION:
        if (n == 0)
            return REACT_NONE;
        a->table_sel = (a->table_sel + (act == ACT_NEXT_SECTION ? 1 : n - 1)) % n;
        a->table_row = 0, a->table_sort = -1, a->table_desc = false;
        a->table_filter[0] = '\0';
        break;
    case ACT_SORT: /* each column in turn, then the file's order again */
        if (!t)
            return REACT_NONE;
        a->table_sort = a->table_sort + 1 >= (int)t->ncols ? -1 : a->table_sort + 1;
        a->table_desc = false;
        break;
    case ACT_REVERSE: a->table_desc = !a->table_desc; break;
    case ACT_DOWN: case ACT_WHEEL_DOWN: a->table_row++; break;
    case ACT_UP: case ACT_WHEEL_UP: a->table_row--; break;
    case ACT_PAGE_DOWN: a->table_row += 5; break;
    case ACT_PAGE_UP: a->table_row -= 5; break;
    case ACT_TOP: a->table_row = 0; break;
    case ACT_BOTTOM: a->table_row = 1 << 20; break;
    case ACT_BACK:
        app_back(a);
        return REACT_REDRAW;
    default: return REACT_NONE;
    }
    return REACT_REDRAW;
}

/* Column widths for `avail` columns of screen: natural widths when they fit,
 * else the first column whole and the widest others shrunk (to 4 at least);
 * columns that still do not fit get 0 (the detail pane has them). */
static void fit_columns(const DataTable *t, const size_t *rows, size_t n, int avail, int *w)
{
    int total = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = (int)utf8_width(t->cols[c].title, strlen(t->cols[c].title)) + 2; /* + sort mark */
        for (size_t i = 0; i < n; i++) {
            const char *cell = table_cell(t, rows[i], c);
            int cw = (int)utf8_width(cell, strlen(cell));
            w[c] = cw > w[c] ? cw : w[c];
        }
        total += w[c] + (c ? 2 : 0);
    }
    /* shrink the widest column a cell at a time: short columns stay whole */
    while (total > avail) {
        size_t widest = 0;
        for (size_t c = 1; c < t->ncols; c++)
            if (w[c] > w[widest] || widest == 0)
                widest = c;
        if (widest == 0 || w[widest] <= 4)
            break;
        w[widest]--;
        total--;
    }
    int x = 0;
    for (size_t c = 0; c < t->ncols; c++) { /* what still overflows is left out */
        if (x + w[c] > avail)
            w[c] = avail - x >= 4 ? avail - x : 0;
        x += w[c] + (w[c] ? 2 : 0);
    }
}

static int wrapped(Canvas *cv, int x, int y, int width, int maxy, const char *text, Role role)
{
    Doc d = {0};
    doc_add_prose(&d, text, width, 0, cv->ascii);
    for (size_t i = 0; i < d.n && y < maxy; i++, y++) {
        canvas_styled(cv, x, y, width, d.lines[i].text, d.lines[i].len, d.lines[i].roles);
        if (role != ROLE_NORMAL)
            canvas_paint_row(cv, y, x, x + width - 1, role);
    }
    if (d.n == 0)
        y++;
    doc_fini(&d);
    return y;
}

void screen_tables_draw(App *a, Canvas *cv)
{
    load(a);
    const DataTable *t = current(a);
    if (!t) {
        chrome_top(a, cv, "Tables", "");
        canvas_text_fit(cv, 1, 2, cv->w - 2,
                        a->tables_error[0] ? a->tables_error : "No tables in assets/tables.",
                        a->tables_error[0] ? ROLE_ERROR : ROLE_SUBTLE);
        chrome_hints(a, cv, ON_TABLE);
        return;
    }
    size_t *rows = xcalloc(t->nrows + 1, sizeof *rows);
    const char *filter = filter_now(a);
    size_t col = a->table_sort < 0 ? t->ncols : (size_t)a->table_sort;
    size_t n = table_view(t, filter, col, a->table_desc, rows);
    if (a->table_row >= (int)n)
        a->table_row = (int)n - 1;
    if (a->table_row < 0)
        a->table_row = 0;
    char left[200], right[160];
    snprintf(left, sizeof left, "Table %d of %zu: %s", a->table_sel + 1, a->tables.n, t->title);
    int k = snprintf(right, sizeof right, "%s%s", col < t->ncols ? "sorted by " : "file order",
                     col < t->ncols ? t->cols[col].title : "");
    if (filter[0] && k > 0 && (size_t)k < sizeof right)
        snprintf(right + k, sizeof right - (size_t)k, ", %zu of %zu rows", n, t->nrows);
    chrome_top(a, cv, left, right);
    int *w = xcalloc(t->ncols, sizeof *w);
    fit_columns(t, rows, n, cv->w - 2, w);
    /* the table: at most half the screen, so the selected row and the sources show */
    int y = 2, table_rows = (cv->h - 4) / 2 - 1;
    if (table_rows < 3)
        table_rows = 3;
    int x = 1;
    for (size_t c = 0; c < t->ncols; c++) {
        if (!w[c])
            continue;
        char title[128];
        const char *mark = c != col ? "" : a->table_desc ? (cv->ascii ? " v" : " \xe2\x96\xbc")
                                                         : (cv->ascii ? " ^" : " \xe2\x96\xb2");
        snprintf(title, sizeof title, "%s%s", t->cols[c].title, mark);
        canvas_text_fit(cv, x, y, w[c], title, c == col ? ROLE_STRONG : ROLE_HEADING);
        x += w[c] + 2;
    }
    y++;
    int first = a->table_row >= table_rows ? a->table_row - table_rows + 1 : 0;
    for (int i = first; i < (int)n && i < first + table_rows; i++, y++) {
        x = 1;
        bool sel = i == a->table_row;
        for (size_t c = 0; c < t->ncols; c++) {
            if (!w[c])
                continue;
            canvas_text_fit(cv, x, y, w[c], table_cell(t, rows[i], c),
                            sel ? ROLE_SELECTED : c == 0 ? ROLE_STRONG : ROLE_NORMAL);
            x += w[c] + 2;
        }
        if (sel)
            canvas_paint_row(cv, y, 0, cv->w - 1, ROLE_SELECTED);
    }
    if (n == 0)
        canvas_text_fit(cv, 1, y++, cv->w - 2, "No row contains that: / changes the filter.",
                        ROLE_SUBTLE);
    y++;
    int maxy = cv->h - 1;
    if (n > 0 && y < maxy) { /* the selected row in full */
        size_t r = rows[a->table_row];
        int lw = 0;
        for (size_t c = 0; c < t->ncols; c++) {
            int tw = (int)utf8_width(t->cols[c].title, strlen(t->cols[c].title));
            lw = tw > lw ? tw : lw;
        }
        lw = lw + 2 > cv->w / 3 ? cv->w / 3 : lw + 2;
        for (size_t c = 0; c < t->ncols && y < maxy; c++) {
            canvas_text_fit(cv, 1, y, lw - 1, t->cols[c].title, ROLE_SUBTLE);
            y = wrapped(cv, 1 + lw, y, cv->w - lw - 2, maxy, table_cell(t, r, c),
                        c == 0 ? ROLE_STRONG : ROLE_NORMAL);
        }
    }
    if (y + 1 < maxy && t->note)
        y = wrapped(cv, 1, y + 1, cv->w - 2, maxy, t->note, ROLE_NOTE);
    if (y < maxy) {
        Buf src = {0};
        buf_printf(&src, "Sources (chapter %d's list): ", t->chapter);
        for (size_t i = 0; i < t->nsources; i++)
            buf_printf(&src, "%s%s", i ? ", " : "", t->sources[i]);
        wrapped(cv, 1, y, cv->w - 2, maxy, buf_str(&src), ROLE_SUBTLE);
        buf_fini(&src);
    }
    free(w);
    free(rows);
    chrome_hints(a, cv, ON_TABLE);
}

/* True when some table belongs to a chapter of this course open to the learner. */
bool app_has_tables(App *a)
{
    load(a);
    for (size_t i = 0; i < a->tables.n; i++) {
        const Chapter *ch = a->course ? course_chapter_by_number(a->course,
                                                                 a->tables.items[i].chapter)
                                      : NULL;
        if (ch && app_chapter_access(a, ch).state == ACCESS_OPEN)
            return true;
    }
    return false;
}

unsigned app_open_tables_if_any(App *a)
{
    if (app_has_tables(a))
        return app_open_tables(a, NULL);
    snprintf(a->notice, sizeof a->notice, "No tables in the chapters open here.");
    return REACT_REDRAW;
}
