/*
 * app: the state of the course screens and what keys do to it.
 *
 * Curses-free on purpose: the terminal front end (app/ui) feeds keys in and
 * copies the canvas out, and the headless `render` command and the unit
 * tests drive exactly the same code.  Key handling never draws; it returns
 * a Reaction saying what changed, and the loop decides what to repaint and
 * when to save (htop's handler/loop split).
 */
#ifndef PYDIVE_VIEW_APP_H
#define PYDIVE_VIEW_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "course/chartdata.h"
#include "course/datatable.h"
#include "course/course.h"
#include "course/workshop.h"
#include "learner/assess.h"
#include "learner/assess_log.h"
#include "learner/progress.h"
#include "learner/quiz.h"
#include "view/canvas.h"
#include "learner/exstate.h"
#include "script/exrun.h"
#include "view/doc.h"
#include "view/editor.h"
#include "view/glossary.h"
#include "view/keys.h"
#include "view/labs.h"
#include "view/program.h"
#include "view/views.h"
#include "view/search.h"

/* The smallest terminal every screen works in. */
#define APP_MIN_W 60
#define APP_MIN_H 16
/* Prose is laid out at most this wide and centred beyond it: long lines on
 * a wide terminal are hard to read. */
#define APP_TEXT_MAX 100

typedef enum ScreenId {
    SCREEN_HOME,
    SCREEN_READER,
    SCREEN_HELP,
    SCREEN_MENU,
    SCREEN_SEARCH,
    SCREEN_DASHBOARD,
    SCREEN_QUIZ,
    SCREEN_PROGRAM,
    SCREEN_GLOSSARY,
    SCREEN_EDITOR,
    SCREEN_CHARTS,
    SCREEN_TABLE,
    SCREEN_COUNT /* not a screen: how many there are (view/app.c has a row each) */
} ScreenId;

enum Reaction {
    REACT_NONE = 0,
    REACT_REDRAW = 1,   /* the canvas must be drawn again */
    REACT_PROGRESS = 2, /* progress changed: save soon */
    REACT_SAVE_NOW = 4, /* a milestone (chapter left, section read): save now */
    REACT_QUIT = 8,
    REACT_EDIT = 16,    /* suspend the screen and open ex_work in the learner's editor */
};

typedef struct App {
    const Course *course;  /* not owned */
    Progress *progress;    /* not owned; updated as the learner reads */
    const char *profile;   /* shown in the top bar */
    char notice[160];      /* one-line message for the hint bar; "" for none */
    const Workshop *workshop; /* a workshop pack's plan, or NULL; not owned */
    bool present;          /* presenter mode: bigger views, no learner-only panes */
    struct {
        int key;
        KeyAction action;
    } user_keys[32];       /* extra keys from the settings file, tried first */
    size_t nuser_keys;
    int default_speed;     /* statements per frame when a program runs (settings) */
    bool ascii;
    int w, h;              /* terminal size */
    ScreenId screen;
    /* Where each screen goes back to (Esc, or ? again on help), set when it
     * opens: back[SCREEN_HELP] is the screen help was asked on.  One table
     * for every screen instead of a field each; app_back() follows it.
     * back[SCREEN_PROGRAM] == SCREEN_PROGRAM: nowhere, Esc quits. */
    ScreenId back[SCREEN_COUNT];

    /* series page */
    int home_sel;          /* 0 = Resume, 1..nchapters = a chapter */
    int about_top;         /* scroll of the "about this series" pane */
    Doc about;             /* laid-out guide, readers and path */
    int about_width;

    /* chapter reader */
    int chapter;           /* index into course->chapters, -1 = none */
    Doc doc;               /* the chapter laid out for the current width */
    DocTitles titles;      /* exercises' kinds and titles, read on first layout */
    bool titles_ready;
    size_t top;            /* first visible line of doc */
    int menu_sel;          /* section menu selection */

    /* search: the prompt, the results, and the match to highlight */
    bool prompting;         /* the bottom line is reading a query ... */
    bool rating;            /* ... for a self-rating, not a search */
    char query[80];
    SearchHit *hits;        /* SEARCH_MAX_HITS, allocated on first use */
    size_t nhits;           /* all matches (only SEARCH_MAX_HITS are kept) */
    int hit_sel;
    char highlight[80];     /* the reader marks this text; "" for none */

    /* skill stage: assess is NULL when assessments/ could not be loaded */
    const AssessContent *assess; /* not owned */
    AssessLog *assess_log;       /* not owned; answers are recorded here */
    char assess_error[160];      /* why the dashboard is unavailable */
    int64_t today;               /* day number for the review queue */
    int dash_top;                /* dashboard scroll */
    Quiz quiz;
    bool quiz_on;                /* a quiz session is running */
    bool quiz_done;              /* the session ended: its summary is shown */
    bool quiz_shown;             /* the current item's result is on screen */
    Score score;                 /* the result shown */
    const Item *shown_item;      /* the item that result is for */
    char input[160];             /* the answer being typed */
    char input_err[160];         /* why the last answer could not be read */

    /* a program on the simulated CPython, with the live views */
    Program *prog;               /* owned while SCREEN_PROGRAM is open; NULL otherwise */
    HeapSnapshot snap;           /* of prog at snap_pos */
    size_t snap_pos;
    bool snap_valid;
    bool running;                /* stepping on every tick */
    int speed;                   /* statements per tick: 1, 2, 5, 10 ... */
    unsigned views;              /* bit set of PROGRAM_VIEW_* shown */
    int view_sel;                /* the view shown when only one fits */
    bool zoom;                   /* the selected view fills the screen */
    ArenaMapOptions arena_opts;
    bool pool_open;              /* the arena view shows one pool up close */
    int pool_arena, pool_index;  /* which (the model's numbering) */
    GraphOptions graph_opts;
    /* or a lab (lab/lab.h) on the same screen, its views beside the source */
    Lab *lab;                    /* owned while shown; NULL otherwise */
    LabViewOptions lab_opts;
    int lab_last_line;           /* the line started last, marked in the source */

    /* an exercise on the program screen (predict, fix or sandbox) */
    ExHandle *ex;                /* owned; NULL when none is open */
    ExState exst;
    char *ex_work;               /* fix and sandbox: the learner's file in the profile */
    const char *profile_dir;     /* not owned: where exercise state is kept */
    size_t ex_step;              /* predict: the first step not answered yet */
    bool ex_asking;              /* predict: a question is shown; typing answers it */
    bool ex_judged;              /* ... and its verdict is shown */
    ExVerdict ex_verdict;
    int ex_right;                /* predict: steps answered right (first or second try) */
    int ex_second;               /* ... of them at the second try */
    int ex_pane_top;             /* predict: first row of the question's body shown */
    int ex_pane_max_top;         /* ... its largest value at the last draw (0: all shows) */
    int ex_pane_page;            /* ... rows the body had at the last draw */
    int ex_tries;                /* predict: answers given to the open question (0, 1) */
    ExCheck ex_check;            /* fix: the last check */
    bool ex_checked;
    int64_t ex_mtime;            /* the work file's time when last run (watch mode) */
    int ex_hints;                /* rungs of the hint ladder on screen */
    bool ex_show_solution;
    uint8_t sec_seen[64];        /* reader: 1 once a section's heading was on screen,
                                    2 from the next move on (then its end marks it read) */
    char pick[9][64];            /* x on a section with several exercises: their ids */
    int npick, pick_sel;         /* 0: no chooser open */
    bool ex_confirm_give_up;
    Editor *editor;              /* the built-in editor, when no $VISUAL/$EDITOR is set */

    /* glossary: built on first use; the screen lists all terms or one section's */
    Glossary glossary;
    bool glossary_ready;
    size_t shown_terms[256];     /* indices into glossary.items, in the order shown */
    size_t nshown_terms;
    bool terms_of_section;       /* the list is this section's terms, not all */
    int term_sel;
    bool has_jump;               /* where the last jump started, for ' */
    int jump_chapter;
    size_t jump_top;

    /* charts (screen_charts.c): chapter 6's data sets, read on first use */
    ChartSet charts;
    bool charts_ready;
    char charts_error[200];      /* the first problem reading assets/data, or "" */
    int chart_sel;
    /* tables (screen_tables.c): comparison tables, read on first use */
    TableSet tables;
    bool tables_ready;
    char tables_error[200];      /* the first problem reading assets/tables, or "" */
    int table_sel;               /* which table */
    int table_row;               /* the selected row among those shown */
    int table_sort;              /* column sorted by; -1 = the file's order */
    bool table_desc;
    char table_filter[80];       /* rows shown contain this ("" = all) */
    bool filtering;              /* the prompt is typing the filter */

    /* help */
    int help_top;
    int64_t now;           /* caller-supplied clock for progress stamps */
} App;

void app_init(App *a, const Course *course, Progress *progress, const char *profile, bool ascii);
void app_fini(App *a);
/* Opens exercise `id` from the course's exercises/ (the app owns it then);
 * false with a notice when it cannot be loaded. */
bool app_open_exercise(App *a, const char *id);
/* Opens the exercise's file in the built-in editor (no $VISUAL/$EDITOR). */
void app_open_editor(App *a);
/* Adds a key for an action (from the settings file); false when full. */
bool app_bind(App *a, int key, KeyAction action);
/* Sets the clock: Unix seconds, and the day number for the review queue. */
void app_tick(App *a, int64_t now);
/* The width prose is laid out at, for the terminal's width. */
int app_text_width(const App *a);
/* Tells the app the terminal size (lays out again when the width changed). */
void app_resize(App *a, int w, int h);
/* Handles one key (see keys.h); returns Reaction bits. */
unsigned app_key(App *a, int key);
void app_draw(App *a, Canvas *cv);

/* Gives the app the assessment content and the learner's record (both
 * outlive it), or NULL and the reason they are unavailable. */
void app_set_assessments(App *a, const AssessContent *c, AssessLog *log, const char *error);
/* Starts a quiz: QUIZ_CHAPTER (chapter number), QUIZ_STAGE or QUIZ_REVIEW. */
unsigned app_start_quiz(App *a, QuizMode mode, int chapter);
/* A key while the quiz screen is shown (typing goes into the answer). */
unsigned app_quiz_key(App *a, int key);

enum {
    PROGRAM_VIEW_ARENA = 1,
    PROGRAM_VIEW_MEMORY = 2,
    PROGRAM_VIEW_GRAPH = 4,
    PROGRAM_VIEW_GC = 8,
    PROGRAM_VIEW_THREADS = 16, /* shown once the program started a thread */
    PROGRAM_VIEW_LOOP = 32,    /* shown once the program made an asyncio task */
    PROGRAM_VIEW_ALL = 63,
};
/* Parses "arena,memory,graph,gc,threads,loop" into PROGRAM_VIEW_* bits; 0 when a name is unknown. */
unsigned program_views_parse(const char *list);
/* Shows a program (the app takes ownership) with the given views; Esc
 * returns to the current screen, or quits when there is none (run --watch). */
void app_open_program(App *a, Program *prog, unsigned views, bool standalone);
/* Shows a lab (the app takes ownership; a lab that did not read shows its
 * source and errors), like app_open_program. */
void app_open_lab(App *a, Lab *lab, bool standalone);
void app_close_lab(App *a);
/* Reads a lab program; one that does not read comes back finished with its
 * errors as output, so the screen can still show the source and why. */
Lab *app_lab_load(const LabClass *cls, const char *name, const char *src, size_t len,
                  uint64_t seed);
/* Work between keys: a running program takes its next steps.  Returns
 * Reaction bits; app_timeout_ms says how soon to call again. */
unsigned app_idle(App *a);
int app_timeout_ms(const App *a);

/* Opens chapter `index` (0-based) at the start, or at the saved position.
 * A chapter the workshop's plan keeps closed or locked is not opened: the
 * notice says why, and false is returned. */
bool app_open_chapter(App *a, int index, bool at_saved_position);
/* Goes back to where the current screen was opened from (a->back). */
void app_back(App *a);
/* Resume: the saved chapter and position, or chapter one at the start. */
void app_resume(App *a);
/* Goes to a screen named like `render`'s argument: "home", "help",
 * "chapter:N" or "chapter:N:SECTION-ID".  False (with *err) if unknown. */
bool app_goto(App *a, const char *spec, char *err, size_t errlen);

/* Text of the current top line of the reader (tests compare positions). */
const char *app_top_line(const App *a);

#endif
