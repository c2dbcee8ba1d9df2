/*
 * lexer_fstr: the one scanner of f-string bodies.  The lexer runs it to
 * find where a 3.12+ f-string ends (PEP 701 lets a field hold strings
 * with the same quotes); the parser runs it to split a body into literal
 * parts and replacement fields.  3.11's rules (no backslash and no '#' in
 * a field) apply when minor < 12.
 */
#ifndef PYDIVE_PYRUN_LEXER_FSTR_H
#define PYDIVE_PYRUN_LEXER_FSTR_H

#include <stdbool.h>
#include <stddef.h>

#include "pyrun/lexer.h"

typedef struct FsField {
    size_t open;          /* the '{' */
    size_t ex_a, ex_b;    /* the expression text */
    int ex_line;          /* and the line it starts on */
    size_t ex_line_start;
    bool debug;           /* '=': the text s[open+1, dbg_b) is echoed */
    size_t dbg_b;
    char conv;            /* 0, 's', 'r' or 'a' */
    bool spec;            /* a format spec s[sp_a, sp_b), may hold fields */
    size_t sp_a, sp_b;
    int sp_line;
    size_t sp_line_start;
} FsField;

typedef struct FsScan {
    const char *s;
    size_t i, end;        /* position; the body's end (or the source's) */
    char q;               /* the quote */
    bool triple, raw;
    bool find_end;        /* literal text stops at the closing quote */
    bool spec;            /* scanning a format spec: stops at end */
    int minor;
    int line;             /* position tracking, for messages */
    size_t line_start;
    int nest;             /* fields inside specs, for "nested too deeply" */
    int fdepth;           /* f-strings inside f-strings (3.12+: at most 149) */
    PyError *err;
    bool unterminated;    /* FS_ERR because the string never closed */
} FsScan;

enum { FS_LIT, FS_FIELD, FS_DONE, FS_ERR };

/* The next piece: FS_LIT with the literal s[*a, *b) (escapes not yet
 * decoded; a doubled brace is kept once), FS_FIELD with *f, FS_DONE at the
 * end (after the closing quote in find_end mode), FS_ERR with err set. */
int fs_next(FsScan *sc, size_t *a, size_t *b, FsField *f);

#endif
