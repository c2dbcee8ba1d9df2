/*
 * app: screen state, key dispatch and reading-position tracking
 * (see app.h).  Drawing lives in the screen_*.c files.
 */
#include "view/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "base/xalloc.h"
#include "view/access.h"
#include "view/editor.h"
#include "view/keys.h"
#include "view/screens.h"

void app_init(App *a, const Course *course, Progress *progress, const char *profile, bool ascii)
{
    *a = (App){0};
    a->course = course;
    a->progress = progress;
    a->profile = profile;
    a->ascii = ascii;
    a->chapter = -1;
    a->screen = SCREEN_HOME;
    a->w = 80;
    a->h = 24;
    doc_links_use(course);
}

void app_back(App *a)
{
    if ((unsigned)a->screen < sizeof a->back / sizeof *a->back)
        a->screen = a->back[a->screen];
}

bool app_bind(App *a, int key, KeyAction action)
{
    if (a->nuser_keys >= sizeof a->user_keys / sizeof a->user_keys[0])
        return false;
    a->user_keys[a->nuser_keys].key = key;
    a->user_keys[a->nuser_keys++].action = action;
    return true;
}

void app_fini(App *a)
{
    doc_fini(&a->doc);
    doc_fini(&a->about);
    free(a->hits);
    if (a->quiz_shown)
        score_fini(&a->score);
    if (a->quiz_on)
        quiz_fini(&a->quiz);
    if (a->snap_valid)
        snapshot_free(&a->snap);
    if (a->prog) {
        program_fini(a->prog);
        free(a->prog);
    }
    app_close_lab(a);
    if (a->titles_ready)
        doc_titles_fini(&a->titles);
    if (a->glossary_ready)
        glossary_fini(&a->glossary);
    app_close_exercise(a);
    app_charts_fini(a);
    app_tables_fini(a);
    if (a->editor) {
        editor_fini(a->editor);
        free(a->editor);
    }
}

int app_text_width(const App *a)
{
    return a->w > APP_TEXT_MAX ? APP_TEXT_MAX : a->w;
}

static int body_height(const App *a)
{
    return a->h - 2 > 1 ? a->h - 2 : 1;
}

static const Chapter *current_chapter(const App *a)
{
    if (a->chapter < 0 || (size_t)a->chapter >= a->course->nchapters)
        return NULL;
    return &a->course->chapters[a->chapter];
}

static size_t max_top(const App *a)
{
    size_t h = (size_t)body_height(a);
    return a->doc.n > h ? a->doc.n - h : 0;
}

/* ---- reading position ---------------------------------------------------- */

/* Saves the top line's tag as the learner's position and marks as read every
 * section whose last line is on screen once the learner has moved through it:
 * some of it was on screen at an earlier position, so opening a chapter or
 * jumping past a section does not count as reading it.  Returns Reaction bits. */
static unsigned record_position(App *a)
{
    const Chapter *ch = current_chapter(a);
    if (!ch || !a->progress || a->doc.n == 0)
        return REACT_NONE;
    const DocLine *l = &a->doc.lines[a->top];
    const char *section_id = NULL; /* NULL: in the chapter's header, at line `sub` */
    int block = 0, sub = l->section < 0 ? l->sub : 0;
    if (l->section >= 0 && (size_t)l->section < ch->nsections) {
        section_id = ch->sections[l->section].id;
        block = l->block + 1; /* progress counts the heading as block 0 */
        sub = l->sub;
    }
    progress_set_position(a->progress, ch->id, section_id, block, sub, a->now);
    unsigned r = REACT_PROGRESS;
    size_t bottom = a->top + (size_t)body_height(a);
    for (size_t s = 0; s < ch->nsections; s++) {
        size_t last = s + 1 < ch->nsections ? a->doc.section_line[s + 1] - 1 : a->doc.n - 1;
        size_t head = a->doc.section_line[s];
        uint8_t *seen = s < sizeof a->sec_seen ? &a->sec_seen[s] : NULL;
        bool moved_through = !seen || *seen == 2;
        if (seen && *seen == 1)
            *seen = 2; /* seen before this position: from now on its end counts */
        if (seen && *seen == 0 && head < bottom && last >= a->top)
            *seen = 1; /* some of it is on screen */
        if (moved_through && last >= a->top && last < bottom &&
            !progress_is_read(a->progress, ch->id, ch->sections[s].id)) {
            progress_mark_read(a->progress, ch->id, ch->sections[s].id, a->now);
            r |= REACT_SAVE_NOW;
        }
    }
    return r;
}

static unsigned scroll_to(App *a, long target);

unsigned app_scroll_to(App *a, long line)
{
    return scroll_to(a, line);
}

static unsigned scroll_to(App *a, long target)
{
    if (target < 0)
        target = 0;
    if ((size_t)target > max_top(a))
        target = (long)max_top(a);
    if ((size_t)target == a->top)
        return REACT_NONE;
    a->top = (size_t)target;
    return REACT_REDRAW | record_position(a);
}

static void layout_chapter(App *a)
{
    const Chapter *ch = current_chapter(a);
    if (!ch)
        return;
    if (!a->titles_ready) { /* once: the exercises' titles for their references */
        doc_titles_load(&a->titles, a->course ? a->course->dir : NULL);
        a->titles_ready = true;
    }
    doc_layout_chapter_titled(&a->doc, ch, app_text_width(a), a->ascii, &a->titles);
}

ChapterAccess app_chapter_access(const App *a, const Chapter *ch)
{
    AccessCtx ctx = {a->workshop, a->course, a->progress, a->assess, a->assess_log, a->now};
    return access_chapter(&ctx, ch->id);
}

bool app_open_chapter(App *a, int index, bool at_saved_position)
{
    if (index < 0 || (size_t)index >= a->course->nchapters)
        return false;
    ChapterAccess acc = app_chapter_access(a, &a->course->chapters[index]);
    if (acc.state != ACCESS_OPEN) {
        snprintf(a->notice, sizeof a->notice, "%s", acc.why[0] ? acc.why
                                                                : "This chapter is not open yet.");
        return false;
    }
    a->chapter = index;
    a->screen = SCREEN_READER;
    a->highlight[0] = '\0';
    memset(a->sec_seen, 0, sizeof a->sec_seen);
    layout_chapter(a);
    a->top = 0;
    const Chapter *ch = current_chapter(a);
    const ChapterProgress *cp = a->progress ? progress_chapter_get(a->progress, ch->id) : NULL;
    if (at_saved_position && cp && cp->section_id) {
        int s = chapter_section_index(ch, cp->section_id);
        if (s >= 0)
            a->top = doc_find(&a->doc, s, cp->block - 1, cp->line);
    } else if (at_saved_position && cp && cp->line > 0) {
        /* A place in the header (title, objectives), kept as its line. */
        size_t line = (size_t)cp->line;
        while (line > 0 && (line >= a->doc.n || a->doc.lines[line].section >= 0))
            line--;
        a->top = line;
    }
    if (a->top > max_top(a))
        a->top = max_top(a);
    record_position(a);
    return true;
}

void app_resume(App *a)
{
    const char *last = a->progress ? a->progress->last_chapter : NULL;
    const Chapter *ch = last ? course_chapter_by_id(a->course, last) : NULL;
    if (!ch) {
        app_open_chapter(a, 0, false);
        return;
    }
    app_open_chapter(a, (int)(ch - a->course->chapters), true);
}

void app_resize(App *a, int w, int h)
{
    bool width_changed = w != a->w;
    a->w = w;
    a->h = h;
    if (!width_changed)
        return;
    doc_fini(&a->about);
    a->about_width = 0;
    if (a->screen == SCREEN_READER || a->screen == SCREEN_MENU ||
        (a->screen == SCREEN_HELP && a->back[SCREEN_HELP] != SCREEN_HOME)) {
        /* Keep the same place in the text across the new wrapping. */
        const DocLine *l = a->doc.n ? &a->doc.lines[a->top] : NULL;
        int s = l ? l->section : -1, b = l ? l->block : 0, sub = l ? l->sub : 0;
        layout_chapter(a);
        a->top = s >= 0 ? doc_find(&a->doc, s, b, sub) : 0;
        if (a->top > max_top(a))
            a->top = max_top(a);
    }
}

/* ---- keys ---------------------------------------------------------------- */

static unsigned reader_key(App *a, KeyAction act)
{
    const Chapter *ch = current_chapter(a);
    long page = body_height(a) > 2 ? body_height(a) - 2 : 1;
    long top = (long)a->top;
    int sec = doc_section_of(&a->doc, a->top);
    switch (act) {
    case ACT_UP: return scroll_to(a, top - 1);
    case ACT_DOWN: return scroll_to(a, top + 1);
    case ACT_WHEEL_UP: return scroll_to(a, top - 3);
    case ACT_WHEEL_DOWN: return scroll_to(a, top + 3);
    case ACT_PAGE_UP: return scroll_to(a, top - page);
    case ACT_PAGE_DOWN: return scroll_to(a, top + page);
    case ACT_HALF_UP: return scroll_to(a, top - page / 2);
    case ACT_HALF_DOWN: return scroll_to(a, top + page / 2);
    case ACT_TOP: return scroll_to(a, 0);
    case ACT_BOTTOM: return scroll_to(a, (long)max_top(a));
    case ACT_NEXT_SECTION:
        if (sec + 1 < (int)a->doc.nsections)
            return scroll_to(a, (long)a->doc.section_line[sec + 1]);
        return scroll_to(a, (long)max_top(a));
    case ACT_PREV_SECTION: {
        /* Back to this section's heading, or the one before when already there. */
        if (sec >= 0 && sec < (int)a->doc.nsections && a->top > a->doc.section_line[sec])
            return scroll_to(a, (long)a->doc.section_line[sec]);
        if (sec >= (int)a->doc.nsections && a->doc.nsections > 0)
            return scroll_to(a, (long)a->doc.section_line[a->doc.nsections - 1]);
        if (sec > 0)
            return scroll_to(a, (long)a->doc.section_line[sec - 1]);
        return scroll_to(a, 0);
    }
    case ACT_SECTIONS:
        a->screen = SCREEN_MENU;
        a->menu_sel = sec < 0 ? 0 : (sec >= (int)ch->nsections ? (int)ch->nsections - 1 : sec);
        return REACT_REDRAW;
    case ACT_NEXT_CHAPTER:
    case ACT_PREV_CHAPTER: {
        int next = a->chapter + (act == ACT_NEXT_CHAPTER ? 1 : -1);
        if (next < 0 || (size_t)next >= a->course->nchapters) {
            snprintf(a->notice, sizeof a->notice, "%s",
                     next < 0 ? "This is the first chapter." : "This is the last chapter.");
            return REACT_REDRAW;
        }
        app_open_chapter(a, next, true);
        return REACT_REDRAW | REACT_PROGRESS | REACT_SAVE_NOW;
    }
    case ACT_BACK:
        a->screen = SCREEN_HOME;
        a->home_sel = a->chapter + 1;
        return REACT_REDRAW | REACT_SAVE_NOW;
    case ACT_CHAPTER_CHECK: return app_start_quiz(a, QUIZ_CHAPTER, ch->number);
    case ACT_RUN_CODE: return app_run_code_block(a);
    case ACT_NEXT_EXERCISE: return app_next_exercise(a);
    case ACT_GLOSSARY: return app_open_glossary(a, false);
    case ACT_TERMS: return app_open_glossary(a, true);
    case ACT_JUMP_BACK: return app_jump_back(a);
    case ACT_EXERCISE: return app_reader_exercise(a);
    case ACT_DASHBOARD: a->screen = SCREEN_DASHBOARD; return REACT_REDRAW;
    case ACT_CHARTS: return app_open_charts_if_any(a);
    case ACT_TABLES: return app_open_tables_if_any(a);
    default: return REACT_NONE;
    }
}

static unsigned home_key(App *a, KeyAction act, int key)
{
    int items = (int)a->course->nchapters + 2; /* Resume, chapters, skill stage */
    int digit = keys_digit(key);
    if (digit && digit <= (int)a->course->nchapters) {
        app_open_chapter(a, digit - 1, true);
        return REACT_REDRAW | REACT_PROGRESS;
    }
    switch (act) {
    case ACT_UP: a->home_sel = a->home_sel > 0 ? a->home_sel - 1 : 0; return REACT_REDRAW;
    case ACT_DOWN:
        a->home_sel = a->home_sel + 1 < items ? a->home_sel + 1 : items - 1;
        return REACT_REDRAW;
    case ACT_TOP: a->home_sel = 0; return REACT_REDRAW;
    case ACT_BOTTOM: a->home_sel = items - 1; return REACT_REDRAW;
    case ACT_PAGE_DOWN:
    case ACT_WHEEL_DOWN: a->about_top += act == ACT_PAGE_DOWN ? 5 : 3; return REACT_REDRAW;
    case ACT_PAGE_UP:
    case ACT_WHEEL_UP:
        a->about_top -= act == ACT_PAGE_UP ? 5 : 3;
        if (a->about_top < 0)
            a->about_top = 0;
        return REACT_REDRAW;
    case ACT_RESUME: app_resume(a); return REACT_REDRAW | REACT_PROGRESS;
    case ACT_DASHBOARD: a->screen = SCREEN_DASHBOARD; return REACT_REDRAW;
    case ACT_GLOSSARY: return app_open_glossary(a, false);
    case ACT_CHARTS: return app_open_charts_if_any(a);
    case ACT_TABLES: return app_open_tables_if_any(a);
    case ACT_NEXT_EXERCISE: return app_next_exercise(a);
    case ACT_OPEN:
        if (a->home_sel == 0)
            app_resume(a);
        else if (a->home_sel == items - 1)
            a->screen = SCREEN_DASHBOARD;
        else
            app_open_chapter(a, a->home_sel - 1, true);
        return REACT_REDRAW | REACT_PROGRESS;
    default: return REACT_NONE;
    }
}

static unsigned menu_key(App *a, KeyAction act)
{
    const Chapter *ch = current_chapter(a);
    int n = (int)ch->nsections;
    switch (act) {
    case ACT_UP: a->menu_sel = a->menu_sel > 0 ? a->menu_sel - 1 : 0; return REACT_REDRAW;
    case ACT_DOWN: a->menu_sel = a->menu_sel + 1 < n ? a->menu_sel + 1 : n - 1; return REACT_REDRAW;
    case ACT_TOP: a->menu_sel = 0; return REACT_REDRAW;
    case ACT_BOTTOM: a->menu_sel = n - 1; return REACT_REDRAW;
    case ACT_OPEN:
        a->screen = SCREEN_READER;
        return REACT_REDRAW | scroll_to(a, (long)a->doc.section_line[a->menu_sel]);
    case ACT_BACK: a->screen = SCREEN_READER; return REACT_REDRAW;
    default: return REACT_NONE;
    }
}

static unsigned help_key(App *a, KeyAction act)
{
    switch (act) {
    case ACT_UP: case ACT_WHEEL_UP: a->help_top--; break;
    case ACT_DOWN: case ACT_WHEEL_DOWN: a->help_top++; break;
    case ACT_PAGE_UP: case ACT_HALF_UP: a->help_top -= a->h / 2; break;
    case ACT_PAGE_DOWN: case ACT_HALF_DOWN: a->help_top += a->h / 2; break;
    case ACT_TOP: a->help_top = 0; break;
    case ACT_BOTTOM: a->help_top = 1 << 20; break;
    case ACT_BACK: case ACT_HELP: app_back(a); break;
    default: return REACT_NONE;
    }
    if (a->help_top < 0)
        a->help_top = 0;
    return REACT_REDRAW; /* the help screen clamps help_top when drawing */
}

/* ---- search ------------------------------------------------------------- */

static unsigned start_prompt(App *a, bool rating)
{
    a->prompting = true;
    a->rating = rating;
    a->filtering = a->screen == SCREEN_TABLE; /* the table's filter, shown as typed */
    snprintf(a->query, sizeof a->query, "%s", a->filtering ? a->table_filter : "");
    return REACT_REDRAW;
}

void app_run_search(App *a)
{
    if (!a->hits)
        a->hits = xcalloc(SEARCH_MAX_HITS, sizeof *a->hits);
    a->nhits = search_course(a->course, a->query, a->hits, SEARCH_MAX_HITS);
    a->hit_sel = 0;
    if (a->screen != SCREEN_SEARCH)
        a->back[SCREEN_SEARCH] = a->screen == SCREEN_READER ? SCREEN_READER : SCREEN_HOME;
    a->screen = SCREEN_SEARCH;
}

/* The prompt owns every key until Enter or Esc. */
static unsigned prompt_key(App *a, int key)
{
    size_t len = strlen(a->query);
    if (key == KEY_ESCAPE) {
        a->prompting = a->filtering = false;
    } else if (key == KEY_RETURN && a->filtering) {
        a->prompting = a->filtering = false;
        snprintf(a->table_filter, sizeof a->table_filter, "%s", a->query);
        a->table_row = 0;
    } else if (key == KEY_RETURN) {
        a->prompting = false;
        if (len > 0 && a->rating)
            return REACT_REDRAW | app_rate_yourself(a, a->query);
        if (len > 0)
            app_run_search(a);
    } else if (key == KEY_BACKSPACE_KEY) {
        while (len > 0 && ((unsigned char)a->query[len - 1] & 0xC0) == 0x80)
            len--; /* drop a whole UTF-8 character */
        if (len > 0)
            len--;
        a->query[len] = '\0';
    } else if (key >= ' ' && key < KEY_SPECIAL && key != 127) {
        char enc[4];
        size_t n = utf8_encode((uint32_t)key, enc);
        if (len + n < sizeof a->query) {
            memcpy(a->query + len, enc, n);
            a->query[len + n] = '\0';
        }
    }
    return REACT_REDRAW;
}

/* Opens a hit: its chapter, scrolled so the matching line is on top. */
static unsigned open_hit(App *a, const SearchHit *h)
{
    if (!app_open_chapter(a, h->chapter, false))
        return REACT_REDRAW;
    long line = (long)a->doc.section_line[h->section];
    if (h->block >= 0) {
        size_t from = doc_find(&a->doc, h->section, h->block, 0);
        line = (long)from;
        for (size_t i = from; i < a->doc.n && a->doc.lines[i].block == h->block &&
                              a->doc.lines[i].section == h->section; i++) {
            if (search_find(a->doc.lines[i].text, a->doc.lines[i].len, a->query) >= 0) {
                line = (long)i;
                break;
            }
        }
    }
    snprintf(a->highlight, sizeof a->highlight, "%s", a->query);
    return REACT_REDRAW | REACT_SAVE_NOW | scroll_to(a, line > 0 ? line - 1 : 0);
}

static unsigned search_key(App *a, KeyAction act)
{
    int n = a->nhits < SEARCH_MAX_HITS ? (int)a->nhits : SEARCH_MAX_HITS;
    int page = (a->h - 3) / 2 > 1 ? (a->h - 3) / 2 : 1;
    switch (act) {
    case ACT_UP: case ACT_WHEEL_UP: a->hit_sel--; break;
    case ACT_DOWN: case ACT_WHEEL_DOWN: a->hit_sel++; break;
    case ACT_PAGE_UP: case ACT_HALF_UP: a->hit_sel -= page; break;
    case ACT_PAGE_DOWN: case ACT_HALF_DOWN: a->hit_sel += page; break;
    case ACT_TOP: a->hit_sel = 0; break;
    case ACT_BOTTOM: a->hit_sel = n - 1; break;
    case ACT_OPEN:
        if (n > 0)
            return open_hit(a, &a->hits[a->hit_sel]);
        return REACT_NONE;
    case ACT_BACK: app_back(a); return REACT_REDRAW;
    default: return REACT_NONE;
    }
    if (a->hit_sel >= n)
        a->hit_sel = n - 1;
    if (a->hit_sel < 0)
        a->hit_sel = 0;
    return REACT_REDRAW;
}

/* ---- the screens, one row each ----------------------------------------- */

static void menu_draw(App *a, Canvas *cv)
{
    screen_reader_draw(a, cv); /* the menu sits over the page it came from */
    screen_menu_draw(a, cv);
}

static void editor_screen_draw(App *a, Canvas *cv) { editor_draw(a->editor, cv); }

/* The actions of the screens defined elsewhere, in the table's shape. */
static unsigned reader_act(App *a, KeyAction act, int key) { (void)key; return reader_key(a, act); }
static unsigned menu_act(App *a, KeyAction act, int key) { (void)key; return menu_key(a, act); }
static unsigned help_act(App *a, KeyAction act, int key) { (void)key; return help_key(a, act); }
static unsigned search_act(App *a, KeyAction act, int key) { (void)key; return search_key(a, act); }
static unsigned program_act(App *a, KeyAction act, int key)
{
    (void)key;
    unsigned r = app_program_key(a, act);
    app_exercise_offer(a); /* an exercise may have something to ask now */
    return r;
}
static unsigned glossary_act(App *a, KeyAction act, int key) { (void)key; return app_glossary_key(a, act); }
static unsigned charts_act(App *a, KeyAction act, int key) { (void)key; return app_charts_key(a, act); }
static unsigned tables_act(App *a, KeyAction act, int key) { (void)key; return app_tables_key(a, act); }

static const ScreenClass screens[] = {
    [SCREEN_HOME] = {"home", ON_HOME, screen_home_draw, home_key},
    [SCREEN_READER] = {"reader", ON_READER, screen_reader_draw, reader_act},
    [SCREEN_HELP] = {"help", ON_HELP, screen_help_draw, help_act},
    [SCREEN_MENU] = {"menu", ON_MENU, menu_draw, menu_act},
    [SCREEN_SEARCH] = {"search", ON_SEARCH, screen_search_draw, search_act},
    [SCREEN_DASHBOARD] = {"dashboard", ON_DASH, screen_dashboard_draw, app_dashboard_key},
    [SCREEN_QUIZ] = {"quiz", ON_QUIZ, screen_quiz_draw, NULL},
    [SCREEN_PROGRAM] = {"program", ON_PROGRAM, screen_program_draw, program_act},
    [SCREEN_GLOSSARY] = {"glossary", ON_GLOSSARY, screen_glossary_draw, glossary_act},
    [SCREEN_EDITOR] = {"editor", 0, editor_screen_draw, NULL},
    [SCREEN_CHARTS] = {"charts", ON_CHARTS, screen_charts_draw, charts_act},
    [SCREEN_TABLE] = {"tables", ON_TABLE, screen_tables_draw, tables_act},
};
_Static_assert(sizeof screens / sizeof *screens == SCREEN_COUNT, "a row per ScreenId");

const ScreenClass *screen_class(ScreenId id)
{
    return (unsigned)id < sizeof screens / sizeof *screens ? &screens[id] : &screens[SCREEN_HOME];
}

static unsigned screen_bit(ScreenId s) { return screen_class(s)->keys; }

unsigned app_key(App *a, int key)
{
    bool had_notice = a->notice[0] != '\0';
    a->notice[0] = '\0';
    unsigned r = had_notice ? REACT_REDRAW : REACT_NONE;
    if (a->w < APP_MIN_W || a->h < APP_MIN_H) /* only quitting works in the gate */
        return r | (key == 'q' || key == 'Q' ? REACT_QUIT : REACT_NONE);
    if (a->prompting)
        return r | prompt_key(a, key);
    if (a->npick > 0) /* which of a section's exercises: the chooser has the keys */
        return r | app_pick_key(a, key);
    if (a->screen == SCREEN_QUIZ) {
        bool summary = a->quiz_done;
        r |= app_quiz_key(a, key);
        /* Leaving the summary does not swallow the key: but for the keys that
         * mean "back", it acts on the screen the session came from. */
        if (!summary || a->screen == SCREEN_QUIZ || key == KEY_RETURN || key == KEY_ESCAPE ||
            key == ' ' || key == 'q')
            return r;
    }
    if (a->screen == SCREEN_PROGRAM && a->ex && a->ex_asking)
        return r | app_exercise_input(a, key);
    if (a->screen == SCREEN_EDITOR && a->editor) /* every key is the editor's */
        return r | app_editor_key(a, key);
    if (a->screen == SCREEN_READER && a->highlight[0] && (key == 'n' || key == 'N'))
        return r | app_reader_next_match(a, key == 'n' ? 1 : -1); /* less's n and N */
    KeyAction act = ACT_NONE;
    for (size_t i = 0; i < a->nuser_keys && act == ACT_NONE; i++)
        if (a->user_keys[i].key == key &&
            (keys_action_screens(a->user_keys[i].action) & screen_bit(a->screen)))
            act = a->user_keys[i].action;
    if (act == ACT_NONE)
        act = keys_lookup(key, screen_bit(a->screen));
    if (act == ACT_SEARCH)
        return r | start_prompt(a, false);
    if (act == ACT_SELF_RATE && a->assess)
        return r | start_prompt(a, true);
    if (act == ACT_QUIT)
        return r | REACT_QUIT | REACT_SAVE_NOW;
    if (act == ACT_HELP && a->screen != SCREEN_HELP) {
        a->back[SCREEN_HELP] = a->screen;
        a->screen = SCREEN_HELP;
        a->help_top = 0;
        return r | REACT_REDRAW;
    }
    const ScreenClass *sc = screen_class(a->screen);
    return sc->act ? r | sc->act(a, act, key) : r;
}

/* ---- drawing and navigation by name ------------------------------------ */

void app_draw(App *a, Canvas *cv)
{
    canvas_clear(cv);
    if (cv->w < APP_MIN_W || cv->h < APP_MIN_H) {
        screen_too_small_draw(a, cv);
        return;
    }
    screen_class(a->screen)->draw(a, cv);
}

const char *app_top_line(const App *a)
{
    return a->doc.n ? a->doc.lines[a->top].text : "";
}
