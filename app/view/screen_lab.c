/*
 * screen_lab: a lab (lab/lab.h) on the program screen.  The lab's program
 * is on the left with the line about to run marked and what it printed
 * below; its views fill the right, one page at a time with a tab row (Tab
 * cycles, z zooms).  Keys are the program screen's: step, back (a replay),
 * run/pause, restart.  A line that plays out over simulated time (a
 * scheduler run) is animated frame by frame while running; a step during it
 * plays it out at once.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"

Lab *app_lab_load(const LabClass *cls, const char *name, const char *src, size_t len,
                  uint64_t seed)
{
    Lab *lab = xcalloc(1, sizeof *lab);
    DiagList dl = {0};
    if (!lab_open(lab, cls, src, len, name, seed, &dl)) {
        for (size_t i = 0; i < dl.len; i++) {
            char *d = diag_format(&dl.items[i]);
            buf_printf(&lab->err, "%s\n", d);
            free(d);
        }
        lab->finished = true;
        lab->exit_code = 1;
    }
    diag_fini(&dl);
    return lab;
}

void app_close_lab(App *a)
{
    if (!a->lab)
        return;
    lab_close(a->lab);
    free(a->lab);
    a->lab = NULL;
}

void app_open_lab(App *a, Lab *lab, bool standalone)
{
    if (a->prog) {
        program_fini(a->prog);
        free(a->prog);
        a->prog = NULL;
    }
    if (a->snap_valid)
        snapshot_free(&a->snap);
    a->snap_valid = false;
    app_close_lab(a);
    a->lab = lab;
    a->lab_opts = (LabViewOptions){0};
    a->lab_last_line = 0;
    a->back[SCREEN_PROGRAM] = standalone ? SCREEN_PROGRAM : a->screen;
    a->screen = SCREEN_PROGRAM;
    a->running = false;
    a->speed = a->default_speed > 0 ? a->default_speed : 2;
    a->zoom = false;
}

int app_current_line(const App *a)
{
    if (a->lab)
        return lab_busy(a->lab) ? 0 : lab_line(a->lab);
    return a->prog ? a->prog->line : 0;
}

/* One line (or the rest of a line playing out), unless a question waits. */
static bool step_once(App *a)
{
    Lab *lab = a->lab;
    if (lab_busy(lab))
        return lab_step(lab);
    if (app_exercise_holds_step(a))
        return false;
    int line = lab_line(lab);
    if (!lab_step(lab))
        return false;
    a->lab_last_line = line;
    return true;
}

static void step_back(App *a)
{
    Lab *lab = a->lab;
    if (lab->steps == 0 || !lab->st)
        return;
    lab_seek(lab, lab->steps - 1);
    a->lab_last_line = 0;
}

unsigned app_lab_key(App *a, KeyAction act)
{
    Lab *lab = a->lab;
    const LabView *v = lab_view_find(lab->cls->name);
    int npages = v ? v->npages : 1;
    if (a->ex && (act == ACT_EDIT || act == ACT_CHECK || act == ACT_HINT || act == ACT_SOLUTION))
        return app_exercise_key(a, act);
    if (act == ACT_NEXT_EXERCISE)
        return app_next_exercise(a);
    switch (act) {
    case ACT_STEP: a->running = false; step_once(a); break;
    case ACT_STEP_BACK: a->running = false; step_back(a); break;
    case ACT_RUN: a->running = !a->running && !lab->finished; break;
    case ACT_RUN_END:
        a->running = false;
        for (int i = 0; i < 100000 && step_once(a); i++)
            ;
        break;
    case ACT_RESTART:
        a->running = false;
        if (lab->st)
            lab_seek(lab, 0);
        a->lab_last_line = 0;
        if (a->ex && a->ex_step >= a->ex->ex.nsteps)
            app_exercise_restart(a); /* a finished pass: g starts a new one */
        break;
    case ACT_NEXT_VIEW: a->lab_opts.page = (a->lab_opts.page + 1) % npages; break;
    case ACT_ZOOM: a->zoom = !a->zoom; break;
    case ACT_FASTER: a->speed = a->speed < 64 ? a->speed * 2 : 64; break;
    case ACT_SLOWER: a->speed = a->speed > 1 ? a->speed / 2 : 1; break;
    case ACT_BACK:
        if (a->back[SCREEN_PROGRAM] == SCREEN_PROGRAM)
            return REACT_QUIT;
        a->running = false;
        app_back(a);
        app_close_exercise(a);
        app_close_lab(a);
        return REACT_REDRAW | REACT_SAVE_NOW;
    default: return REACT_NONE;
    }
    return REACT_REDRAW;
}

/* Running: a line playing out advances by `speed` frames a tick; otherwise
 * the next line starts (a question before it stops the run). */
unsigned app_lab_idle(App *a)
{
    Lab *lab = a->lab;
    if (lab_busy(lab)) {
        for (int i = 0; i < a->speed && lab_busy(lab); i++)
            lab_tick(lab);
        if (lab->finished)
            a->running = false;
        return REACT_REDRAW;
    }
    if (lab->finished || !step_once(a))
        a->running = false;
    return REACT_REDRAW;
}

static void draw_views(App *a, Canvas *cv, Rect r)
{
    const LabView *v = lab_view_find(a->lab->cls->name);
    if (!a->lab->st) { /* the room of the views goes to the errors, whole */
        canvas_text_fit(cv, r.x, r.y, r.w, "The program does not read; nothing ran:",
                        ROLE_HEADING);
        /* word-wrapped as written: messages quote code (`PyObject *x`), so no markup */
        const char *p = buf_str(&a->lab->err);
        int y = r.y + 1;
        while (*p && y < r.y + r.h && r.w > 0) {
            size_t n = strcspn(p, "\n"), take = n;
            if ((int)take > r.w) { /* cut at the last space that fits */
                take = (size_t)r.w;
                while (take > 0 && p[take] != ' ')
                    take--;
                if (take == 0)
                    take = (size_t)r.w;
            }
            char *piece = xstrndup(p, take);
            canvas_text(cv, r.x, y++, r.w, piece, ROLE_ERROR);
            free(piece);
            p += take;
            while (*p == ' ')
                p++;
            if (*p == '\n' && take == n)
                p++;
        }
        return;
    }
    if (!v) {
        canvas_text_fit(cv, r.x, r.y, r.w, "This lab has no view.", ROLE_SUBTLE);
        return;
    }
    if (v->npages > 1) {
        int x = r.x;
        for (int i = 0; i < v->npages; i++) {
            char tab[32];
            snprintf(tab, sizeof tab, " %s ", v->page_names[i]);
            x += canvas_text(cv, x, r.y, r.x + r.w - x, tab,
                             i == a->lab_opts.page ? ROLE_SELECTED : ROLE_SUBTLE);
        }
        canvas_text_fit(cv, x + 1, r.y, r.x + r.w - x - 1, "(Tab: next view)", ROLE_SUBTLE);
        r.y++, r.h--;
    }
    a->lab_opts.wide = a->present;
    v->draw(a->lab, &a->lab_opts, cv, r);
}

void screen_lab_draw(App *a, Canvas *cv)
{
    Lab *lab = a->lab;
    char left[256], right[96];
    const char *base = strrchr(lab->file, '/');
    int line = lab_line(lab);
    const char *dot = cv->ascii ? "-" : "\xc2\xb7";
    snprintf(left, sizeof left, "%s %s %s lab %s %zu line%s run", base ? base + 1 : lab->file, dot,
             lab->cls->title, dot, lab->steps, lab->steps == 1 ? "" : "s");
    if (!lab->st)
        snprintf(right, sizeof right, "does not read");
    else if (lab_busy(lab))
        snprintf(right, sizeof right, "%s", a->running ? "playing" : "paused mid-line");
    else if (lab->finished)
        snprintf(right, sizeof right, "%s", lab->exit_code ? "ended with an error" : "finished");
    else
        snprintf(right, sizeof right, a->running ? "running" : "paused before line %d", line);
    chrome_top(a, cv, left, right);
    Rect body = {0, 1, cv->w, cv->h - 2};
    int pane = app_exercise_pane_height(a);
    body.h -= pane;
    Buf shown = {0};
    buf_add(&shown, buf_str(&lab->out), lab->out.len);
    buf_add(&shown, buf_str(&lab->err), lab->err.len);
    if (a->zoom || a->present) {
        draw_views(a, cv, body);
    } else {
        /* the source as wide as its longest line needs, up to 45% of the screen */
        int longest = 0, cur = 0;
        for (const char *c = lab->src; c && *c; c++) {
            cur = *c == '\n' ? 0 : cur + 1;
            longest = cur > longest ? cur : longest;
        }
        int lw = longest + 8;
        int cap = cv->w * 45 / 100 < 60 ? cv->w * 45 / 100 : 60;
        lw = lw < 30 ? 30 : lw > cap ? cap : lw;
        int out_h = body.h / 3 < 10 ? body.h / 3 : 10;
        /* the marker: the line about to run, or where a program that does not read
         * has its first error */
        int mark = !lab->st ? lab->read_error_line : lab_busy(lab) ? a->lab_last_line : line;
        program_pane_source(a, cv, (Rect){0, body.y, lw - 1, body.h - out_h}, lab->src, mark,
                            a->lab_last_line);
        program_pane_output(cv, (Rect){0, body.y + body.h - out_h, lw - 1, out_h}, &shown,
                            lab->finished, lab->exit_code);
        for (int y = body.y; y < body.y + body.h; y++)
            canvas_put(cv, lw - 1, y, glyph(cv->ascii, GLYPH_VLINE), ROLE_SUBTLE);
        Rect views = {lw + 1, body.y, cv->w - lw - 1, body.h};
        if (program_solution_shown(a))
            program_pane_solution(a, cv, views);
        else
            draw_views(a, cv, views);
    }
    buf_fini(&shown);
    if (a->present) {
        canvas_fill(cv, (Rect){0, cv->h - 1, cv->w, 1}, ' ', ROLE_STATUS);
        canvas_text_fit(cv, 1, cv->h - 1, cv->w - 2, "presenter mode  (? for the keys)", ROLE_STATUS);
        return;
    }
    static const KeyAction heap_only[] = {ACT_GC_PHASE, ACT_POOL, ACT_FOCUS, ACT_NEIGHBOURS,
                                          ACT_LETTERS};
    chrome_hints_except(a, cv, ON_PROGRAM, heap_only, sizeof heap_only / sizeof heap_only[0]);
    if (pane)
        app_exercise_draw_pane(a, cv, cv->h - 1 - pane);
}
