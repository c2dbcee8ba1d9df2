/*
 * parser_fstr: an f-string token to an N_FSTRING of literal parts (N_STR)
 * and fields (N_FVALUE).  Each field's expression is tokenized from the
 * source in place and parsed by a nested parser, so its positions are the
 * source's own.  `f"{x=}"` becomes the text "x=" and the field with !r,
 * as CPython compiles it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/lexer_fstr.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

/* Where a token ends (line, column after it). */
static Token p_token_end(P *p, Token *t)
{
    Token end = *t;
    size_t ls = t->start - (size_t)t->col;
    for (size_t k = t->start; k < t->start + t->len; k++)
        if (p->src[k] == '\n')
            end.line++, ls = k + 1;
    end.col = (int)(t->start + t->len - ls);
    return end;
}

static int literal(P *p, Token *t, size_t a, size_t b, bool raw)
{
    bool named = false;
    size_t len;
    char err[160];
    char *s = lex_decode(p->src + a, b - a, raw ? TF_RAW : 0, &len, &named, err, sizeof err);
    char bad = lex_bad_escape(p->src + a, b - a, raw ? TF_RAW : 0);
    if (bad)
        lex_warn(&p->tl, t->line, a, bad);
    if (err[0]) {
        Token end = p_token_end(p, t);
        if (p->minor >= 12)
            end.col--; /* at the closing quote */
        free(s);
        return p_failf(p, &end, "%s", err);
    }
    int n = p_node(p, N_STR, t);
    N(p, n)->str = s;
    N(p, n)->strlen = len;
    if (named)
        N(p, n)->xf |= XF_NAMEDESC;
    return n;
}

/* 3.11 reports an f-string's own errors after the end of its token. */
static void at_token_end_311(P *p, Token *t)
{
    if (p->minor >= 12)
        return;
    int line = t->line;
    size_t ls = t->start - (size_t)t->col;
    for (size_t k = t->start; k < t->start + t->len; k++)
        if (p->src[k] == '\n')
            line++, ls = k + 1;
    p->err->line = line;
    p->err->col = (int)(t->start + t->len - ls);
}

/* "f-string: " leads 3.11's messages for errors inside a field. */
static void prefix_311(P *p)
{
    if (p->minor >= 12 || strncmp(p->err->msg, "f-string", 8) == 0 ||
        strcmp(p->err->type, "SyntaxError") != 0)
        return;
    char tmp[sizeof p->err->msg];
    snprintf(tmp, sizeof tmp, "f-string: %s", p->err->msg);
    snprintf(p->err->msg, sizeof p->err->msg, "%s", tmp);
}

static int field_expr(P *p, Token *t, const FsField *f)
{
    LexIn in = {.src = p->src, .start = f->ex_a, .end = f->ex_b, .minor = p->minor,
                .line = f->ex_line, .line_start = f->ex_line_start, .fexpr = true};
    TokList tl;
    if (!lex_range(&in, &tl, p->err)) {
        toklist_fini(&tl);
        prefix_311(p);
        return -1;
    }
    P q = {.tl = tl, .ast = p->ast, .err = p->err, .src = p->src, .minor = p->minor,
           .stack = p->stack, .nest = p->nest, .func_depth = p->func_depth, .in_fstring = true};
    int e;
    Token *first = p_cur(&q);
    if (first->kind == T_END) {
        toklist_fini(&tl);
        if (p->minor < 12) {
            p_failf(p, t, "f-string: empty expression not allowed");
            at_token_end_311(p, t);
            return -1;
        }
        Token at = *t;
        at.col = (int)(f->ex_b - f->ex_line_start);
        at.line = f->ex_line;
        return p_failf(p, &at, "f-string: valid expression required before '%c'",
                       f->debug ? '=' : f->conv ? '!' : f->spec ? ':' : '}');
    }
    if (p_is_kw(&q, "yield"))
        e = p_yield(&q);
    else if (p_is_kw(&q, "lambda") && p->minor >= 12)
        e = p_failf(&q, first, "f-string: lambda expressions are not allowed without parentheses");
    else
        e = p_star_expressions(&q);
    if (e >= 0 && p_cur(&q)->kind != T_END)
        e = p_is_op(&q, "=") ? p_fail(&q, "invalid syntax") : p_fail(&q, "invalid syntax");
    toklist_fini(&q.tl);
    if (e < 0)
        prefix_311(p);
    return e;
}

static int parts(P *p, Token *t, FsScan *sc);


static int field(P *p, Token *t, const FsField *f, bool raw)
{
    int e = field_expr(p, t, f);
    if (e < 0)
        return -1;
    int fv = p_node(p, N_FVALUE, t);
    N(p, fv)->a = e;
    N(p, fv)->flag = (uint8_t)(f->conv ? f->conv : f->debug && !f->spec ? 'r' : 0);
    if (!f->spec)
        return fv;
    if (memchr(p->src + f->sp_a, '{', f->sp_b - f->sp_a) == NULL) {
        bool named = false;
        char err[160];
        N(p, fv)->str = lex_decode(p->src + f->sp_a, f->sp_b - f->sp_a, raw ? TF_RAW : 0,
                                   &N(p, fv)->strlen, &named, err, sizeof err);
        if (err[0]) {
            Token end = p_token_end(p, t);
            return p_failf(p, &end, "%s", err);
        }
        return fv;
    }
    PyError scratch = {0};
    FsScan sc = {.s = p->src, .i = f->sp_a, .end = f->sp_b, .raw = raw, .spec = true,
                 .minor = p->minor, .line = f->sp_line, .line_start = f->sp_line_start,
                 .nest = 1, .err = &scratch};
    int spec = p_node(p, N_FSTRING, t);
    int first = parts(p, t, &sc);
    if (first < -1)
        return -1;
    N(p, spec)->a = first;
    N(p, fv)->b = spec;
    return fv;
}

/* The parts of one body (or spec); -1 for none, -2 on error. */
static int parts(P *p, Token *t, FsScan *sc)
{
    int first = -1, last = -1;
    for (;;) {
        size_t a, b;
        FsField f;
        int r = fs_next(sc, &a, &b, &f);
        if (r == FS_DONE)
            return first;
        if (r == FS_ERR) {
            if (!p->err->set) {
                *p->err = *sc->err;
                at_token_end_311(p, t);
            }
            return -2;
        }
        if (r == FS_LIT) {
            int lit = literal(p, t, a, b, sc->raw);
            if (lit < 0)
                return -2;
            p_append(p, &first, &last, lit);
            continue;
        }
        if (f.debug)
            p_append(p, &first, &last, literal(p, t, f.open + 1, f.dbg_b, true));
        int fv = field(p, t, &f, sc->raw);
        if (fv < 0)
            return -2;
        if (p->minor >= 12 && f.open >= sc->line_start && sc->i > f.open) { /* 3.12+: a field's own */
            Node *nv = N(p, fv);                                              /* place, '{' to '}' */
            nv->line = nv->end_line = sc->line;
            nv->col = (int)(f.open - sc->line_start);
            nv->end_col = (int)(sc->i - sc->line_start);
        }
        p_append(p, &first, &last, fv);
    }
}

int p_fstring(P *p, Token *t)
{
    PyError scratch = {0};
    FsScan sc = {.s = p->src, .i = t->body, .end = t->body + t->bodylen, .raw = (t->flags & TF_RAW) != 0,
                 .minor = p->minor, .line = t->bodyline, .q = p->src[t->body - 1],
                 .triple = (t->flags & TF_TRIPLE) != 0,
                 .line_start = t->body - (size_t)t->bodycol, .err = &scratch};
    int fs = p_node(p, N_FSTRING, t);
    int first = parts(p, t, &sc);
    if (first < -1)
        return -1;
    N(p, fs)->a = first;
    return fs;
}
