/*
 * printable: text read from a file, made safe to show on a terminal.
 *
 * A profile name, a title or a path taken from an export, a pack or a
 * progress file may hold bytes a terminal obeys: ESC sequences that retitle
 * the window or clear the screen, BEL, backspaces, C1 controls, bidi
 * overrides that reorder what is shown.  Everything that prints such text
 * goes through here, so a file can never drive the terminal (issue 20).
 *
 * Controls become visible escapes in the Python style: ESC is "\x1b", a C1
 * control "\x9b", a bidi override "\u202e", a byte that is not UTF-8 "\xff".
 * Backslashes are left alone: the escapes are for reading, not for parsing.
 */
#ifndef PYDIVE_BASE_PRINTABLE_H
#define PYDIVE_BASE_PRINTABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

typedef enum PrintableMode {
    PRINTABLE_LINE,  /* one line of a table or a message: newlines and tabs escaped too */
    PRINTABLE_LINES, /* running text: newline and tab kept, every other control escaped */
} PrintableMode;

/* Appends s[0..n) to b with every control written as a visible escape. */
void printable_add(Buf *b, const char *s, size_t n, PrintableMode mode);
/* A new string (caller frees): printable_add of the NUL-terminated s; NULL stays NULL. */
char *printable_dup(const char *s, PrintableMode mode);
/* True when printable_add would change nothing (fast path for clean text). */
bool printable_clean(const char *s, size_t n, PrintableMode mode);
/* The offset of the first character printable_add would escape, or n; its
 * code point (or the bad byte) in *cp when cp is not NULL.  For readers that
 * refuse such text with a message instead of showing it escaped. */
size_t printable_bad_at(const char *s, size_t n, PrintableMode mode, unsigned *cp);
#define PRINTABLE_NOT_UTF8 0x80000000u /* in *cp: a byte that is not UTF-8, or'ed with it */
/* What printable_bad_at found, for a message: "control character U+001B",
 * "bidirectional override U+202E" or "byte 0xFF, which is not UTF-8". */
void printable_describe(unsigned cp, char *dst, size_t size);

/* Appends s as a JSON string literal: quote and backslash escaped, every
 * control of PRINTABLE_LINE as \uXXXX (the data is kept, a terminal showing
 * the JSON obeys nothing), a byte that is not UTF-8 as U+FFFD.  NULL: null. */
void printable_json(Buf *b, const char *s);

/* A CSV cell (RFC 4180) that a spreadsheet takes as text: quoted when it
 * holds a comma, quote or line break; a cell that starts with = + - @, a
 * tab or a carriage return gets a leading apostrophe, so it is never a
 * formula (OWASP's rule for CSV injection); controls escaped as above. */
void printable_csv(Buf *b, const char *s);

/*
 * For one printf call with several fields: returns s made printable
 * (PRINTABLE_LINE) in one of PRINTABLE_SLOTS static buffers used in turn,
 * so up to that many may appear in one call.  Valid until the slot is
 * reused; NULL gives "".  Not for threads or signal handlers.
 */
#define PRINTABLE_SLOTS 8
const char *shown(const char *s);

#endif
