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
    {PROGRAM_VIEW_THREADS, "threads"},
    {PROGRAM_VIEW_LOOP, "loop"},
};
#define NVIEWS 6

/* The views on screen now: the threads view once the program has a thread
 * besides the main one, the loop view once it made an asyncio task (a
 * program without either keeps the heap views). */
static unsigned shown_views(const App *a)
{
    unsigned bits = a->views;
    const VmSched *v = a->prog && a->prog->run ? py_vmsched(a->prog->run) : NULL;
    if (!v || (v->nthr <= 1 && v->nprocs == 0)) /* (and the processes it forked) */
        bits &= ~(unsigned)PROGRAM_VIEW_THREADS;
    const LoopLog *l = a->prog && a->prog->run ? py_looplog(a->prog->run) : NULL;
    if (!l || l->ntasks == 0)
        bits &= ~(unsigned)PROGRAM_VIEW_LOOP;
    return bits ? bits : a->views;
}

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
    unsigned bits = shown_views(a);
    for (int k = 1; k <= NVIEWS; k++) {
        int v = (a->view_sel + k) % NVIEWS;
        if (bits & view_names[v].bit) {
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

/* Scrolls the graph by a row of boxes or a column; the focus, which would
 * pull the view back to itself, is let go. */
static void pan_graph(App *a, int dx, int dy)
{
    if (!a->snap_valid)
        return;
    int w, h;
    view_object_graph_extent(&a->snap, &a->graph_opts, &w, &h);
    GraphOptions *o = &a->graph_opts;
    o->focus = 0;
    o->neighbours_only = false;
    o->scroll_x += dx * 27;
    o->scroll_y += dy * 5;
    if (o->scroll_x > w - 20)
        o->scroll_x = w - 20;
    if (o->scroll_y > h - 5)
        o->scroll_y = h - 5;
    if (o->scroll_x < 0)
        o->scroll_x = 0;
    if (o->scroll_y < 0)
        o->scroll_y = 0;
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
    case ACT_PAN_UP: pan_graph(a, 0, -1); break;
    case ACT_PAN_DOWN: pan_graph(a, 0, 1); break;
    case ACT_PAN_LEFT: pan_graph(a, -1, 0); break;
    case ACT_PAN_RIGHT: pan_graph(a, 1, 0); break;
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
        view_memory_chart(a->prog->samples, a->prog->sample_blocks, a->prog->pos, cv, r);
        break;
    case PROGRAM_VIEW_GRAPH: view_object_graph(&a->snap, &a->graph_opts, cv, r); break;
    case PROGRAM_VIEW_GC: view_gc(&a->snap, cv, r); break;
    case PROGRAM_VIEW_THREADS:
        view_threads(a->prog->run ? py_vmsched(a->prog->run) : NULL, a->prog->prof->name, cv, r);
        break;
    case PROGRAM_VIEW_LOOP: view_loop(a->prog->run ? py_looplog(a->prog->run) : NULL, cv, r); break;
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
    unsigned bits = shown_views(a);
    int sel = a->view_sel; /* the threads view, chosen before a thread started: the first other */
    for (int i = 0; !(bits & view_names[sel].bit) && i < NVIEWS; i++)
        sel = i;
    int n = count_views(bits);
    if (a->zoom || n == 1) {
        draw_view(a, cv, sel, r);
        return;
    }
    int shown[NVIEWS], k = 0;
    for (int i = 0; i < NVIEWS; i++)
        if (bits & view_names[i].bit)
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
        bool on = shown[i] == sel;
        x += canvas_text(cv, x, r.y, r.x + r.w - x, tab, on ? ROLE_SELECTED : ROLE_SUBTLE);
    }
    canvas_text_fit(cv, x + 1, r.y, r.x + r.w - x - 1, "(Tab: next view)", ROLE_SUBTLE);
    draw_view(a, cv, sel, (Rect){r.x, r.y + 1, r.w, r.h - 1});
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
