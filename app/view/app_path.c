/*
 * app_path: the learner's way through the practice, as rustlings keeps it:
 * every exercise of the chapters open here in the order the lessons offer
 * them (then any the lessons do not name), how many are solved (the bar on
 * the series page and in the exercise pane), X for the next one not solved;
 * and R in the reader, which runs the lesson's code block on screen on the
 * simulated CPython, as its text invites.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/exstate.h"
#include "sim/profile.h"
#include "view/app.h"
#include "view/doc.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"

/* A sandbox has nothing to solve: it is not on the path. */
static bool is_sandbox(const App *a, const char *id)
{
    for (size_t i = 0; i < a->titles.n; i++)
        if (strcmp(a->titles.ids[i], id) == 0)
            return a->titles.kinds[i] && strcmp(a->titles.kinds[i], "sandbox") == 0;
    return false;
}

/* The ids in order: lesson order first, then the index's own order. */
static size_t path_ids(App *a, char ***out)
{
    const Course *c = a->course;
    *out = NULL;
    if (!c || !c->dir)
        return 0;
    if (!a->titles_ready) { /* the kinds, once */
        doc_titles_load(&a->titles, c->dir);
        a->titles_ready = true;
    }
    ExEntry *entries = NULL;
    size_t ne = exrun_index(c->dir, &entries), n = 0;
    char **ids = xcalloc(ne + 1, sizeof *ids);
    bool *taken = xcalloc(ne + 1, sizeof *taken);
    for (size_t ci = 0; ci < c->nchapters; ci++) {
        const Chapter *ch = &c->chapters[ci];
        if (app_chapter_access(a, ch).state != ACCESS_OPEN)
            continue;
        for (size_t s = 0; s < ch->nsections; s++)
            for (size_t b = 0; b < ch->sections[s].nblocks; b++) {
                const Block *bl = &ch->sections[s].blocks[b];
                if (bl->kind != BLOCK_EXERCISE)
                    continue;
                const ExEntry *e = exrun_index_find(entries, ne, bl->text);
                if (e && !taken[e - entries] && !is_sandbox(a, e->id)) {
                    taken[e - entries] = true;
                    ids[n++] = xstrdup(e->id);
                }
            }
        for (size_t i = 0; i < ne; i++) /* this chapter's exercises no lesson names */
            if (!taken[i] && entries[i].chapter == ch->number && !is_sandbox(a, entries[i].id)) {
                taken[i] = true;
                ids[n++] = xstrdup(entries[i].id);
            }
    }
    free(taken);
    exrun_index_free(entries, ne);
    *out = ids;
    return n;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

static bool solved(const App *a, const char *id)
{
    if (!a->profile_dir)
        return false;
    ExState st = {0};
    Buf err = {0};
    exstate_load(a->profile_dir, id, &st, &err);
    buf_fini(&err);
    return st.solved != 0;
}

void app_exercise_tally(App *a, int *done, int *total)
{
    char **ids;
    size_t n = path_ids(a, &ids);
    *done = 0;
    for (size_t i = 0; i < n; i++)
        *done += solved(a, ids[i]);
    *total = (int)n;
    free_ids(ids, n);
}

unsigned app_next_exercise(App *a)
{
    char **ids;
    size_t n = path_ids(a, &ids);
    const char *cur = a->ex ? a->ex->ex.id : NULL;
    size_t from = 0;
    for (size_t i = 0; cur && i < n; i++)
        if (strcmp(ids[i], cur) == 0)
            from = i + 1;
    /* after the one on screen, then from the start: the first not solved */
    size_t pick = n;
    for (size_t k = 0; k < n && pick == n; k++) {
        size_t i = (from + k) % n;
        if ((!cur || strcmp(ids[i], cur) != 0) && !solved(a, ids[i]))
            pick = i;
    }
    unsigned r = REACT_REDRAW;
    if (pick == n) {
        snprintf(a->notice, sizeof a->notice, "Every exercise open here is solved (%zu of %zu).",
                 n, n);
    } else {
        char *id = xstrdup(ids[pick]);
        if (a->screen == SCREEN_PROGRAM && a->ex) { /* one exercise to the next */
            ScreenId back = a->back[SCREEN_PROGRAM];
            app_close_exercise(a);
            app_open_exercise(a, id);
            a->back[SCREEN_PROGRAM] = back;
        } else {
            app_open_exercise(a, id);
        }
        free(id);
        r |= REACT_SAVE_NOW;
    }
    free_ids(ids, n);
    return r;
}

/* ---- R: a lesson's code block on the model ----------------------------------- */

static bool runnable(const Block *b)
{
    return b->kind == BLOCK_CODE && (!b->lang || strcmp(b->lang, "python") == 0);
}

unsigned app_run_code_block(App *a)
{
    if (a->chapter < 0)
        return REACT_NONE;
    const Chapter *ch = &a->course->chapters[a->chapter];
    const Block *pick = NULL;
    int sec = -1;
    size_t rows = (size_t)(a->h > 2 ? a->h - 2 : 1);
    for (size_t l = a->top; l < a->doc.n && l < a->top + rows && !pick; l++) {
        const DocLine *dl = &a->doc.lines[l];
        if (dl->section >= 0 && (size_t)dl->section < ch->nsections && dl->block >= 0 &&
            (size_t)dl->block < ch->sections[dl->section].nblocks &&
            runnable(&ch->sections[dl->section].blocks[dl->block])) {
            pick = &ch->sections[dl->section].blocks[dl->block];
            sec = dl->section;
        }
    }
    if (!pick) {
        snprintf(a->notice, sizeof a->notice,
                 "No Python code block on screen: scroll to one, then press R.");
        return REACT_REDRAW;
    }
    char name[96];
    snprintf(name, sizeof name, "example-%d.%d.py", ch->number, sec + 1);
    Program *prog = xcalloc(1, sizeof *prog);
    program_init(prog, name, pick->text, strlen(pick->text), sim_profile_default());
    app_open_program(a, prog, PROGRAM_VIEW_ALL, false);
    snprintf(a->notice, sizeof a->notice,
             "The lesson's code on the model of CPython %s: Right steps, Esc goes back.",
             prog->prof->name);
    return REACT_REDRAW;
}

/* ---- x: a section's exercises ------------------------------------------------- */

static void add_pick(App *a, const char *id)
{
    for (int i = 0; i < a->npick; i++)
        if (strcmp(a->pick[i], id) == 0)
            return;
    if (a->npick < (int)(sizeof a->pick / sizeof a->pick[0]))
        snprintf(a->pick[a->npick++], sizeof a->pick[0], "%s", id);
}

static unsigned open_pick(App *a, int i)
{
    char id[64];
    snprintf(id, sizeof id, "%s", a->pick[i]);
    a->npick = 0;
    app_open_exercise(a, id);
    return REACT_REDRAW | REACT_SAVE_NOW;
}

unsigned app_reader_exercise(App *a)
{
    const Chapter *ch = &a->course->chapters[a->chapter];
    a->npick = a->pick_sel = 0;
    size_t rows = (size_t)(a->h > 2 ? a->h - 2 : 1);
    for (size_t l = a->top; l < a->doc.n && l < a->top + rows; l++) { /* those on screen */
        const DocLine *dl = &a->doc.lines[l];
        if (dl->section >= 0 && (size_t)dl->section < ch->nsections && dl->block >= 0 &&
            (size_t)dl->block < ch->sections[dl->section].nblocks &&
            ch->sections[dl->section].blocks[dl->block].kind == BLOCK_EXERCISE)
            add_pick(a, ch->sections[dl->section].blocks[dl->block].text);
    }
    int s = doc_section_of(&a->doc, a->top);
    if (a->npick == 0 && s >= 0 && (size_t)s < ch->nsections) /* else the section's */
        for (size_t b = 0; b < ch->sections[s].nblocks; b++)
            if (ch->sections[s].blocks[b].kind == BLOCK_EXERCISE)
                add_pick(a, ch->sections[s].blocks[b].text);
    if (a->npick == 0) {
        snprintf(a->notice, sizeof a->notice, "This section has no exercise.");
        return REACT_REDRAW;
    }
    return a->npick == 1 ? open_pick(a, 0) : REACT_REDRAW;
}

unsigned app_pick_key(App *a, int key)
{
    if (key >= '1' && key < '1' + a->npick)
        return open_pick(a, key - '1');
    switch (keys_lookup(key, ON_MENU)) {
    case ACT_UP: a->pick_sel = a->pick_sel > 0 ? a->pick_sel - 1 : 0; break;
    case ACT_DOWN: a->pick_sel = a->pick_sel + 1 < a->npick ? a->pick_sel + 1 : a->pick_sel; break;
    case ACT_OPEN: return open_pick(a, a->pick_sel);
    case ACT_BACK: a->npick = 0; break;
    default:
        if (key == 'q' || key == KEY_ESCAPE)
            a->npick = 0;
        break;
    }
    return REACT_REDRAW;
}

static const char *title_of(const App *a, const char *id, const char **kind)
{
    for (size_t i = 0; i < a->titles.n; i++)
        if (strcmp(a->titles.ids[i], id) == 0) {
            *kind = a->titles.kinds[i];
            return a->titles.titles[i];
        }
    *kind = NULL;
    return id;
}

void app_pick_draw(App *a, Canvas *cv)
{
    bool A = cv->ascii;
    int w = cv->w - 4 < 76 ? cv->w - 4 : 76, h = a->npick + 4;
    int x0 = (cv->w - w) / 2, y0 = (cv->h - h) / 2;
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
    canvas_text_fit(cv, x0 + 2, y0, w - 4, " This section offers two or more exercises ",
                    ROLE_HEADING);
    for (int i = 0; i < a->npick; i++) {
        const char *kind, *title = title_of(a, a->pick[i], &kind);
        char line[256];
        snprintf(line, sizeof line, "%d  %s%s%s%s", i + 1, title, kind ? " (" : "",
                 kind ? kind : "", kind ? ")" : "");
        bool sel = i == a->pick_sel;
        if (sel)
            canvas_fill(cv, (Rect){x0 + 1, y0 + 2 + i, w - 2, 1}, ' ', ROLE_SELECTED);
        canvas_put(cv, x0 + 2, y0 + 2 + i, sel ? glyph(A, GLYPH_POINTER) : ' ',
                   sel ? ROLE_SELECTED : ROLE_NORMAL);
        canvas_text_fit(cv, x0 + 4, y0 + 2 + i, w - 6, line, sel ? ROLE_SELECTED : ROLE_NORMAL);
    }
    canvas_text_fit(cv, x0 + 2, y0 + h - 1, w - 4, " 1-9 or Enter opens, Esc closes ",
                    ROLE_SUBTLE);
}
