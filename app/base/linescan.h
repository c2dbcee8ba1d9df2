/*
 * linescan: the one reader under the labs' line languages (GIL, event loop,
 * C API, flywheel, roadmap): a program is lines, a line is words, '#' starts a
 * comment, and every mistake is a Diag at file:line:col said once.
 *
 *   LineScan ls;
 *   linescan_init(&ls, src, len, file, dl, 50);
 *   while (linescan_next(&ls)) {                 // skips (and reports) NUL lines
 *       LineWord w[16];
 *       size_t n = linescan_words(&ls, w, 16, LINESCAN_QUOTES);
 *       ... linescan_error(&ls, w[0].col, "expected ...");
 *   }
 *
 * The scanner borrows the source; nothing is allocated.  Columns are 1-based
 * byte offsets in the line, as the diagnostics print them.
 */
#ifndef PYDIVE_BASE_LINESCAN_H
#define PYDIVE_BASE_LINESCAN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

typedef struct LineScan {
    const char *file;   /* named in the diagnostics */
    DiagList *dl;       /* where they go */
    const char *src, *end;
    const char *next;   /* the start of the next line; NULL after the last */
    int line;           /* the current line, 1-based */
    const char *text;   /* the current line without its '\n' (not NUL-terminated) */
    size_t len;
    size_t errors;      /* errors met so far (reported or not) */
    size_t max_errors;  /* report at most this many (0: all), then one "more errors" note */
} LineScan;

typedef struct LineWord {
    const char *s;      /* into the line */
    size_t n;
    int col;            /* 1-based */
} LineWord;

enum {
    LINESCAN_QUOTES = 1, /* a word opening with '"' runs to the closing quote (kept) */
    LINESCAN_COMMAS = 2, /* ',' ends a word too (and is not part of one) */
};

void linescan_init(LineScan *ls, const char *src, size_t len, const char *file, DiagList *dl,
                   size_t max_errors);
/* Moves to the next line; false when there is none.  A line holding a NUL
 * byte is reported ("expected text, found a NUL byte") and skipped. */
bool linescan_next(LineScan *ls);
/* The words of the current line (blanks are ' ', '\t', '\r'), up to the
 * comment.  Returns how many were stored; *more (may be NULL) is set when the
 * line holds more than `cap`, *unclosed (may be NULL) when a quote is open at
 * the end of the line. */
size_t linescan_words(const LineScan *ls, LineWord *w, size_t cap, unsigned flags, bool *more,
                      bool *unclosed);
/* The words from byte `from` of the line on (for readers that take a few
 * words, then the rest). */
size_t linescan_words_from(const LineScan *ls, size_t from, LineWord *w, size_t cap,
                           unsigned flags, bool *more, bool *unclosed);
bool lineword_is(const LineWord *w, const char *s);
/* Reports an error at `col` of the current line (0: the whole line). */
void linescan_error(LineScan *ls, int col, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void linescan_verror(LineScan *ls, int col, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
/* Adds the "N more errors not shown" note when errors passed max_errors;
 * returns the number of errors. */
size_t linescan_finish(LineScan *ls);

#endif
