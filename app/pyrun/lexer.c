/*
 * lexer: the tokenizer's driver: lines, indentation, names, operators.
 * Indentation is measured twice as CPython's tokenizer does (tabs to the
 * next multiple of 8, and tabs as one column): when the two disagree on
 * the order of two lines it is a TabError.
 */
#include "pyrun/lexer.h"
#include "pyrun/lexer_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

bool lx_fail(Lx *x, const char *type, int line, int col, const char *fmt, ...)
{
    if (x->err->set)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(x->err->msg, sizeof x->err->msg, fmt, ap);
    va_end(ap);
    snprintf(x->err->type, sizeof x->err->type, "%s", type);
    x->err->line = line;
    x->err->col = col;
    x->err->set = true;
    return false;
}

Token *lx_push(Lx *x, TokKind k, size_t start, size_t len)
{
    TokList *tl = x->out;
    tl->t = xgrow(tl->t, &tl->cap, tl->n + 1, sizeof *tl->t);
    Token *t = &tl->t[tl->n++];
    memset(t, 0, sizeof *t);
    t->kind = (uint8_t)k;
    t->line = x->line;
    t->col = (int)(start - x->line_start);
    t->start = start;
    t->len = len;
    return t;
}

static const char *ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *ops2[] = {"**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
                             "&=", "|=", "^=", "->", "<<", ">>", ":=", "@=", NULL};

static bool is_eol(const Lx *x, size_t j)
{
    return j >= x->n || x->s[j] == '\n' || x->s[j] == '\r';
}

static bool lex_indent(Lx *x)
{
    /* at the start of a logical line: measure indentation */
    int col = 0, alt = 0, cont = -1;
    size_t j = x->i;
    for (;;) {
        char c = j < x->n ? x->s[j] : '\0';
        if (c == '\t') {
            col = (col / 8 + 1) * 8, alt++;
        } else if (c == ' ') {
            col++, alt++;
        } else if (c == '\f') {
            col = alt = 0; /* form feed resets, as in CPython */
        } else if (c == '\\' && j + 1 < x->n && (x->s[j + 1] == '\n' || x->s[j + 1] == '\r')) {
            /* a continued line inside the indentation: the first one sets the level */
            if (cont < 0)
                cont = col;
            j += x->s[j + 1] == '\r' && j + 2 < x->n && x->s[j + 2] == '\n' ? 3 : 2;
            x->line++;
            x->line_start = j;
            continue;
        } else {
            break;
        }
        j++;
    }
    if (is_eol(x, j) || x->s[j] == '#') {
        x->i = j; /* blank or comment line */
        return true;
    }
    if (cont > 0) /* CPython's test is on the column's truth: 0 keeps the next line's */
        col = alt = cont;
    x->i = j;
    int top = x->nindent - 1;
    if (col > x->indent[top]) {
        if (alt <= x->altindent[top])
            return lx_fail(x, "TabError", x->line, 0, "inconsistent use of tabs and spaces in indentation");
        if (x->nindent >= LX_MAX_INDENT)
            return lx_fail(x, "IndentationError", x->line, 0, "too many levels of indentation");
        x->indent[x->nindent] = col;
        x->altindent[x->nindent++] = alt;
        lx_push(x, T_INDENT, j, 0);
        return true;
    }
    while (col < x->indent[x->nindent - 1]) {
        x->nindent--;
        lx_push(x, T_DEDENT, j, 0);
    }
    top = x->nindent - 1;
    size_t eol = j;
    while (!is_eol(x, eol))
        eol++;
    if (col != x->indent[top])
        return lx_fail(x, "IndentationError", x->line, (int)(eol - x->line_start),
                       "unindent does not match any outer indentation level");
    if (alt != x->altindent[top])
        return lx_fail(x, "TabError", x->line, 0, "inconsistent use of tabs and spaces in indentation");
    return true;
}

static bool lex_op(Lx *x)
{
    const char *s = x->s + x->i;
    size_t st = x->i, len = 0;
    int col = (int)(st - x->line_start);
    for (int k = 0; ops3[k]; k++)
        if (x->i + 3 <= x->n && memcmp(s, ops3[k], 3) == 0)
            len = 3;
    for (int k = 0; !len && ops2[k]; k++)
        if (x->i + 2 <= x->n && memcmp(s, ops2[k], 2) == 0)
            len = 2;
    if (!len) {
        if (!strchr("+-*/%@&|^~<>()[]{},:.;=!", *s) || *s == '\0') {
            unsigned char c = (unsigned char)*s;
            if (c == '$' || c == '?' || c == '`' || c < 0x20 || c == 0x7f)
                return lx_fail(x, "SyntaxError", x->line, col, "invalid syntax");
            return lx_fail(x, "SyntaxError", x->line, col, "invalid character '%c' (U+%04X)", *s, c);
        }
        if (*s == '!')
            return lx_fail(x, "SyntaxError", x->line, col, "invalid syntax");
        len = 1;
    }
    char c = *s;
    if (c == '(' || c == '[' || c == '{') {
        if (x->depth >= LX_MAX_BRACKETS)
            return lx_fail(x, "SyntaxError", x->line, col, "too many nested parentheses");
        x->brackets[x->depth] = c;
        x->bline[x->depth] = x->line;
        x->bcol[x->depth] = col;
        x->depth++;
    } else if (len == 1 && (c == ')' || c == ']' || c == '}')) {
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (x->depth == 0)
            return lx_fail(x, "SyntaxError", x->line, col, "unmatched '%c'", c);
        if (x->brackets[x->depth - 1] != open) {
            if (x->bline[x->depth - 1] != x->line)
                return lx_fail(x, "SyntaxError", x->line, col,
                               "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                               c, x->brackets[x->depth - 1], x->bline[x->depth - 1]);
            return lx_fail(x, "SyntaxError", x->line, col,
                           "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                           x->brackets[x->depth - 1]);
        }
        x->depth--;
    }
    Token *t = lx_push(x, T_OP, st, len);
    t->text = xstrndup(s, len);
    t->textlen = len;
    x->i += len;
    return true;
}

static bool last_is_line_start(const Lx *x)
{
    if (x->out->n == 0)
        return true;
    uint8_t k = x->out->t[x->out->n - 1].kind;
    return k == T_NEWLINE || k == T_INDENT || k == T_DEDENT;
}

/* A line ends at "\n", "\r\n" or a lone "\r" (CPython reads all three). */
static bool lex_line_end(Lx *x)
{
    if (x->depth == 0 && !x->fexpr && !last_is_line_start(x))
        lx_push(x, T_NEWLINE, x->i, 0);
    x->i += x->s[x->i] == '\r' && x->i + 1 < x->n && x->s[x->i + 1] == '\n' ? 2 : 1;
    x->line++;
    x->line_start = x->i;
    if (x->depth == 0 && !x->fexpr)
        return lex_indent(x);
    return true;
}

static bool is_name_char(unsigned char c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* Code points that are in no identifier (not XID_Continue): the common
 * symbol and punctuation blocks, not the whole Unicode table. */
static const uint32_t not_ident[][2] = {
    {0x80, 0xA9}, {0xAB, 0xB4}, {0xB6, 0xB6}, {0xB8, 0xB9}, {0xBB, 0xBF}, {0xD7, 0xD7}, {0xF7, 0xF7},
    {0x2000, 0x203E}, {0x2041, 0x2053}, {0x2055, 0x206F}, {0x20A0, 0x20CF}, {0x2190, 0x2BFF},
    {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0xFE10, 0xFE19}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F}, {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF9, 0xFFFF}, {0x1F000, 0x1FAFF},
};

static bool nonprintable(uint32_t cp)
{
    return cp <= 0xA0 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* The UTF-8 character at s[i] is not allowed in a name: CPython's message. */
static bool bad_name_char(Lx *x, size_t i)
{
    const unsigned char *s = (const unsigned char *)x->s;
    int len = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : s[i] >= 0xC0 ? 2 : 1;
    if (i + (size_t)len > x->n)
        return false;
    uint32_t cp = len == 1 ? s[i] : (uint32_t)(s[i] & (0x7F >> len));
    for (int k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return false;
        cp = cp << 6 | (s[i + k] & 0x3F);
    }
    for (size_t k = 0; k < sizeof not_ident / sizeof not_ident[0]; k++) {
        if (cp < not_ident[k][0] || cp > not_ident[k][1])
            continue;
        int col = (int)(i - x->line_start);
        if (nonprintable(cp))
            return !lx_fail(x, "SyntaxError", x->line, col, "invalid non-printable character U+%04X", (unsigned)cp);
        return !lx_fail(x, "SyntaxError", x->line, col, "invalid character '%.*s' (U+%04X)", len,
                        x->s + i, (unsigned)cp);
    }
    return false;
}

static bool lex_name(Lx *x)
{
    size_t st = x->i;
    while (x->i < x->n && is_name_char((unsigned char)x->s[x->i])) {
        if ((unsigned char)x->s[x->i] >= 0xC0 && bad_name_char(x, x->i)) /* a lead byte */
            return false;
        x->i++;
    }
    if (x->i < x->n && (x->s[x->i] == '\'' || x->s[x->i] == '"') && x->i - st <= 2) {
        unsigned flags = 0;
        bool ok = true;
        for (size_t j = st; j < x->i; j++) {
            char p = (char)tolower((unsigned char)x->s[j]);
            unsigned f = p == 'b' ? TF_BYTES : p == 'r' ? TF_RAW : p == 'f' ? TF_FSTRING : p == 'u' ? 64u : 0;
            if (f == 0 || (flags & f))
                ok = false;
            flags |= f;
        }
        if ((flags & 64u) && x->i - st > 1)
            ok = false;
        if ((flags & TF_BYTES) && (flags & TF_FSTRING))
            ok = false;
        if (ok)
            return lx_string(x, st, flags & ~64u);
    }
    Token *t = lx_push(x, T_NAME, st, x->i - st);
    t->text = xstrndup(x->s + st, x->i - st);
    t->textlen = x->i - st;
    return true;
}

static bool lex_token(Lx *x)
{
    char c = x->s[x->i];
    if (c == '\n' || c == '\r')
        return lex_line_end(x);
    if (c == ' ' || c == '\t' || c == '\f') {
        x->i++;
        return true;
    }
    if (c == '#') {
        while (x->i < x->n && x->s[x->i] != '\n' && x->s[x->i] != '\r')
            x->i++;
        return true;
    }
    if (c == '\\') {
        size_t j = x->i + 1;
        if (j >= x->n)
            return lx_fail(x, "SyntaxError", x->line, (int)(j - x->line_start), "unexpected EOF while parsing");
        if (x->s[j] != '\n' && x->s[j] != '\r')
            return lx_fail(x, "SyntaxError", x->line, (int)(j - x->line_start),
                           "unexpected character after line continuation character");
        j += x->s[j] == '\r' && j + 1 < x->n && x->s[j + 1] == '\n' ? 2 : 1;
        if (j >= x->n && !x->fexpr)
            return lx_fail(x, "SyntaxError", x->line, (int)(x->i + 1 - x->line_start),
                           "unexpected EOF while parsing");
        x->i = j;
        x->line++;
        x->line_start = x->i;
        return true;
    }
    if (isdigit((unsigned char)c) || (c == '.' && x->i + 1 < x->n && isdigit((unsigned char)x->s[x->i + 1])))
        return lx_number(x);
    if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80)
        return lex_name(x);
    if (c == '\'' || c == '"')
        return lx_string(x, x->i, 0);
    return lex_op(x);
}

static bool lex_run(Lx *x)
{
    TokList *out = x->out;
    if (!x->fexpr && !lex_indent(x))
        return false;
    while (x->i < x->n) {
        if (x->s[x->i] == '\0')
            return lx_fail(x, "SyntaxError", x->line, 0, "source code cannot contain null bytes");
        if (!lex_token(x))
            return false;
    }
    if (x->depth > 0) {
        PyError *u = &out->unclosed;
        snprintf(u->type, sizeof u->type, "SyntaxError");
        snprintf(u->msg, sizeof u->msg, "'%c' was never closed", x->brackets[x->depth - 1]);
        u->line = x->bline[x->depth - 1];
        u->col = x->bcol[x->depth - 1];
        u->set = true;
    }
    if (!x->fexpr && !last_is_line_start(x))
        lx_push(x, T_NEWLINE, x->i, 0);
    while (x->nindent > 1) {
        x->nindent--;
        lx_push(x, T_DEDENT, x->i, 0);
    }
    lx_push(x, T_END, x->i, 0);
    return true;
}

void lex(const char *src, size_t n, int minor, TokList *out)
{
    size_t bom = n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* a UTF-8 signature */
    LexIn in = {.src = src, .start = bom, .end = n, .minor = minor, .line = 1, .line_start = bom};
    PyError err = {0};
    if (lex_range(&in, out, &err))
        return;
    out->lexerr = err;
    out->lexerr_tok = out->n;
    out->t = xgrow(out->t, &out->cap, out->n + 1, sizeof *out->t);
    Token *t = &out->t[out->n++];
    memset(t, 0, sizeof *t);
    t->kind = T_END;
    t->line = err.line;
    t->col = err.col;
}

bool lex_range(const LexIn *in, TokList *out, PyError *err)
{
    Lx x = {.s = in->src, .n = in->end, .i = in->start, .minor = in->minor, .fexpr = in->fexpr,
            .line = in->line, .line_start = in->line_start, .out = out, .err = err, .nindent = 1};
    memset(out, 0, sizeof *out);
    return lex_run(&x);
}

void toklist_fini(TokList *tl)
{
    for (size_t i = 0; i < tl->n; i++)
        free(tl->t[i].text);
    free(tl->t);
    free(tl->warn_at), free(tl->warn_line), free(tl->warn_char);
    memset(tl, 0, sizeof *tl);
}
