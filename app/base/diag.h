/*
 * diag: diagnostics as values.
 *
 * Anything that reads user-written input (lessons, progress files, Python
 * programs) reports problems by appending a Diag to a DiagList.  The list is
 * printed once, at the edge, in the GNU form editors can jump to:
 *
 *     lessons/02-gc.yaml:14:9: error: unknown key 'titel' (expected one of ...)
 *
 * Lines and columns are 1-based; 0 means "unknown" and is left out.
 */
#ifndef PYDIVE_BASE_DIAG_H
#define PYDIVE_BASE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
    DiagLevel level;
    char *file; /* owned; may be NULL */
    int line;   /* 1-based, 0 = unknown */
    int col;    /* 1-based, 0 = unknown */
    char *msg;  /* owned */
} Diag;

typedef struct DiagList {
    Diag *items;
    size_t len, cap;
} DiagList;

void diag_add(DiagList *dl, DiagLevel level, const char *file, int line, int col,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
size_t diag_count(const DiagList *dl, DiagLevel level);
/* Formats one diagnostic as "file:line:col: level: msg" into a new string. */
char *diag_format(const Diag *d);
void diag_print(const DiagList *dl, FILE *out);
/* Moves every diagnostic of `from` to the end of `to`. */
void diag_move(DiagList *to, DiagList *from);
void diag_fini(DiagList *dl);

#endif
