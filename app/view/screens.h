/*
 * screens: one draw function per screen, plus the bars they share.
 * Internal to app/view; app.c is the only caller of the draw functions.
 */
#ifndef PYDIVE_VIEW_SCREENS_H
#define PYDIVE_VIEW_SCREENS_H

#include "view/app.h"
#include "view/canvas.h"
#include "view/access.h"
#include "view/glyphs.h"
#include "view/keys.h"

/* A screen as one row of a table (htop's PanelClass, our LabClass): its
 * name, the key-table bit its bindings carry (keys.h ON_*), how it draws and
 * what an action does on it.  app.c dispatches through screen_class(); a
 * screen whose `act` is NULL reads raw keys before dispatch (quiz, editor). */
typedef struct ScreenClass {
    const char *name;
    unsigned keys;                                   /* ON_* bit; 0: none */
    void (*draw)(App *a, Canvas *cv);
    unsigned (*act)(App *a, KeyAction act, int key); /* Reaction bits */
} ScreenClass;
const ScreenClass *screen_class(ScreenId id);

void screen_home_draw(App *a, Canvas *cv);
void screen_reader_draw(App *a, Canvas *cv);
void screen_menu_draw(App *a, Canvas *cv);
void screen_help_draw(App *a, Canvas *cv);
void screen_search_draw(App *a, Canvas *cv);
void screen_dashboard_draw(App *a, Canvas *cv);
void screen_quiz_draw(App *a, Canvas *cv);
void screen_program_draw(App *a, Canvas *cv);
void screen_glossary_draw(App *a, Canvas *cv);
/* The charts (screen_charts.c): open (chart id or NULL), keys, draw, free. */
unsigned app_open_charts(App *a, const char *id);
unsigned app_charts_key(App *a, KeyAction act);
void screen_charts_draw(App *a, Canvas *cv);
void app_charts_fini(App *a);
/* Whether a chapter open here has charts (tables); C (D) says so when not. */
bool app_has_charts(App *a);
unsigned app_open_charts_if_any(App *a);
/* The comparison tables (screen_tables.c). */
unsigned app_open_tables(App *a, const char *id);
unsigned app_tables_key(App *a, KeyAction act);
void screen_tables_draw(App *a, Canvas *cv);
void app_tables_fini(App *a);
bool app_has_tables(App *a);
unsigned app_open_tables_if_any(App *a);

/* The exercise on the program screen (app_exercise.c). */
void app_close_exercise(App *a);
bool app_exercise_holds_step(App *a);
void app_exercise_offer(App *a);
void app_program_first_view(App *a, const char *name);
void app_exercise_restart(App *a);
/* The learner's path (app_path.c): exercises solved of all open here, X for
 * the next one not solved, R for the lesson's code block on screen. */
void app_exercise_tally(App *a, int *done, int *total);
unsigned app_next_exercise(App *a);
unsigned app_run_code_block(App *a);
/* x in the reader: the exercise on screen, or a chooser when there are several. */
unsigned app_reader_exercise(App *a);
unsigned app_pick_key(App *a, int key);
void app_pick_draw(App *a, Canvas *cv);
unsigned app_exercise_input(App *a, int key);
unsigned app_exercise_key(App *a, KeyAction act);
unsigned app_exercise_idle(App *a);
int app_exercise_pane_height(const App *a);
void app_exercise_draw_pane(App *a, Canvas *cv, int top);
/* less's keys on an open question's body (exercise_pane.c); false when the
 * key is not one of them or the body fits. */
bool app_exercise_pane_scroll(App *a, int key);
unsigned app_editor_key(App *a, int key);
unsigned app_open_glossary(App *a, bool this_section);
unsigned app_glossary_key(App *a, KeyAction act);
unsigned app_jump_back(App *a);
/* Runs the search in a->query and shows its hits (app.c). */
void app_run_search(App *a);
/* Scrolls the reader to a line (clamped); Reaction bits (app.c). */
unsigned app_scroll_to(App *a, long line);
unsigned app_reader_next_match(App *a, int dir);
unsigned app_program_key(App *a, KeyAction act);
/* The program screen's panes, shared with the lab screen. */
/* A program's text with line numbers, long lines wrapped, `line` marked. */
void program_pane_text(Canvas *cv, Rect r, const char *title, const char *src, int line,
                       int last_line);
bool program_solution_shown(const App *a);
void program_pane_solution(App *a, Canvas *cv, Rect r);
void program_pane_source(App *a, Canvas *cv, Rect r, const char *source, int line,
                         int last_line);
void program_pane_output(Canvas *cv, Rect r, const Buf *output, bool finished, int exit_code);
/* A lab (lab/lab.h) on the program screen (screen_lab.c). */
unsigned app_lab_key(App *a, KeyAction act);
unsigned app_lab_idle(App *a);
void screen_lab_draw(App *a, Canvas *cv);
/* The line about to run on the program screen: the program's or the lab's. */
int app_current_line(const App *a);

/* What the workshop plan allows for a chapter (always open without one). */
ChapterAccess app_chapter_access(const App *a, const Chapter *ch);
/* A self-rating typed as "AREA RATING" (app_assess.c); Reaction bits. */
unsigned app_rate_yourself(App *a, const char *line);
/* The dashboard's keys (app_assess.c). */
unsigned app_dashboard_key(App *a, KeyAction act, int key);
void screen_too_small_draw(App *a, Canvas *cv);

/* The top bar: `left` text, and `right` text flush right. */
void chrome_top(App *a, Canvas *cv, const char *left, const char *right);
/* The bottom bar: the notice if any, else the hints of this screen's keys. */
void chrome_hints(App *a, Canvas *cv, unsigned screen_bit);
/* The same without the keys of `skip` (a screen where they do nothing). */
void chrome_hints_except(App *a, Canvas *cv, unsigned screen_bit, const KeyAction *skip,
                         size_t nskip);
/* Draws a laid-out line at row y, marking matches of `highlight` (may be
 * NULL or ""). */
void chrome_doc_line(Canvas *cv, int x, int y, const DocLine *l, const char *highlight);
/* Marks every match of `needle` in text drawn at (x, y). */
void chrome_mark_matches(Canvas *cv, int x, int y, const char *text, size_t len,
                         const char *needle);
/* A progress bar of `width` cells for done/total; returns columns drawn. */
int chrome_bar(Canvas *cv, int x, int y, int width, size_t done, size_t total);

#endif
