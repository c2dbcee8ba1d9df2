/*
 * program_panes: the text panes of the program screen, shared with the lab
 * screen: the source (the line about to run marked, long lines wrapped at
 * words so a teaching comment is read whole), the output (its last lines,
 * wrapped, errors marked) and a fix exercise's reference solution.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "view/glyphs.h"
#include "view/screens.h"

static size_t fit_words(const char *s, size_t n, int cols);

/* One row of the source pane: a piece of a source line (long lines wrap, so
 * a teaching comment is read whole, not cut at the pane's edge). */
typedef struct SrcRow {
    int line;           /* 1-based source line */
    bool first;         /* the line's first row: it carries the number */
    int indent;         /* continuation rows: columns in from the text's edge */
    const char *text;
    size_t len;
} SrcRow;

static SrcRow *source_rows(const char *src, int width, size_t *n)
{
    size_t cap = 64, k = 0;
    SrcRow *rows = malloc(cap * sizeof *rows);
    int ln = 1;
    for (const char *c = src; rows;) {
        const char *end = strchr(c, '\n');
        size_t len = end ? (size_t)(end - c) : strlen(c);
        if (!end && len == 0 && c != src)
            break;
        size_t at = 0;
        int lead = 0; /* a continuation lines up under the line's code, two in */
        while ((size_t)lead < len && c[lead] == ' ')
            lead++;
        int cont = lead + 2 < width / 2 ? lead + 2 : 0;
        do {
            int room = at ? width - cont : width;
            size_t piece = len ? fit_words(c + at, len - at, room > 1 ? room : 1) : 0;
            if (k == cap) {
                cap *= 2;
                SrcRow *grown = realloc(rows, cap * sizeof *rows);
                if (!grown) {
                    free(rows);
                    return NULL;
                }
                rows = grown;
            }
            rows[k++] = (SrcRow){ln, at == 0, at ? cont : 0, c + at, piece};
            at += piece;
        } while (at < len);
        if (!end)
            break;
        c = end + 1;
        ln++;
    }
    *n = k;
    return rows;
}

/* The reference solution of a fix exercise, shown with S: in place of the
 * views (the widest part of the screen), beside the learner's own file. */
bool program_solution_shown(const App *a)
{
    return a->ex && a->ex_show_solution && a->ex->ex.solution &&
           a->ex->ex.kind != EXERCISE_PREDICT;
}

void program_pane_solution(App *a, Canvas *cv, Rect r)
{
    canvas_fill(cv, r, ' ', ROLE_NORMAL);
    program_pane_text(cv, r, "Solution (S hides it)", a->ex->ex.solution, -1, 0);
}

void program_pane_source(App *a, Canvas *cv, Rect r, const char *source, int line,
                         int last_line)
{
    /* No line to run yet and none run (a program the model refuses before
     * its first line): from the top, not from the end. */
    bool at_start = !a->lab && a->prog && a->prog->pos == 0 && !a->prog->finished;
    program_pane_text(cv, r, "Source", source, line == 0 && at_start ? -1 : line, last_line);
}

void program_pane_text(Canvas *cv, Rect r, const char *title, const char *src, int line,
                       int last_line)
{
    canvas_text_fit(cv, r.x, r.y, r.w, title, ROLE_HEADING);
    size_t n = 0;
    SrcRow *rows = source_rows(src, r.w - 6, &n);
    if (!rows)
        return;
    int nlines = n ? rows[n - 1].line : 1;
    int cur = line > 0 ? line : line < 0 ? 1 : nlines; /* -1: from the top */
    size_t at = 0; /* the current line's first row, kept mid-pane */
    while (at < n && rows[at].line < cur)
        at++;
    int visible = r.h - 1;
    long first = (long)at - visible / 2;
    if (first > (long)n - visible)
        first = (long)n - visible;
    if (first < 0)
        first = 0;
    for (int row = 0; row < visible && (size_t)first + (size_t)row < n; row++) {
        const SrcRow *sr = &rows[first + row];
        int y = r.y + 1 + row;
        bool now = sr->line == line;
        if (sr->first) {
            char num[16];
            snprintf(num, sizeof num, "%3d", sr->line);
            canvas_text(cv, r.x, y, 3, num, ROLE_SUBTLE);
            canvas_put(cv, r.x + 4, y,
                       now ? glyph(cv->ascii, GLYPH_POINTER)
                       : sr->line == last_line ? glyph(cv->ascii, GLYPH_DOT) : ' ',
                       now ? ROLE_SELECTED : ROLE_SUBTLE);
        }
        char *text = malloc(sr->len + 1);
        if (!text)
            break;
        memcpy(text, sr->text, sr->len);
        text[sr->len] = '\0';
        for (char *t = text; *t; t++)
            if (*t == '\t')
                *t = ' ';
        canvas_text_fit(cv, r.x + 6 + sr->indent, y, r.w - 6 - sr->indent, text,
                        now ? ROLE_SELECTED : ROLE_CODEBLOCK);
        if (now)
            canvas_paint_row(cv, y, r.x + 6, r.x + r.w, ROLE_SELECTED);
        free(text);
    }
    free(rows);
}

/* Bytes of s (n bytes) that fit in `cols` columns, at least one character. */
static size_t fit_bytes(const char *s, size_t n, int cols)
{
    size_t i = 0;
    int w = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        int cw = utf8_cp_width(cp);
        if (i > 0 && w + cw > cols)
            break;
        w += cw;
        i += k ? k : 1;
    }
    return i;
}

/* Like fit_bytes, but a line is broken after a space rather than inside a
 * word (a word longer than the row is still cut). */
static size_t fit_words(const char *s, size_t n, int cols)
{
    size_t k = fit_bytes(s, n, cols);
    if (k >= n || s[k] == ' ')
        return k;
    size_t lead = 0; /* never break inside the indentation */
    while (lead < k && s[lead] == ' ')
        lead++;
    size_t at = k;
    while (at > lead && s[at - 1] != ' ')
        at--;
    return at > lead ? at : k;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* Rows a line of n bytes takes when wrapped at cols columns. */
static int wrapped_rows(const char *s, size_t n, int cols)
{
    int rows = 1;
    size_t at = 0;
    while (n - at > 0) {
        size_t k = fit_words(s + at, n - at, cols);
        at += k;
        if (at < n)
            rows++;
    }
    return rows;
}

void program_pane_output(Canvas *cv, Rect r, const Buf *output, bool finished, int exit_code)
{
    canvas_text_fit(cv, r.x, r.y, r.w, finished ? (exit_code ? "Output (ended with an error)"
                                                             : "Output (finished)")
                                                : "Output", ROLE_HEADING);
    if (r.w < 1 || r.h < 2)
        return;
    /* The last lines written so far, wrapped at the pane's width: walk back
     * from the end until the rows are filled. */
    const char *out = buf_str(output);
    size_t len = output->len;
    while (len && out[len - 1] == '\n')
        len--;
    int rows = r.h - 1, used = 0;
    size_t start = len;
    int skip = 0; /* wrapped rows of the first line that do not fit */
    while (start > 0 || (start == 0 && len > 0 && used == 0)) {
        size_t ls = start;
        while (ls > 0 && out[ls - 1] != '\n')
            ls--;
        int need = wrapped_rows(out + ls, start - ls, r.w);
        if (used + need > rows) {
            skip = used + need - rows;
            used = rows;
            start = ls;
            break;
        }
        used += need;
        start = ls;
        if (start == 0)
            break;
        start--; /* the newline before this line */
    }
    if (start < len && out[start] == '\n')
        start++;
    int y = r.y + 1;
    while (start < len && y < r.y + r.h) {
        const char *nl = memchr(out + start, '\n', len - start);
        size_t n = nl ? (size_t)(nl - (out + start)) : len - start;
        const char *line = out + start;
        bool err = contains(line, n, "Error") || contains(line, n, "Traceback") ||
                   contains(line, n, "error:");
        size_t at = 0;
        do {
            size_t k = fit_words(line + at, n - at, r.w);
            if (skip > 0) {
                skip--;
            } else {
                char *piece = malloc(k + 1);
                memcpy(piece, line + at, k);
                piece[k] = '\0';
                canvas_text(cv, r.x, y++, r.w, piece, err ? ROLE_ERROR : ROLE_NORMAL);
                free(piece);
            }
            at += k;
        } while (at < n && y < r.y + r.h);
        start += n + 1;
    }
}

