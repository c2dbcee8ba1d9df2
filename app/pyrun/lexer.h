/*
 * lexer: Python source to tokens, with INDENT/DEDENT from indentation,
 * implicit line joining inside brackets, backslash continuation, comments,
 * every string prefix and numeric literal form of Python 3.11-3.13.
 *
 * An f-string is one T_STRING token (TF_FSTRING) whose text is left raw:
 * the parser splits it into literal parts and fields (lexer_fstr.c), under
 * the rules of the profile's version (PEP 701 from 3.12 on).
 *
 * Errors are reported as CPython reports them (SyntaxError, IndentationError
 * or TabError with CPython's message) through PyError.
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
#define TF_NAMED_ESC 8u  /* contains \N{...}: decoded text is not exact */
#define TF_IMAG 16u      /* T_FLOAT: an imaginary literal (1j) */
#define TF_TRIPLE 32u    /* a triple-quoted string */

typedef struct Token {
    uint8_t kind;     /* TokKind */
    uint8_t flags;    /* TF_* */
    int line, col;    /* 1-based line, 0-based column */
    size_t start, len; /* the token's text in the source */
    char *text;       /* decoded string value / operator / name (owned) */
    size_t textlen;
    int64_t ival;
    double fval;
    bool big;         /* integer literal too large for 64 bits */
    size_t body, bodylen; /* strings: the text between the quotes, in the source */
    int bodyline, bodycol; /* where the body starts */
} Token;

/* A Python-level error: the exception type and message, and where. */
typedef struct PyError {
    char type[32];
    char msg[2048];   /* a longer message is refused (types/exception.c), never cut */
    int line, col;
    int end_line, end_col; /* where the carets end (CPython's range); 0: one caret */
    bool set;
    bool refused;    /* not an error of the program: a construct the model does not run */
    char hint[96];   /* ". Did you mean: 'x'?", shown only in tracebacks */
} PyError;

typedef struct TokList {
    Token *t;
    size_t n, cap;
    PyError unclosed; /* "'(' was never closed": reported only if parsing fails at the end */
    /* lex(): a tokenizer error ends the list early (with T_END) rather than
     * failing it, because CPython reports a syntax error found before that
     * point first; the parser decides (parse_module). */
    PyError lexerr;
    /* invalid escape sequences ("\\d"), each literal's first: the SyntaxWarning
     * 3.12 and 3.13 give (at source offset warn_at, line warn_line) */
    size_t *warn_at;
    int *warn_line;
    char *warn_char;
    size_t nwarn;
    size_t lexerr_tok;   /* index of the T_END that stands for it */
} TokList;

/* What to tokenize: the whole source, or (for an f-string's field) a range
 * of it that starts at `line`, whose line begins at `line_start`. */
typedef struct LexIn {
    const char *src;
    size_t start, end;
    int minor;          /* Python 3.<minor> rules */
    int line;
    size_t line_start;
    bool fexpr;         /* an f-string field: newlines are plain space */
} LexIn;

/* Tokenizes a whole module: always a list ending in T_END, with
 * out->lexerr set when a tokenizer error cut it short. */
void lex(const char *src, size_t n, int minor, TokList *out);
bool lex_range(const LexIn *in, TokList *out, PyError *err);
void toklist_fini(TokList *tl);

/* Decodes the escapes of a string body (lexer_str.c). */
/* The first invalid escape of a literal's body (the letter after the
 * backslash), or 0. */
char lex_bad_escape(const char *s, size_t n, unsigned flags);
/* Records that warning once per literal (at = its source offset). */
void lex_warn(TokList *tl, int line, size_t at, char c);
char *lex_decode(const char *s, size_t n, unsigned flags, size_t *outlen, bool *named, char *err,
                 size_t errsize);

#endif
