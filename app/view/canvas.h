/*
 * canvas: an in-memory grid of cells that every screen draws on.
 *
 * A cell holds one code point, a semantic role (what it *means*: heading,
 * code, selection...) and nothing about colour; the curses front end maps
 * roles to colours or monochrome attributes, the headless back end prints
 * code points only.  A wide character takes two cells: the second holds
 * CANVAS_CONT.  Drawing outside the grid is clipped silently, so views never
 * need to check bounds before calling in.
 */
#ifndef PYDIVE_VIEW_CANVAS_H
#define PYDIVE_VIEW_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

typedef enum Role {
    ROLE_NORMAL,
    ROLE_TITLE,      /* the top bar */
    ROLE_HEADING,    /* section headings */
    ROLE_SUBTLE,     /* secondary text: metadata, rules */
    ROLE_EMPH,       /* *emphasis* */
    ROLE_STRONG,     /* **strong** */
    ROLE_CODE,       /* `inline code` */
    ROLE_CODEBLOCK,  /* code blocks */
    ROLE_NOTE,
    ROLE_TIP,
    ROLE_WARNING,
    ROLE_MISCONCEPTION,
    ROLE_CITE,       /* [n] citation marks */
    ROLE_SELECTED,   /* the selected row of a list */
    ROLE_STATUS,     /* the key-hint bar */
    ROLE_KEY,        /* a key name inside hints and help */
    ROLE_DONE,       /* finished progress */
    ROLE_PENDING,       /* unfinished progress */
    ROLE_ERROR,
    ROLE_GARBAGE,    /* objects the collector will take: greyed */
    ROLE_TERM,       /* a glossary term: its first explanation is one key away */
    ROLE_PAL0,       /* ROLE_PAL0..5: a palette for categories (size classes) */
    ROLE_PAL1,
    ROLE_PAL2,
    ROLE_PAL3,
    ROLE_PAL4,
    ROLE_PAL5,
    ROLE_COUNT
} Role;

#define CANVAS_CONT 0xFFFFFFFFu /* right half of a wide character */

typedef struct Cell {
    uint32_t cp;
    uint8_t role;
} Cell;

typedef struct Canvas {
    int w, h;
    Cell *cells; /* w * h, row-major */
    bool ascii;  /* draw with ASCII glyphs only (non-UTF-8 locale) */
} Canvas;

typedef struct Rect {
    int x, y, w, h;
} Rect;

/* The name of a role in theme files ("heading", "pal0"). */
const char *canvas_role_name(Role r);
extern const char *const canvas_role_names[ROLE_COUNT];

Canvas *canvas_new(int w, int h, bool ascii);
void canvas_free(Canvas *cv);
void canvas_clear(Canvas *cv);
/* Sets one cell; clipped. */
void canvas_put(Canvas *cv, int x, int y, uint32_t cp, Role role);
/* Draws UTF-8 text starting at (x, y), at most maxw columns; returns the
 * columns used.  Text that does not fit is cut at a character boundary. */
int canvas_text(Canvas *cv, int x, int y, int maxw, const char *s, Role role);
/* Like canvas_text, but ends with an ellipsis when the text is cut. */
int canvas_text_fit(Canvas *cv, int x, int y, int maxw, const char *s, Role role);
/* Draws text with one role per byte (roles[i] for s[i]); returns columns. */
int canvas_styled(Canvas *cv, int x, int y, int maxw, const char *s, size_t n,
                  const uint8_t *roles);
void canvas_fill(Canvas *cv, Rect r, uint32_t cp, Role role);
/* Gives a whole row a role without changing its text (selection bars). */
void canvas_paint_row(Canvas *cv, int y, int x0, int x1, Role role);
const Cell *canvas_at(const Canvas *cv, int x, int y);
/* The grid as text, one line per row, trailing spaces dropped. */
void canvas_to_text(const Canvas *cv, Buf *out);

#endif
