/*
 * glyphs: the drawing characters, in a UTF-8 and an ASCII set.
 *
 * Views ask for a glyph by name (GLYPH_BULLET) and get the right one for the
 * terminal; the choice is made once, by the canvas's `ascii` flag.  Prose
 * from the lessons goes through glyph_asciify in ASCII mode, so typographic
 * punctuation degrades to readable ASCII ("--", "...", "->").
 */
#ifndef PYDIVE_VIEW_GLYPHS_H
#define PYDIVE_VIEW_GLYPHS_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Glyph {
    GLYPH_HLINE,
    GLYPH_VLINE,
    GLYPH_TOP_LEFT,
    GLYPH_TOP_RIGHT,
    GLYPH_BOTTOM_LEFT,
    GLYPH_BOTTOM_RIGHT,
    GLYPH_BULLET,
    GLYPH_POINTER,  /* the selection cursor */
    GLYPH_BAR_FULL, /* progress bar, done part */
    GLYPH_BAR_EMPTY,
    GLYPH_CHECK,    /* a finished item */
    GLYPH_DOT,      /* a started item */
    GLYPH_WRAP,     /* continuation of a wrapped code line */
    GLYPH_ARROW_UP,
    GLYPH_ARROW_DOWN,
    GLYPH_SHADE_LIGHT,  /* a pool with some blocks in use */
    GLYPH_SHADE_MEDIUM, /* a third or more */
    GLYPH_SHADE_DARK,   /* two thirds or more */
    GLYPH_EMPTY,        /* an empty pool, a free block */
    GLYPH_ARROW_RIGHT,
    GLYPH_CYCLE,        /* marks a reference that closes a cycle */
    GLYPH_COUNT
} Glyph;

uint32_t glyph(bool ascii, Glyph g);
/* A single ASCII character standing in for cp (for stray non-ASCII text). */
uint32_t glyph_ascii_fallback(uint32_t cp);
/* A malloc'ed copy of UTF-8 text with non-ASCII characters replaced by ASCII
 * spellings ("—" -> "--", "…" -> "...", "→" -> "->", "é" -> "e"). */
char *glyph_asciify(const char *s);

#endif
