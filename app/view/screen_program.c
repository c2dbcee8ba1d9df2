/*
 * screen_program: a program stepping on the simulated CPython, with its
 * source (the line about to run marked), its output, and the live views of
 * memory and the collector beside it.
 *
 * Layout follows the terminal: four views in a grid on a big screen, stacked
 * when there is height for them, one at a time with a tab row otherwise, and
 * any one view zoomed to the whole screen with z.  Running steps on every
 * tick of the event loop (at most 30 a second), so the views move while the
 * program runs and the loop sleeps when it does not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"

#define MAX_SNAPSHOT_OBJECTS 2000

static const int speeds[] = {1, 2, 5, 10, 50, 200, 1000, 10000};
#define NSPEEDS (int)(sizeof speeds / sizeof speeds[0])

static const struct {
    unsigned bit;
    const char *name;
} view_names[] = {
    {PROGRAM_VIEW_ARENA, "arena"},
    {PROGRAM_VIEW_MEMORY, "memory"},
    {PROGRAM_VIEW_GRAPH, "graph"},
    {PROGRAM_VIEW_GC, "gc"},
};
#define NVIEWS 4

unsigned program_views_parse(const char *list)
{
    unsigned bits = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        bool found = false;
        for (int i = 0; i < NVIEWS; i++)
            if (strlen(view_names[i].name) == n && strncmp(p, view_names[i].name, n) == 0) {
                bits |= view_names[i].bit;
                found = true;
            }
        if (!found)
            return 0;
        p += n + (p[n] == ',');
    }
    return bits;
}

void app_open_program(App *a, Program *prog, unsigned views, bool standalone)
{
    app_close_lab(a);
    if (a->prog) {
        program_fini(a->prog);
        free(a->prog);
    }
    if (a->snap_valid)
        snapshot_free(&a->snap);
    a->snap_valid = false;
    a->prog = prog;
    a->back[SCREEN_PROGRAM] = standalone ? SCREEN_PROGRAM : a->screen;
    a->screen = SCREEN_PROGRAM;
    a->views = views ? views : PROGRAM_VIEW_ALL;
    a->view_sel = 0;
    while (!(a->views & view_names[a->view_sel].bit))
        a->view_sel++;
    a->running = false;
    a->speed = a->default_speed > 0 ? a->default_speed : 2;
    a->zoom = false;
}

/* Puts view `name` ("graph" ...) on screen first (an exercise's `view`). */
void app_program_first_view(App *a, const char *name)
{
    for (int v = 0; name && v < NVIEWS; v++)
        if (strcmp(view_names[v].name, name) == 0 && (a->views & view_names[v].bit))
            a->view_sel = v;
}

/* ---- keys ---------------------------------------------------------------- */

static void next_view(App *a)
{
    for (int k = 1; k <= NVIEWS; k++) {
        int v = (a->view_sel + k) % NVIEWS;
        if (a->views & view_names[v].bit) {
            a->view_sel = v;
            return;
        }
    }
}

/* Cycles the graph's focus through the objects of the current snapshot. */
static void next_focus(App *a)
{
    if (!a->snap_valid || a->snap.nobjs == 0)
        return;
    size_t at = 0;
    for (size_t i = 0; i < a->snap.nobjs; i++)
        if (a->snap.objs[i].id == a->graph_opts.focus)
            at = i + 1;
    a->graph_opts.focus = a->snap.objs[at % a->snap.nobjs].id;
}

/* One statement, unless an exercise's question waits before it. */
static bool step_once(App *a)
{
    if (app_exercise_holds_step(a))
        return false;
    return program_step(a->prog);
}

static size_t run_steps(App *a, size_t max)
{
    size_t n = 0;
    while (n < max && step_once(a))
        n++;
    return n;
}

unsigned app_program_key(App *a, KeyAction act)
{
    if (a->lab)
        return app_lab_key(a, act);
    Program *p = a->prog;
    if (a->ex && (act == ACT_EDIT || act == ACT_CHECK || act == ACT_HINT || act == ACT_SOLUTION))
        return app_exercise_key(a, act);
    if (act == ACT_NEXT_EXERCISE)
        return app_next_exercise(a);
    switch (act) {
    case ACT_STEP: a->running = false; step_once(a); break;
    case ACT_STEP_BACK:
        a->running = false;
        if (p->pos > 0)
            program_seek(p, p->pos - 1);
        break;
    case ACT_RUN: a->running = !a->running && !(p->finished && !program_collecting(p)); break;
    case ACT_RUN_END: a->running = false; run_steps(a, 2000000); break;
    case ACT_RESTART:
        a->running = false;
        program_seek(p, 0);
        if (a->ex && a->ex_step >= a->ex->ex.nsteps)
            app_exercise_restart(a); /* a finished pass: g starts a new one */
        break;
    case ACT_FASTER: case ACT_SLOWER: {
        int i = 0;
        while (i < NSPEEDS - 1 && speeds[i] < a->speed)
            i++;
        i += act == ACT_FASTER ? 1 : -1;
        a->speed = speeds[i < 0 ? 0 : i >= NSPEEDS ? NSPEEDS - 1 : i];
        break;
    }
    case ACT_GC_PHASE: a->running = false; program_gc_phase(p); break;
    case ACT_NEXT_VIEW: next_view(a); break;
    case ACT_ZOOM: a->zoom = !a->zoom; break;
    case ACT_FOCUS: next_focus(a); break;
    case ACT_NEIGHBOURS: a->graph_opts.neighbours_only = !a->graph_opts.neighbours_only; break;
    case ACT_LETTERS: a->arena_opts.class_letters = !a->arena_opts.class_letters; break;
    case ACT_POOL:
        if (a->pool_open || p->touched_arena < 0) {
            a->pool_open = false;
        } else {
            a->pool_open = true;
            a->pool_arena = p->touched_arena;
            a->pool_index = p->touched_pool;
            for (int v = 0; v < NVIEWS; v++) /* show it, even when one view fits */
                if (view_names[v].bit == PROGRAM_VIEW_ARENA && (a->views & view_names[v].bit))
                    a->view_sel = v;
        }
        break;
    case ACT_BACK:
        if (a->pool_open) { /* back from the pool to the arena map first */
            a->pool_open = false;
            break;
        }
        if (a->back[SCREEN_PROGRAM] == SCREEN_PROGRAM)
            return REACT_QUIT;
        a->running = false;
        app_back(a);
        app_close_exercise(a);
        return REACT_REDRAW | REACT_SAVE_NOW;
    default: return REACT_NONE;
    }
    return REACT_REDRAW;
}

unsigned app_idle(App *a)
{
    unsigned r = app_exercise_idle(a);
    if (a->screen == SCREEN_PROGRAM && a->running && a->lab)
        return r | app_lab_idle(a);
    if (a->screen != SCREEN_PROGRAM || !a->running || !a->prog)
        return r;
    if (run_steps(a, (size_t)a->speed) < (size_t)a->speed)
        a->running = false; /* the end, or a question */
    return r | REACT_REDRAW;
}

int app_timeout_ms(const App *a)
{
    return a->screen == SCREEN_PROGRAM && a->running ? 33 : 500; /* 500: watch mode polls */
}

/* ---- drawing --------------------------------------------------------------- */

static void refresh_snapshot(App *a)
{
    uint64_t key = a->prog->pos;
    if (a->snap_valid && a->snap_pos == key)
        return;
    if (a->snap_valid)
        snapshot_free(&a->snap);
    program_snapshot(a->prog, &a->snap, MAX_SNAPSHOT_OBJECTS);
    a->snap_pos = key;
    a->snap_valid = true;
}

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
    (void)a;
    program_pane_text(cv, r, "Source", source, line, last_line);
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

static void draw_view(App *a, Canvas *cv, int v, Rect r)
{
    switch (view_names[v].bit) {
    case PROGRAM_VIEW_ARENA: {
        SnapPoolDetail d;
        if (a->pool_open &&
            program_pool_detail(a->prog, (uint32_t)a->pool_arena, (uint32_t)a->pool_index, &d)) {
            view_pool_zoom(&d, cv, r);
            pool_detail_free(&d);
        } else {
            view_arena_map(&a->snap, &a->arena_opts, cv, r);
        }
        break;
    }
    case PROGRAM_VIEW_MEMORY:
        view_memory_chart(a->prog->samples, a->prog->pos, cv, r);
        break;
    case PROGRAM_VIEW_GRAPH: view_object_graph(&a->snap, &a->graph_opts, cv, r); break;
    case PROGRAM_VIEW_GC: view_gc(&a->snap, cv, r); break;
    }
}

static int count_views(unsigned bits)
{
    int n = 0;
    for (int i = 0; i < NVIEWS; i++)
        n += (bits & view_names[i].bit) != 0;
    return n;
}

static void draw_views(App *a, Canvas *cv, Rect r)
{
    int n = count_views(a->views);
    if (a->zoom || n == 1) {
        draw_view(a, cv, a->view_sel, r);
        return;
    }
    int shown[NVIEWS], k = 0;
    for (int i = 0; i < NVIEWS; i++)
        if (a->views & view_names[i].bit)
            shown[k++] = i;
    if (r.w >= 96 && r.h >= 30) { /* a grid of two columns */
        int cols = 2, rows = (n + 1) / 2;
        int cw = r.w / cols, rh = r.h / rows;
        for (int i = 0; i < n; i++)
            draw_view(a, cv, shown[i], (Rect){r.x + (i % cols) * cw, r.y + (i / cols) * rh,
                                               cw - 1, rh - 1});
        return;
    }
    if (r.h >= 12 * n) { /* stacked */
        int rh = r.h / n;
        for (int i = 0; i < n; i++)
            draw_view(a, cv, shown[i], (Rect){r.x, r.y + i * rh, r.w, rh - 1});
        return;
    }
    /* One at a time, with tabs naming the others. */
    int x = r.x;
    for (int i = 0; i < n; i++) {
        char tab[24];
        snprintf(tab, sizeof tab, " %s ", view_names[shown[i]].name);
        bool sel = shown[i] == a->view_sel;
        x += canvas_text(cv, x, r.y, r.x + r.w - x, tab, sel ? ROLE_SELECTED : ROLE_SUBTLE);
    }
    canvas_text_fit(cv, x + 1, r.y, r.x + r.w - x - 1, "(Tab: next view)", ROLE_SUBTLE);
    draw_view(a, cv, a->view_sel, (Rect){r.x, r.y + 1, r.w, r.h - 1});
}

void screen_program_draw(App *a, Canvas *cv)
{
    if (a->lab) {
        screen_lab_draw(a, cv);
        return;
    }
    Program *p = a->prog;
    refresh_snapshot(a);
    char left[256], right[96], total[32] = "";
    const char *base = strrchr(p->name, '/');
    ProgCounts pc;
    program_counts(p, &pc);
    if (pc.known_end) /* "of N" only once the end is known: not during a first run */
        snprintf(total, sizeof total, " of %zu", pc.steps);
    snprintf(left, sizeof left, "%s %s Python %s %s step %zu%s%s", base ? base + 1 : p->name,
             cv->ascii ? "-" : "\xc2\xb7", p->prof->name, cv->ascii ? "-" : "\xc2\xb7", pc.step,
             total, p->diverged ? " (replay differs!)" : "");
    if (program_collecting(p)) { /* the model's own phase: each c moves it one on */
        char name[32];
        snprintf(name, sizeof name, "%s", gc_phase_name(gc_phase(p->sim)));
        for (char *c = name; *c; c++)
            *c = *c == '_' ? ' ' : *c;
        snprintf(right, sizeof right, "collector phase %zu of %d: %s", pc.phase,
                 GC_PH_DONE - GC_PH_START, name);
    }
    else if (pc.collected >= 0)
        snprintf(right, sizeof right, "collection done: collected %ld", pc.collected);
    else if (a->running)
        snprintf(right, sizeof right, "running x%d", a->speed);
    else
        /* at the last step the interpreter has exited: __main__'s names are
         * freed, so the views show memory dropping after the final line */
        snprintf(right, sizeof right, "%s", p->finished ? "finished, names freed" : "paused");
    chrome_top(a, cv, left, right);
    Rect body = {0, 1, cv->w, cv->h - 2};
    int pane = app_exercise_pane_height(a);
    body.h -= pane;
    a->arena_opts.wide = a->present;
    if (a->present) { /* for a projector: the code and the views, nothing else */
        int lw = cv->w * 28 / 100 < 28 ? 28 : cv->w * 28 / 100;
        program_pane_source(a, cv, (Rect){0, body.y, lw - 1, body.h}, buf_str(&p->source),
                            p->line, p->last_line);
        for (int y = body.y; y < body.y + body.h; y++)
            canvas_put(cv, lw - 1, y, glyph(cv->ascii, GLYPH_VLINE), ROLE_SUBTLE);
        draw_views(a, cv, (Rect){lw + 1, body.y, cv->w - lw - 1, body.h});
        canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
        canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2, "presenter mode  (? for the keys)", ROLE_STATUS);
        return;
    }
    if (a->zoom) {
        draw_views(a, cv, body);
    } else {
        int lw = cv->w * (cv->w >= 140 ? 30 : 38) / 100;
        if (lw < 30)
            lw = 30;
        if (lw > 60)
            lw = 60;
        int out_h = body.h / 3 < 10 ? body.h / 3 : 10;
        program_pane_source(a, cv, (Rect){0, body.y, lw - 1, body.h - out_h},
                            buf_str(&p->source), p->line, p->last_line);
        program_pane_output(cv, (Rect){0, body.y + body.h - out_h, lw - 1, out_h}, &p->output,
                            p->finished, p->exit_code);
        for (int y = body.y; y < body.y + body.h; y++)
            canvas_put(cv, lw - 1, y, glyph(cv->ascii, GLYPH_VLINE), ROLE_SUBTLE);
        Rect views = {lw + 1, body.y, cv->w - lw - 1, body.h};
        if (program_solution_shown(a))
            program_pane_solution(a, cv, views);
        else
            draw_views(a, cv, views);
    }
    chrome_hints(a, cv, ON_PROGRAM);
    if (pane)
        app_exercise_draw_pane(a, cv, cv->h - 1 - pane);
}
