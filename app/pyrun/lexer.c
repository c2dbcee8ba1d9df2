/*
 * lexer: the tokenizer.  Indentation uses a stack of column widths as
 * CPython's tokenizer does (tabs advance to the next multiple of 8).
 */
#include "pyrun/lexer.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"

typedef struct Lx {
    const char *s;
    size_t n, i;
    int line;
    size_t line_start;
    int depth;          /* open brackets */
    char brackets[200];
    int bline[200], bcol[200];
    int indent[100];
    int nindent;
    TokList *out;
    PyError *err;
} Lx;

static bool fail(Lx *x, const char *type, int line, int col, const char *fmt, ...)
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

static Token *push(Lx *x, TokKind k, size_t start, size_t len)
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
                             "&=", "|=", "^=", "->", "<<", ">>", ":=", NULL};

static bool lex_number(Lx *x)
{
    size_t st = x->i;
    const char *s = x->s;
    bool isfloat = false;
    int base = 10;
    if (s[x->i] == '0' && x->i + 1 < x->n && strchr("xXoObB", s[x->i + 1])) {
        char c = (char)tolower((unsigned char)s[x->i + 1]);
        base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
        x->i += 2;
        while (x->i < x->n && (isxdigit((unsigned char)s[x->i]) || s[x->i] == '_'))
            x->i++;
    } else {
        while (x->i < x->n && (isdigit((unsigned char)s[x->i]) || s[x->i] == '_'))
            x->i++;
        if (x->i < x->n && s[x->i] == '.') {
            isfloat = true;
            x->i++;
            while (x->i < x->n && (isdigit((unsigned char)s[x->i]) || s[x->i] == '_'))
                x->i++;
        }
        if (x->i < x->n && (s[x->i] == 'e' || s[x->i] == 'E')) {
            size_t j = x->i + 1;
            if (j < x->n && (s[j] == '+' || s[j] == '-'))
                j++;
            if (j < x->n && isdigit((unsigned char)s[j])) {
                isfloat = true;
                x->i = j;
                while (x->i < x->n && isdigit((unsigned char)s[x->i]))
                    x->i++;
            }
        }
    }
    if (x->i < x->n && (isalpha((unsigned char)s[x->i]) || s[x->i] == '_'))
        return fail(x, "SyntaxError", x->line, (int)(st - x->line_start), "invalid decimal literal");
    char buf[128];
    size_t k = 0;
    for (size_t j = st + (base != 10 ? 2 : 0); j < x->i && k + 1 < sizeof buf; j++)
        if (s[j] != '_')
            buf[k++] = s[j];
    buf[k] = '\0';
    Token *t = push(x, isfloat ? T_FLOAT : T_INT, st, x->i - st);
    if (isfloat) {
        t->fval = strtod(buf, NULL);
    } else {
        errno = 0;
        unsigned long long v = strtoull(buf, NULL, base);
        if (errno == ERANGE || v > (unsigned long long)INT64_MAX) {
            t->big = true;
            t->fval = strtod(buf, NULL);
            t->text = xstrdup(base == 10 ? buf : "0");
            t->textlen = strlen(t->text);
        }
        t->ival = (int64_t)v;
    }
    return true;
}

static void put_utf8(Buf *b, uint32_t cp)
{
    if (cp < 0x80) {
        buf_addc(b, (char)cp);
    } else if (cp < 0x800) {
        buf_addc(b, (char)(0xc0 | cp >> 6));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        buf_addc(b, (char)(0xe0 | cp >> 12));
        buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    } else {
        buf_addc(b, (char)(0xf0 | cp >> 18));
        buf_addc(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
        buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        buf_addc(b, (char)(0x80 | (cp & 0x3f)));
    }
}

static void escape(Lx *x, Buf *b, bool bytes)
{
    char c = x->s[x->i++];
    switch (c) {
    case 'n': buf_addc(b, '\n'); break;
    case 't': buf_addc(b, '\t'); break;
    case 'r': buf_addc(b, '\r'); break;
    case '0': buf_addc(b, '\0'); break;
    case 'a': buf_addc(b, '\a'); break;
    case 'b': buf_addc(b, '\b'); break;
    case 'f': buf_addc(b, '\f'); break;
    case 'v': buf_addc(b, '\v'); break;
    case '\\': buf_addc(b, '\\'); break;
    case '\'': buf_addc(b, '\''); break;
    case '"': buf_addc(b, '"'); break;
    case '\n': x->line++; x->line_start = x->i; break;
    case 'x': case 'u': case 'U': {
        int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int k = 0; k < nd && x->i < x->n && isxdigit((unsigned char)x->s[x->i]); k++) {
            char h = x->s[x->i++];
            v = v * 16 + (uint32_t)(isdigit((unsigned char)h) ? h - '0' : tolower((unsigned char)h) - 'a' + 10);
        }
        if (bytes && c == 'x')
            buf_addc(b, (char)v);
        else
            put_utf8(b, v);
        break;
    }
    default:
        buf_addc(b, '\\');
        buf_addc(b, c);
    }
}

static bool lex_string(Lx *x, size_t st, unsigned flags)
{
    char q = x->s[x->i];
    bool triple = x->i + 2 < x->n && x->s[x->i + 1] == q && x->s[x->i + 2] == q;
    int sline = x->line, scol = (int)(st - x->line_start);
    x->i += triple ? 3 : 1;
    Buf b = {0};
    for (;;) {
        if (x->i >= x->n) {
            buf_fini(&b);
            if (triple)
                return fail(x, "SyntaxError", sline, scol,
                            "unterminated triple-quoted string literal (detected at line %d)",
                            x->line);
            return fail(x, "SyntaxError", sline, scol,
                        "unterminated string literal (detected at line %d)", sline);
        }
        char c = x->s[x->i];
        if (c == q && (!triple || (x->i + 2 < x->n && x->s[x->i + 1] == q && x->s[x->i + 2] == q))) {
            x->i += triple ? 3 : 1;
            break;
        }
        if (c == '\n') {
            if (!triple) {
                buf_fini(&b);
                return fail(x, "SyntaxError", sline, scol,
                            "unterminated string literal (detected at line %d)", sline);
            }
            x->line++;
            x->line_start = x->i + 1;
        }
        if (c == '\\' && !(flags & TF_RAW) && x->i + 1 < x->n) {
            x->i++;
            escape(x, &b, flags & TF_BYTES);
            continue;
        }
        if (c == '\\' && (flags & TF_RAW) && x->i + 1 < x->n) {
            buf_addc(&b, c);
            x->i++;
            c = x->s[x->i];
        }
        buf_addc(&b, c);
        x->i++;
    }
    Token *t = push(x, T_STRING, st, x->i - st);
    t->line = sline;
    t->col = scol;
    t->flags = (uint8_t)flags;
    t->textlen = b.len;
    t->text = b.data ? buf_take(&b) : xstrdup("");
    return true;
}

static bool lex_indent(Lx *x)
{
    /* at the start of a logical line: measure indentation */
    int col = 0;
    size_t j = x->i;
    while (j < x->n && (x->s[j] == ' ' || x->s[j] == '\t' || x->s[j] == '\f')) {
        col = x->s[j] == '\t' ? (col / 8 + 1) * 8 : col + 1;
        j++;
    }
    if (j >= x->n || x->s[j] == '\n' || x->s[j] == '#' || x->s[j] == '\r') {
        x->i = j; /* blank or comment line */
        return true;
    }
    x->i = j;
    int cur = x->indent[x->nindent - 1];
    if (col > cur) {
        if (x->nindent >= 99)
            return fail(x, "IndentationError", x->line, 0, "too many levels of indentation");
        x->indent[x->nindent++] = col;
        push(x, T_INDENT, j, 0);
    } else {
        while (col < x->indent[x->nindent - 1]) {
            x->nindent--;
            push(x, T_DEDENT, j, 0);
        }
        if (col != x->indent[x->nindent - 1])
            return fail(x, "IndentationError", x->line, col,
                        "unindent does not match any outer indentation level");
    }
    return true;
}

static bool lex_op(Lx *x)
{
    const char *s = x->s + x->i;
    size_t st = x->i, len = 0;
    for (int k = 0; ops3[k]; k++)
        if (x->i + 3 <= x->n && memcmp(s, ops3[k], 3) == 0)
            len = 3;
    for (int k = 0; !len && ops2[k]; k++)
        if (x->i + 2 <= x->n && memcmp(s, ops2[k], 2) == 0)
            len = 2;
    if (!len) {
        if (!strchr("+-*/%@&|^~<>()[]{},:.;=!", *s))
            return fail(x, "SyntaxError", x->line, (int)(st - x->line_start),
                        "invalid character '%c' (U+%04X)", *s, (unsigned char)*s);
        if (*s == '!')
            return fail(x, "SyntaxError", x->line, (int)(st - x->line_start), "invalid syntax");
        len = 1;
    }
    char c = *s;
    if (c == '(' || c == '[' || c == '{') {
        if (x->depth >= 199)
            return fail(x, "SyntaxError", x->line, (int)(st - x->line_start), "too many nested parentheses");
        x->brackets[x->depth] = c;
        x->bline[x->depth] = x->line;
        x->bcol[x->depth] = (int)(st - x->line_start);
        x->depth++;
    } else if (len == 1 && (c == ')' || c == ']' || c == '}')) {
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (x->depth == 0)
            return fail(x, "SyntaxError", x->line, (int)(st - x->line_start), "unmatched '%c'", c);
        if (x->brackets[x->depth - 1] != open)
            return fail(x, "SyntaxError", x->line, (int)(st - x->line_start),
                        "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                        x->brackets[x->depth - 1]);
        x->depth--;
    }
    Token *t = push(x, T_OP, st, len);
    t->text = xstrndup(s, len);
    t->textlen = len;
    x->i += len;
    return true;
}

static bool lex_line_end(Lx *x)
{
    if (x->depth == 0 && x->out->n > 0 && x->out->t[x->out->n - 1].kind != T_NEWLINE &&
        x->out->t[x->out->n - 1].kind != T_INDENT && x->out->t[x->out->n - 1].kind != T_DEDENT)
        push(x, T_NEWLINE, x->i, 0);
    x->i++;
    x->line++;
    x->line_start = x->i;
    if (x->depth == 0)
        return lex_indent(x);
    return true;
}

static bool lex_token(Lx *x)
{
    char c = x->s[x->i];
    if (c == '\n')
        return lex_line_end(x);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        x->i++;
        return true;
    }
    if (c == '#') {
        while (x->i < x->n && x->s[x->i] != '\n')
            x->i++;
        return true;
    }
    if (c == '\\' && x->i + 1 < x->n && (x->s[x->i + 1] == '\n' || x->s[x->i + 1] == '\r')) {
        x->i += x->s[x->i + 1] == '\r' ? 3 : 2;
        x->line++;
        x->line_start = x->i;
        return true;
    }
    if (isdigit((unsigned char)c) || (c == '.' && x->i + 1 < x->n && isdigit((unsigned char)x->s[x->i + 1])))
        return lex_number(x);
    if (isalpha((unsigned char)c) || c == '_' || (unsigned char)c >= 0x80) {
        size_t st = x->i;
        while (x->i < x->n && (isalnum((unsigned char)x->s[x->i]) || x->s[x->i] == '_' ||
                               (unsigned char)x->s[x->i] >= 0x80))
            x->i++;
        if (x->i < x->n && (x->s[x->i] == '\'' || x->s[x->i] == '"') && x->i - st <= 2) {
            unsigned flags = 0;
            bool ok = true;
            for (size_t j = st; j < x->i; j++) {
                char p = (char)tolower((unsigned char)x->s[j]);
                unsigned f = p == 'b' ? TF_BYTES : p == 'r' ? TF_RAW : p == 'f' ? TF_FSTRING : p == 'u' ? 0 : 99;
                if (f == 99 || (flags & f))
                    ok = false;
                flags |= f == 99 ? 0 : f;
            }
            if (ok && !((flags & TF_BYTES) && (flags & TF_FSTRING)))
                return lex_string(x, st, flags);
        }
        Token *t = push(x, T_NAME, st, x->i - st);
        t->text = xstrndup(x->s + st, x->i - st);
        t->textlen = x->i - st;
        return true;
    }
    if (c == '\'' || c == '"')
        return lex_string(x, x->i, 0);
    return lex_op(x);
}

bool lex(const char *src, size_t n, TokList *out, PyError *err)
{
    Lx x = {.s = src, .n = n, .line = 1, .out = out, .err = err, .nindent = 1};
    memset(out, 0, sizeof *out);
    if (!lex_indent(&x))
        return false;
    while (x.i < x.n) {
        if (x.s[x.i] == '\0')
            return fail(&x, "SyntaxError", x.line, 0, "source code cannot contain null bytes");
        if (!lex_token(&x))
            return false;
    }
    if (x.depth > 0) {
        PyError *u = &out->unclosed;
        snprintf(u->type, sizeof u->type, "SyntaxError");
        snprintf(u->msg, sizeof u->msg, "'%c' was never closed", x.brackets[x.depth - 1]);
        u->line = x.bline[x.depth - 1];
        u->col = x.bcol[x.depth - 1];
        u->set = true;
    }
    if (out->n > 0 && out->t[out->n - 1].kind != T_NEWLINE && out->t[out->n - 1].kind != T_DEDENT &&
        out->t[out->n - 1].kind != T_INDENT)
        push(&x, T_NEWLINE, x.i, 0);
    while (x.nindent > 1) {
        x.nindent--;
        push(&x, T_DEDENT, x.i, 0);
    }
    push(&x, T_END, x.i, 0);
    return true;
}

void toklist_fini(TokList *tl)
{
    for (size_t i = 0; i < tl->n; i++)
        free(tl->t[i].text);
    free(tl->t);
    memset(tl, 0, sizeof *tl);
}
