/*
 * ui: the curses front end.  It owns the terminal: sets it up, maps the
 * canvas's semantic roles to colours (or monochrome attributes), turns
 * curses keys into pydive keys, and runs the one event loop.  Nothing else
 * in pydive includes curses.
 */
#ifndef PYDIVE_UI_UI_H
#define PYDIVE_UI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "view/app.h"

/* Saves the learner's progress; returns false with a message in err. */
typedef bool (*UiSaveFn)(void *ctx, char *err, size_t errlen);

struct Theme;

typedef struct UiOptions {
    bool monochrome; /* NO_COLOR, or the user asked */
    const struct Theme *theme; /* the learner's theme, or NULL for the built-in looks */
    UiSaveFn save;   /* may be NULL (read-only) */
    void *save_ctx;
} UiOptions;

/* Runs the course in the terminal until the learner quits or a signal ends
 * it; progress is saved on the way out.  Returns the exit status: 0, 128+N
 * after signal N (SIGTERM, SIGHUP), or 1 when the last save failed (the
 * reason is printed on stderr once the terminal is restored). */
int ui_run(App *app, const UiOptions *opt);

/* A list to choose one item from, before anything else runs (the profile
 * picker), with item `initial` selected at first.  Returns the index picked,
 * or -1 when the learner gives up. */
int ui_choose(const char *title, const char *const *items, size_t n, size_t initial,
              const char *footer, bool ascii);
/* Shows a text to scroll through until q (the class report on a terminal). */
int ui_page(const char *title, const char *text, bool ascii);
/* Copies a canvas to the terminal without colour (for ui_choose). */
void ui_blit_plain(const Canvas *cv);
/* True when $TERM names a terminal that can draw screens (it is known and
 * can move the cursor); false with the reason in `why` (TERM=dumb, unset or
 * unknown), so the caller can fall back to plain text. */
bool ui_terminal_usable(char *why, size_t whylen);

#endif
