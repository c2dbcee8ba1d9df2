/*
 * lexer: Python source to tokens, with INDENT/DEDENT from indentation,
 * implicit line joining inside brackets, backslash continuation, comments,
 * string prefixes (b, r, f and combinations) and numeric literals.
 *
 * Errors are reported as CPython reports them (SyntaxError or
 * IndentationError with CPython's message) through PyError.
 */
#ifndef PYDIVE_PYRUN_LEXER_H
#define PYDIVE_PYRUN_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum TokKind {
    T_END, T_NEWLINE, T_INDENT, T_DEDENT, T_NAME, T_INT, T_FLOAT, T_STRING, T_OP
} TokKind;

/* string token flags */
#define TF_BYTES 1u
#define TF_RAW 2u
#define TF_FSTRING 4u

typedef struct Token {
    uint8_t kind;     /* TokKind */
    uint8_t flags;    /* TF_* for strings */
    int line, col;    /* 1-based line, 0-based column */
    size_t start, len; /* the token's text in the source */
    char *text;       /* decoded string value / operator / name (owned) */
    size_t textlen;
    int64_t ival;
    double fval;
    bool big;         /* integer literal too large for 64 bits */
} Token;

/* A Python-level error: the exception type and message, and where. */
typedef struct PyError {
    char type[32];
    char msg[256];
    int line, col;
    bool set;
    char hint[96];   /* ". Did you mean: 'x'?", shown only in tracebacks */
} PyError;

typedef struct TokList {
    Token *t;
    size_t n, cap;
    PyError unclosed; /* "'(' was never closed": reported only if parsing fails at the end */
} TokList;

/* Tokenizes `src`; false (with err set) on a syntax error. */
bool lex(const char *src, size_t n, TokList *out, PyError *err);
void toklist_fini(TokList *tl);

#endif
