/*
 * lexer_int: the tokenizer's state, shared by its driver (lexer.c) and
 * its literal scanners (lexer_str.c).
 */
#ifndef PYDIVE_PYRUN_LEXER_INT_H
#define PYDIVE_PYRUN_LEXER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "pyrun/lexer.h"

#define LX_MAX_BRACKETS 200  /* CPython's MAXLEVEL */
#define LX_MAX_INDENT 100    /* CPython's MAXINDENT */

typedef struct Lx {
    const char *s;
    size_t n, i;
    int minor;
    bool fexpr;
    int line;
    size_t line_start;
    int depth;          /* open brackets */
    char brackets[LX_MAX_BRACKETS];
    int bline[LX_MAX_BRACKETS], bcol[LX_MAX_BRACKETS];
    int indent[LX_MAX_INDENT], altindent[LX_MAX_INDENT];
    int nindent;
    TokList *out;
    PyError *err;
} Lx;

bool lx_fail(Lx *x, const char *type, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
Token *lx_push(Lx *x, TokKind k, size_t start, size_t len);
bool lx_number(Lx *x);
/* A string literal whose prefix starts at `st` and quote is at x->i. */
bool lx_string(Lx *x, size_t st, unsigned flags);

#endif
