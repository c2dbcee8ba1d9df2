/*
 * parser: the machinery under the rules (tokens, errors, nodes, depth
 * guards) and the module rule.
 */
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

int ast_new(Ast *a, NodeKind k, int line, int col)
{
    a->n = xgrow(a->n, &a->cap, a->len + 1, sizeof *a->n);
    Node *n = &a->n[a->len];
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)k;
    n->line = line;
    n->col = col;
    n->a = n->b = n->c = n->d = n->e = n->next = -1;
    return (int)a->len++;
}

void ast_fini(Ast *a)
{
    for (size_t i = 0; i < a->len; i++)
        free(a->n[i].str);
    free(a->n);
    free(a->warn_line), free(a->warn_char);
    a->n = NULL;
    a->warn_line = NULL, a->warn_char = NULL;
    a->len = a->cap = a->nwarn = 0;
}

int ast_list_len(const Ast *a, int first)
{
    int k = 0;
    for (int i = first; i >= 0; i = a->n[i].next)
        k++;
    return k;
}

Token *p_cur(P *p)
{
    if (p->i > p->far)
        p->far = p->i;
    return &p->tl.t[p->i];
}

Token *p_peek(P *p, size_t k)
{
    size_t j = p->i + k;
    return &p->tl.t[j < p->tl.n ? j : p->tl.n - 1];
}

void p_token_span(const P *p, const Token *t, int *line, int *col)
{
    *line = t->line;
    *col = t->col + (int)t->len;
    if (t->len == 0 || !p->src)
        return;
    const char *s = p->src + t->start;
    for (size_t k = 0; k < t->len; k++)
        if (s[k] == '\n') { /* a string over several lines */
            (*line)++;
            *col = (int)(t->len - k - 1);
        }
}

static void vfail(P *p, Token *t, const char *type, const char *fmt, va_list ap)
{
    if (p->err->set)
        return;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    snprintf(p->err->type, sizeof p->err->type, "%s", type);
    p->err->line = t->line;
    p->err->col = t->col;
    /* CPython marks the whole token it stopped at (3.13 even for an
     * indentation error, where 3.11 and 3.12 show one caret) */
    if (t->kind == T_NEWLINE || t->kind == T_END || t->kind == T_INDENT || t->kind == T_DEDENT ||
        (strcmp(type, "IndentationError") == 0 && p->minor < 13))
        p->err->end_line = p->err->end_col = 0;
    else
        p_token_span(p, t, &p->err->end_line, &p->err->end_col);
    p->err->set = true;
}

int p_end(P *p, int n)
{
    /* a parenthesized expression ends where its text does, before ')', as
     * CPython's positions say; a tuple's and a generator's include them */
    if (n >= 0 && (N(p, n)->xf & XF_PAREN) && N(p, n)->kind != N_TUPLE && N(p, n)->kind != N_GENEXP)
        return n;
    if (n >= 0 && p->i > 0) {
        Node *nd = N(p, n);
        int line, col;
        p_token_span(p, &p->tl.t[p->i - 1], &line, &col);
        if (line > nd->end_line || (line == nd->end_line && col > nd->end_col))
            nd->end_line = line, nd->end_col = col;
    }
    return n;
}

int p_end_after_block(P *p, int n)
{
    int i = p->i - 1; /* the last token of the block's last statement */
    while (i > 0 && (p->tl.t[i].kind == T_NEWLINE || p->tl.t[i].kind == T_INDENT ||
                     p->tl.t[i].kind == T_DEDENT || p->tl.t[i].kind == T_END))
        i--;
    if (n >= 0 && i >= 0) {
        Node *nd = N(p, n);
        int line, col;
        p_token_span(p, &p->tl.t[i], &line, &col);
        if (line > nd->end_line || (line == nd->end_line && col > nd->end_col))
            nd->end_line = line, nd->end_col = col;
    }
    return n;
}

int p_fail_node(P *p, int n, const char *fmt, ...)
{
    if (p->err->set)
        return -1;
    Token at = p_start(p, n);
    va_list ap;
    va_start(ap, fmt);
    vfail(p, &at, "SyntaxError", fmt, ap);
    va_end(ap);
    p->err->end_line = N(p, n)->end_line, p->err->end_col = N(p, n)->end_col;
    return -1;
}

int p_fail_range(P *p, Token from, int to, const char *fmt, ...)
{
    if (p->err->set)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    vfail(p, &from, "SyntaxError", fmt, ap);
    va_end(ap);
    p->err->end_line = N(p, to)->end_line, p->err->end_col = N(p, to)->end_col;
    return -1;
}

bool p_fail_at(P *p, Token *t, const char *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, t, type, fmt, ap);
    va_end(ap);
    return false;
}

int p_failf(P *p, Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, t, "SyntaxError", fmt, ap);
    va_end(ap);
    return -1;
}

/* Parses an expression at the current token and undoes it: CPython's second
 * pass tries one there, and how far it reads decides whether an unclosed
 * bracket replaces a generic error (tokenizer_error_first). */
bool p_probe_expression(P *p)
{
    size_t save = p->i, save_len = p->ast->len;
    PyError save_err = *p->err;
    bool ok = p_expression(p) >= 0;
    for (size_t k = save_len; k < p->ast->len; k++)
        free(p->ast->n[k].str);
    p->ast->len = save_len;
    *p->err = save_err;
    p->i = save;
    return ok;
}

/* Parses what `parse` reads at the current token and undoes it, keeping
 * only where it ended (end_line 0 when it failed): CPython's error ranges
 * reach to the end of an expression it read after the error's start. */
void p_probe_end(P *p, int (*parse)(P *), int *end_line, int *end_col)
{
    size_t save = p->i, save_len = p->ast->len;
    PyError save_err = *p->err;
    int r = parse(p);
    *end_line = r >= 0 ? N(p, r)->end_line : 0;
    *end_col = r >= 0 ? N(p, r)->end_col : 0;
    for (size_t k = save_len; k < p->ast->len; k++)
        free(p->ast->n[k].str);
    p->ast->len = save_len;
    *p->err = save_err;
    p->i = save;
}

/* "Maybe you meant '==' ...": from the target to the end of the value after
 * the '=' at the current token. */
int p_fail_eq_hint(P *p, int target, const char *fmt, ...)
{
    if (p->err->set)
        return -1;
    int line, col;
    p->i++;
    p_probe_end(p, p_bitor, &line, &col);
    p->i--;
    Token at = p_start(p, target);
    va_list ap;
    va_start(ap, fmt);
    vfail(p, &at, "SyntaxError", fmt, ap);
    va_end(ap);
    if (line)
        p->err->end_line = line, p->err->end_col = col;
    return -1;
}

/* "Perhaps you forgot a comma?": only when an expression follows the one at
 * `last` (CPython's invalid_expression rule); tried, then undone. */
int p_comma_hint(P *p, int last)
{
    Token *nx = p_cur(p);
    bool starts = nx->kind == T_NAME || nx->kind == T_INT || nx->kind == T_FLOAT || nx->kind == T_STRING ||
                  (nx->kind == T_OP && strchr("([{-+~.", nx->text[0]));
    bool expr = starts && last >= 0 && p_probe_expression(p);
    if (!expr) /* CPython: at the furthest token its attempt reached */
        return p_failf(p, &p->tl.t[p->far], "invalid syntax");
    int line, col;
    p_probe_end(p, p_expression, &line, &col);
    Token at = p_start(p, last);
    p_failf(p, &at, "invalid syntax. Perhaps you forgot a comma?");
    if (line)
        p->err->end_line = line, p->err->end_col = col;
    return -1;
}

Token p_end_of_source(P *p)
{
    const char *s = p->src;
    size_t n = strlen(s), end = n;
    if (end > 0 && s[end - 1] == '\n')
        end--;
    size_t ls = end;
    while (ls > 0 && s[ls - 1] != '\n')
        ls--;
    int line = 1;
    for (size_t k = 0; k < ls; k++)
        line += s[k] == '\n';
    Token t = {.line = line, .col = (int)(end - ls)};
    return t;
}

void p_indent_error(P *p, Token *t)
{
    Token at = *t;
    at.col = t->col > 0 ? t->col - 1 : 0;
    p_fail_at(p, &at, "IndentationError", "unexpected indent");
}

int p_fail(P *p, const char *msg)
{
    Token *t = p_cur(p);
    if (t->kind == T_INDENT)
        p_indent_error(p, t);
    else if (t->kind == T_DEDENT && strcmp(msg, "invalid syntax") == 0)
        p_fail_at(p, t, "IndentationError", "unindent does not match any outer indentation level");
    else
        p_fail_at(p, t, "SyntaxError", "%s", msg);
    return -1;
}

bool p_is_op(P *p, const char *op)
{
    Token *t = p_cur(p);
    return t->kind == T_OP && strcmp(t->text, op) == 0;
}

bool p_peek_op(P *p, size_t k, const char *op)
{
    Token *t = p_peek(p, k);
    return t->kind == T_OP && strcmp(t->text, op) == 0;
}

bool p_is_kw(P *p, const char *kw)
{
    Token *t = p_cur(p);
    return t->kind == T_NAME && strcmp(t->text, kw) == 0;
}

bool p_accept_op(P *p, const char *op)
{
    if (!p_is_op(p, op))
        return false;
    p->i++;
    return true;
}

bool p_accept_kw(P *p, const char *kw)
{
    if (!p_is_kw(p, kw))
        return false;
    p->i++;
    return true;
}

bool p_expect_op(P *p, const char *op)
{
    if (p_accept_op(p, op))
        return true;
    if (strcmp(op, ":") == 0 && p_is_op(p, "="))
        return p_fail_at(p, p_cur(p), "SyntaxError",
                         "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (strcmp(op, ":") == 0 && p_cur(p)->kind == T_NEWLINE) /* CPython says so only at a line's end */
        return p_fail_at(p, p_cur(p), "SyntaxError", "expected ':'");
    p_fail(p, "invalid syntax");
    return false;
}

static const char *keywords[] = {"False", "None", "True", "and", "as", "assert", "async", "await",
                                 "break", "class", "continue", "def", "del", "elif", "else",
                                 "except", "finally", "for", "from", "global", "if", "import",
                                 "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
                                 "return", "try", "while", "with", "yield", NULL};

bool p_is_keyword(const char *s)
{
    for (int i = 0; keywords[i]; i++)
        if (strcmp(s, keywords[i]) == 0)
            return true;
    return false;
}

bool p_at_name(P *p)
{
    Token *t = p_cur(p);
    return t->kind == T_NAME && !p_is_keyword(t->text);
}

int p_node(P *p, NodeKind k, Token *t) { return ast_new(p->ast, k, t->line, t->col); }

char *p_dup_text(const Token *t, size_t *len)
{
    *len = t->textlen;
    char *s = xmalloc(t->textlen + 1);
    memcpy(s, t->text, t->textlen);
    s[t->textlen] = '\0';
    return s;
}

void p_set_str(P *p, int n, const char *s, size_t len)
{
    free(N(p, n)->str);
    N(p, n)->str = xstrndup(s, len);
    N(p, n)->strlen = len;
}

int p_name(P *p)
{
    if (!p_at_name(p))
        return p_fail(p, "invalid syntax");
    Token *t = p_cur(p);
    int n = p_node(p, N_NAME, t);
    N(p, n)->str = p_dup_text(t, &N(p, n)->strlen);
    p->i++;
    return n;
}

Token p_start(P *p, int n)
{
    bool first = true; /* a parenthesised node still starts at its operand */
    for (;;) { /* the leftmost operand is where an expression starts */
        Node *nd = N(p, n);
        bool left = nd->kind == N_BINOP || nd->kind == N_COMPARE || nd->kind == N_BOOLOP ||
                    nd->kind == N_CALL || nd->kind == N_ATTR || nd->kind == N_SUBSCRIPT ||
                    nd->kind == N_IFEXP;
        if (!left || ((nd->xf & XF_PAREN) && !first))
            break;
        first = false;
        n = nd->kind == N_IFEXP ? nd->b : nd->a;
    }
    Token t = {.line = N(p, n)->line, .col = N(p, n)->col};
    return t;
}

void p_append(P *p, int *first, int *last, int n)
{
    if (*last < 0)
        *first = n;
    else
        N(p, *last)->next = n;
    *last = n;
}

/* CPython's parser has a fixed stack (MAXSTACK 6000); one level of '**' or
 * 'lambda' takes two of our units, a unary operator one.  3.11 and 3.12 stop
 * unary chains earlier, in the compiler's recursion limit. */
bool p_enter(P *p, Token *t, int units)
{
    p->stack += units;
    p->nest++;
    if (p->stack > 5966) {
        p_fail_at(p, t, "MemoryError", "%s",
                  p->minor >= 12 ? "Parser stack overflowed - Python source too complex to parse" : "");
        return false;
    }
    int limit = p->minor == 11 ? 2992 : p->minor == 12 ? 2994 : 9996;
    if (p->nest > limit) {
        p_fail_at(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
        return false;
    }
    return true;
}

void p_leave(P *p, int units)
{
    p->stack -= units;
    p->nest--;
}

/* `from __future__ import` is a compiler directive: only at the start of
 * the module (after the docstring), only features that exist. */
static bool check_futures(P *p, int first)
{
    static const char *features[] = {"nested_scopes", "generators", "division", "absolute_import",
                                     "with_statement", "print_function", "unicode_literals",
                                     "barry_as_FLUFL", "generator_stop", "annotations", NULL};
    size_t k = 0;
    int s = first;
    if (s >= 0 && N(p, s)->kind == N_EXPR && N(p, N(p, s)->a)->kind == N_STR)
        s = N(p, s)->next; /* the docstring */
    for (; s >= 0 && k < p->nfutures && p->futures[k] == s; s = N(p, s)->next, k++)
        for (int it = N(p, s)->a; it >= 0; it = N(p, it)->next) {
            const char *name = N(p, it)->str;
            bool known = false;
            for (int f = 0; features[f]; f++)
                known |= strcmp(name, features[f]) == 0;
            Token at = {.line = N(p, s)->line, .col = N(p, s)->col};
            if (strcmp(name, "braces") == 0)
                return p_fail_at(p, &at, "SyntaxError", "not a chance");
            if (!known)
                return p_fail_at(p, &at, "SyntaxError", "future feature %s is not defined", name);
        }
    if (k < p->nfutures) {
        Token at = {.line = N(p, p->futures[k])->line, .col = N(p, p->futures[k])->col};
        return p_fail_at(p, &at, "SyntaxError", "from __future__ imports must occur at the beginning of the file");
    }
    return true;
}

/* After a parse error CPython tokenizes the rest of the file: a tokenizer
 * error there (an unterminated string, an invalid character...; not a bad
 * dedent) replaces the parse error, and so does a bracket left open at the
 * end when the parse error is on a later line.  Running into the tokenizer
 * error's place reports it too. */
static void tokenizer_error_first(P *p)
{
    const PyError *lexerr = p->tl.lexerr.set ? &p->tl.lexerr : p->tl.unclosed.set ? &p->tl.unclosed : NULL;
    if (!lexerr)
        return;
    size_t at = p->tl.lexerr.set ? p->tl.lexerr_tok : p->tl.n - 1;
    const char *t = p->err->type;
    bool syntax = strcmp(t, "SyntaxError") == 0 || strcmp(t, "IndentationError") == 0 || strcmp(t, "TabError") == 0;
    bool reached = p->i + 2 >= at, later = false;
    if (p->tl.lexerr.set) {
        /* CPython's indentation errors of the tokenizer do not override */
        later = syntax && strcmp(lexerr->type, "SyntaxError") == 0 &&
                strcmp(p->err->msg, "unexpected indent") != 0;
    } else {
        /* an unclosed bracket is no error of its own: it is reported when the
         * parser ran into the end, or after an error on a later line */
        Token *c = p_cur(p);
        reached = c->kind == T_END || ((c->kind == T_NEWLINE || c->kind == T_DEDENT) && p->i + 3 >= p->tl.n);
        later = syntax && p->tl.t[p->far].line > lexerr->line; /* the furthest token CPython fetched */
    }
    if (later || reached)
        *p->err = *lexerr;
}

bool parse_module(const char *src, size_t n, int minor, Ast *ast, PyError *err)
{
    memset(ast, 0, sizeof *ast);
    P p = {.ast = ast, .err = err, .src = src, .minor = minor};
    lex(src, n, minor, &p.tl);
    int mod = ast_new(ast, N_MODULE, 1, 0);
    ast->root = mod;
    int first = -1, last = -1;
    while (p_cur(&p)->kind != T_END) {
        if (p_cur(&p)->kind == T_NEWLINE) {
            p.i++;
            continue;
        }
        int s = p_statement(&p);
        if (s < 0) {
            if (!err->set)
                p_fail(&p, "invalid syntax");
            tokenizer_error_first(&p);
            toklist_fini(&p.tl);
            free(p.futures);
            return false;
        }
        p_append(&p, &first, &last, s);
        while (ast->n[last].next >= 0)
            last = ast->n[last].next;
    }
    ast->n[mod].a = first;
    if (p.tl.lexerr.set) { /* the tokens ran out at a tokenizer error */
        *err = p.tl.lexerr;
        toklist_fini(&p.tl);
        free(p.futures);
        return false;
    }
    /* source order: the parser adds the warnings of f-string parts after the
     * tokenizer added those of plain strings */
    for (size_t i = 1; i < p.tl.nwarn; i++)
        for (size_t j = i; j > 0 && p.tl.warn_at[j - 1] > p.tl.warn_at[j]; j--) {
            size_t at = p.tl.warn_at[j];
            int line = p.tl.warn_line[j];
            char c = p.tl.warn_char[j];
            p.tl.warn_at[j] = p.tl.warn_at[j - 1], p.tl.warn_line[j] = p.tl.warn_line[j - 1];
            p.tl.warn_char[j] = p.tl.warn_char[j - 1];
            p.tl.warn_at[j - 1] = at, p.tl.warn_line[j - 1] = line, p.tl.warn_char[j - 1] = c;
        }
    ast->warn_line = p.tl.warn_line, ast->warn_char = p.tl.warn_char, ast->nwarn = p.tl.nwarn;
    p.tl.warn_line = NULL, p.tl.warn_char = NULL, p.tl.nwarn = 0;
    toklist_fini(&p.tl);
    bool ok = check_futures(&p, first) && p_check_placement(&p, first);
    free(p.futures);
    return ok;
}
