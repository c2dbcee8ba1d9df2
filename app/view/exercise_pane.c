/*
 * exercise_pane: the exercise's pane at the bottom of the program screen.
 *
 * With no question open it shows the goal, the last check, the newest hint,
 * the solution or where it is, and the learner's file.  With a question open
 * it shows the question and its choices, or once answered the verdict and
 * the explanation.  That body scrolls as less does (j/k, arrows, PgUp/PgDn,
 * Space) when it is taller than the pane, and the pane says where it stands
 * ("lines 3-8 of 12") and that more follows, so nothing is cut off unseen at
 * 60x16.  The flow of an exercise is app_exercise.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "view/app.h"
#include "view/keys.h"
#include "view/screens.h"

/* ---- the body: wrapped lines, each with its role and left margin ----------- */

typedef struct PaneBody {
    Doc d;
    Role *role; /* [d.n]: painted over the line (ROLE_NORMAL: left as styled) */
    int *x;     /* [d.n]: the line's left margin */
    size_t cap;
} PaneBody;

static void body_add(PaneBody *b, const char *text, Role role, int x, int width, bool ascii)
{
    size_t from = b->d.n;
    doc_add_prose(&b->d, text, width - x - 1, 0, ascii);
    if (b->d.n > b->cap) {
        b->cap = b->d.n * 2;
        b->role = xrealloc(b->role, b->cap * sizeof *b->role);
        b->x = xrealloc(b->x, b->cap * sizeof *b->x);
    }
    for (size_t i = from; i < b->d.n; i++) {
        b->role[i] = role;
        b->x[i] = x;
    }
}

static void body_fini(PaneBody *b)
{
    doc_fini(&b->d);
    free(b->role);
    free(b->x);
}

/* The open question's body: the question, then its choices, or once judged
 * the verdict and the explanation; a hint asked for while answering last. */
static void question_body(const App *a, int width, PaneBody *b)
{
    const Exercise *ex = &a->ex->ex;
    const ExerciseStep *st = &ex->steps[a->ex_step];
    bool A = a->ascii;
    body_add(b, st->ask, ROLE_NORMAL, 1, width, A);
    if (a->ex_judged) { /* the verdict names the answer: the room goes to the why */
        Buf right = {0}, msg = {0};
        exrun_answer_text(st, &right);
        bool second = a->ex_tries > 1;
        buf_printf(&msg, "%s Answer: %s",
                   a->ex_verdict == EX_RIGHT ? (second ? "Right at the second try." : "Right.")
                   : a->ex_verdict == EX_PARTIAL ? "Partly right, twice."
                                                 : "Not right, twice.",
                   buf_str(&right));
        body_add(b, buf_str(&msg), a->ex_verdict == EX_RIGHT ? ROLE_DONE : ROLE_WARNING, 1, width,
                 A);
        body_add(b, st->explain, ROLE_NORMAL, 1, width, A);
        buf_fini(&right), buf_fini(&msg);
        return;
    }
    for (size_t i = 0; i < st->nchoices; i++) {
        char c[512];
        snprintf(c, sizeof c, "%zu. %s", i + 1, st->choices[i]);
        body_add(b, c, ROLE_NORMAL, 3, width, A);
    }
    if (a->ex_hints > 0) { /* H while asking: the newest rung */
        char h[700];
        snprintf(h, sizeof h, "Hint %d of %d: %s", a->ex_hints, exrun_hint_count(ex),
                 exrun_hint(ex, a->ex_hints));
        body_add(b, h, ROLE_NOTE, 1, width, A);
    }
}

/* ---- no question open: the goal, the check, the hint, the solution, the file */

/* `path` in at most `width` bytes: the home directory as ~, then as much of
 * the end as fits after an ellipsis (the file's own name is what matters). */
static void fit_path(const char *path, int width, bool ascii, char *out, size_t n)
{
    const char *home = getenv("HOME");
    size_t hl = home ? strlen(home) : 0;
    char full[600];
    if (hl > 1 && strncmp(path, home, hl) == 0 && path[hl] == '/')
        snprintf(full, sizeof full, "~%s", path + hl);
    else
        snprintf(full, sizeof full, "%s", path);
    const char *dots = ascii ? "..." : "\xe2\x80\xa6"; /* … is one column */
    if ((int)strlen(full) <= width || width < 8) {
        snprintf(out, n, "%s", full);
        return;
    }
    const char *tail = full + strlen(full);
    for (const char *c = full + 1; *c; c++)
        if (*c == '/' && (int)strlen(c) + 3 <= width) {
            tail = c;
            break;
        }
    if (!*tail) /* no directory boundary fits: the name alone */
        tail = strrchr(full, '/') ? strrchr(full, '/') : full;
    snprintf(out, n, "%s%s", dots, tail);
}

typedef struct PaneItem {
    char text[1200];
    Role role;
} PaneItem;
#define PANE_ITEMS 6

static int pane_items(const App *a, PaneItem *it)
{
    const Exercise *ex = &a->ex->ex;
    int n = 0;
    snprintf(it[n].text, sizeof it[n].text, "%s", ex->goal);
    it[n++].role = ROLE_NORMAL;
    if (ex->kind == EXERCISE_FIX && a->ex_checked) {
        const char *why = a->ex_check.message ? a->ex_check.message
                          : a->ex_check.error_line ? a->ex_check.error_line : "";
        snprintf(it[n].text, sizeof it[n].text, "%s %s",
                 a->ex_check.passed ? "Check: passed." : "Check: not yet.", why);
        char *w = it[n].text + strlen(a->ex_check.passed ? "Check: passed. " : "Check: not yet. ");
        if (*w >= 'a' && *w <= 'z') /* the check's sentence starts a sentence here */
            *w = (char)(*w - 'a' + 'A');
        it[n++].role = a->ex_check.passed ? ROLE_DONE : ROLE_WARNING;
    }
    int nh = exrun_hint_count(ex);
    if (a->ex_hints > 0 && !a->ex_show_solution) { /* the newest rung, whole */
        snprintf(it[n].text, sizeof it[n].text, "Hint %d of %d%s: %s", a->ex_hints, nh,
                 a->ex_hints < nh ? " (H: the next)" : "", exrun_hint(ex, a->ex_hints));
        it[n++].role = ROLE_NOTE;
    }
    if (a->ex_show_solution && ex->solution) {
        if (ex->kind == EXERCISE_PREDICT)
            snprintf(it[n].text, sizeof it[n].text, "Solution: %s", ex->solution);
        else
            snprintf(it[n].text, sizeof it[n].text, "The solution is on the right, beside your "
                     "file (S hides it; also: pydive exercise solution %s).", ex->id);
        it[n++].role = ROLE_STRONG;
    }
    if (a->ex_work) { /* one row: the path gives way to the keys */
        static const char lead[] = "Your file: ", keys[] = "  (e edits it; a save reruns it)";
        char path[600];
        fit_path(a->ex_work, a->w - 3 - (int)strlen(lead) - (int)strlen(keys), a->ascii, path,
                 sizeof path);
        snprintf(it[n].text, sizeof it[n].text, "%s%s%s", lead, path, keys);
        it[n++].role = ROLE_SUBTLE;
    }
    return n;
}

static int prose_rows(const char *text, int width, bool ascii)
{
    Doc d = {0};
    doc_add_prose(&d, text, width, 0, ascii);
    int n = (int)d.n;
    doc_fini(&d);
    return n;
}

/* ---- height, drawing and scrolling ----------------------------------------- */

/* Rows of a pane with a question: the title and the question's own row, the
 * body, and below it the answer line (until judged) and the key bar. */
static int question_fixed_rows(const App *a)
{
    return 2 + (a->ex_judged ? 1 : 2);
}

int app_exercise_pane_height(const App *a)
{
    if (!a->ex)
        return 0;
    if (a->ex_asking) {
        PaneBody b = {0};
        question_body(a, a->w, &b);
        int rows = question_fixed_rows(a) + (int)b.d.n + 1;
        body_fini(&b);
        int most = a->h - 5 > 6 ? a->h - 5 : 6; /* the program keeps a few rows */
        return rows > most ? most : rows < 8 ? 8 : rows;
    }
    PaneItem it[PANE_ITEMS];
    int n = pane_items(a, it), rows = 2; /* the title row and the key bar's row */
    for (int i = 0; i < n; i++)
        rows += prose_rows(it[i].text, a->w - 2, a->ascii);
    int most = a->h / 2 > 4 ? a->h / 2 : 4;
    return rows < 4 ? 4 : rows > most ? most : rows;
}

static int pane_line(Canvas *cv, int y, int x, const char *text, Role role, int maxy)
{
    Doc d = {0};
    doc_add_prose(&d, text, cv->w - x - 1, 0, cv->ascii);
    for (size_t i = 0; i < d.n && y < maxy; i++, y++) {
        canvas_styled(cv, x, y, cv->w - x - 1, d.lines[i].text, d.lines[i].len, d.lines[i].roles);
        if (role != ROLE_NORMAL)
            canvas_paint_row(cv, y, x, cv->w - 1, role);
    }
    doc_fini(&d);
    return y;
}

/* The question's key bar: what scrolls, what goes on, what leaves. */
static void question_keys(const App *a, Canvas *cv, int y, bool more_below)
{
    const ExerciseStep *st = &a->ex->ex.steps[a->ex_step];
    char bar[320];
    const char *more = !more_below ? ""
                       : cv->ascii ? "v more: j/k PgDn  "
                                   : "\xe2\x96\xbc more: j/k PgDn  ";
    if (a->ex_judged)
        snprintf(bar, sizeof bar, "%sany key: the program goes on (Esc: leave)", more);
    else
        snprintf(bar, sizeof bar, "%s%s  Esc: leave  H: hint", more,
                 a->input_err[0] ? a->input_err : exrun_how_to_answer(st));
    canvas_fill(cv, (Rect){0, y, cv->w, 1}, ' ', ROLE_STATUS);
    canvas_text_fit(cv, 1, y, cv->w - 2, bar, ROLE_STATUS);
}

static void draw_question(App *a, Canvas *cv, int y, int bottom)
{
    const Exercise *ex = &a->ex->ex;
    const ExerciseStep *st = &ex->steps[a->ex_step];
    PaneBody b = {0};
    question_body(a, cv->w, &b);
    int body_end = a->ex_judged ? bottom : bottom - 1; /* the answer line sits above the bar */
    int qrow = y++, page = body_end - y > 1 ? body_end - y : 1;
    int max_top = (int)b.d.n > page ? (int)b.d.n - page : 0;
    if (a->ex_pane_top > max_top)
        a->ex_pane_top = max_top;
    if (a->ex_pane_top < 0)
        a->ex_pane_top = 0;
    a->ex_pane_max_top = max_top;
    a->ex_pane_page = page;
    char q[128], where[48] = "";
    snprintf(q, sizeof q, "Question %zu of %zu (before line %d runs)%s", a->ex_step + 1,
             ex->nsteps, st->at, a->ex_tries == 1 && !a->ex_judged ? ": second try" : "");
    if (max_top > 0) /* as less says where it is */
        snprintf(where, sizeof where, "lines %d-%d of %zu", a->ex_pane_top + 1,
                 a->ex_pane_top + page, b.d.n);
    int wl = (int)strlen(where);
    canvas_text_fit(cv, 1, qrow, cv->w - 3 - wl, q, ROLE_SUBTLE);
    if (wl)
        canvas_text(cv, cv->w - 1 - wl, qrow, wl, where, ROLE_KEY);
    for (int i = 0; i < page && (size_t)(a->ex_pane_top + i) < b.d.n; i++) {
        size_t k = (size_t)(a->ex_pane_top + i);
        const DocLine *l = &b.d.lines[k];
        canvas_styled(cv, b.x[k], y + i, cv->w - b.x[k] - 1, l->text, l->len, l->roles);
        if (b.role[k] != ROLE_NORMAL)
            canvas_paint_row(cv, y + i, b.x[k], cv->w - 1, b.role[k]);
    }
    body_fini(&b);
    if (!a->ex_judged) {
        int x = 1 + canvas_text(cv, 1, bottom - 1, cv->w - 2, "Your answer: ", ROLE_STRONG);
        x += canvas_text(cv, x, bottom - 1, cv->w - x - 1, a->input, ROLE_NORMAL);
        canvas_put(cv, x, bottom - 1, '_', ROLE_KEY);
    }
    question_keys(a, cv, bottom, a->ex_pane_top < max_top);
}

void app_exercise_draw_pane(App *a, Canvas *cv, int top)
{
    const Exercise *ex = &a->ex->ex;
    int bottom = cv->h - 1, y = top;
    canvas_fill(cv, (Rect){0, top, cv->w, bottom - top}, ' ', ROLE_NORMAL);
    for (int x = 0; x < cv->w; x++)
        canvas_put(cv, x, y, glyph(cv->ascii, GLYPH_HLINE), ROLE_SUBTLE);
    char head[256];
    static const char *const kinds[] = {"Predict", "Fix it", "Sandbox"};
    snprintf(head, sizeof head, " %s: %s %s", kinds[ex->kind], ex->title,
             a->exst.solved ? (cv->ascii ? "[solved]" : "\xe2\x9c\x93 solved") : "");
    canvas_text_fit(cv, 1, y++, cv->w - 2, head, ROLE_HEADING);
    if (a->ex_asking) {
        draw_question(a, cv, y, bottom);
        return;
    }
    PaneItem it[PANE_ITEMS];
    int n = pane_items(a, it);
    for (int i = 0; i < n && y < bottom; i++)
        y = pane_line(cv, y, 1, it[i].text, it[i].role, bottom);
}

/* Scrolls the open question's body with less's keys; false when `key` is
 * not one, or there is nothing to scroll (so it types, or goes on). */
bool app_exercise_pane_scroll(App *a, int key)
{
    int top = a->ex_pane_top, page = a->ex_pane_page > 1 ? a->ex_pane_page - 1 : 1;
    if (a->ex_pane_max_top <= 0)
        return false;
    switch (key) {
    case 'j': case KEY_DOWN_ARROW: case KEY_WHEEL_DOWN: top++; break;
    case 'k': case KEY_UP_ARROW: case KEY_WHEEL_UP: top--; break;
    case KEY_PAGE_DOWN: top += page; break;
    case KEY_PAGE_UP: top -= page; break;
    case ' ': /* less's Space: a page on, and at the end it goes on as any key */
        if (top >= a->ex_pane_max_top || !a->ex_judged)
            return false;
        top += page;
        break;
    default: return false;
    }
    a->ex_pane_top = top < 0 ? 0 : top > a->ex_pane_max_top ? a->ex_pane_max_top : top;
    return true;
}
