/*
 * parser_compound: blocks and compound statements — if, while, for, try
 * (except and except*), with, def, class, async forms and decorators.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

int p_block(P *p, const char *what, int line)
{
    /* CPython's grammar forces the ':' of these ("&&':'"): always "expected ':'" */
    bool forced = strcmp(what, "function definition") == 0 || strcmp(what, "'try' statement") == 0 ||
                  strcmp(what, "'else' statement") == 0 || strcmp(what, "'finally' statement") == 0;
    if (forced && !p_is_op(p, ":") && !p_is_op(p, "="))
        return p_failf(p, p_cur(p), "expected ':'");
    if (!p_expect_op(p, ":"))
        return -1;
    if (p_cur(p)->kind != T_NEWLINE)
        return p_simple_stmts(p);
    p->i++;
    if (p_cur(p)->kind != T_INDENT) {
        p_fail_at(p, p_cur(p), "IndentationError", "expected an indented block after %s on line %d",
                  what, line);
        return -1;
    }
    p->i++;
    int first = -1, last = -1;
    while (p_cur(p)->kind != T_DEDENT && p_cur(p)->kind != T_END) {
        int s = p_statement(p);
        if (s < 0)
            return -1;
        p_append(p, &first, &last, s);
        while (N(p, last)->next >= 0)
            last = N(p, last)->next;
    }
    if (p_cur(p)->kind == T_DEDENT)
        p->i++;
    return first;
}

/* loops, try and with nest a block each: 3.11 and 3.12 allow 20
 * (CO_MAXBLOCKS), 3.13 allows 21 (measured with compile()) */
static bool enter_block(P *p, Token *t)
{
    if (p->blocks >= (p->minor <= 12 ? 20 : 21))
        return p_fail_at(p, t, "SyntaxError", "too many statically nested blocks");
    p->blocks++;
    return true;
}

static int nested_block(P *p, Token *t, const char *what, int line)
{
    if (!enter_block(p, t))
        return -1;
    int b = p_block(p, what, line);
    p->blocks--;
    return b;
}

static int if_stmt(P *p, Token *t, const char *what)
{
    int s = p_node(p, N_IF, t);
    int c = p_named(p);
    if (c < 0)
        return -1;
    if (p_is_op(p, "="))
        return p_fail_eq_hint(p, c, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    char desc[48];
    snprintf(desc, sizeof desc, "'%s' statement", what);
    int body = p_block(p, desc, t->line);
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->a = c, N(p, s)->b = body;
    Token *e = p_cur(p);
    if (p_accept_kw(p, "elif")) {
        int o = if_stmt(p, e, "elif");
        if (o < 0)
            return -1;
        N(p, s)->c = o;
    } else if (p_accept_kw(p, "else")) {
        int o = p_block(p, "'else' statement", e->line);
        if (o < 0 && p->err->set)
            return -1;
        N(p, s)->c = o;
    }
    return s;
}

static int handler(P *p, bool *star)
{
    Token *e = p_cur(p);
    p->i++;
    int h = p_node(p, N_HANDLER, e);
    *star = p_accept_op(p, "*");
    if (*star && p_is_op(p, ":"))
        return p_fail(p, "expected one or more exception types");
    if (!p_is_op(p, ":")) {
        int ty = p_expression(p);
        if (ty < 0)
            return -1;
        if (p_is_op(p, ",")) {
            Token at = p_start(p, ty);
            return p_failf(p, &at, "multiple exception types must be parenthesized");
        }
        N(p, h)->a = ty;
        if (p_accept_kw(p, "as")) {
            Token *n = p_cur(p);
            if (!p_at_name(p))
                return p_fail(p, "invalid syntax");
            N(p, h)->str = p_dup_text(n, &N(p, h)->strlen);
            p->i++;
        }
    }
    int hb = p_block(p, *star ? "'except*' statement" : "'except' statement", e->line);
    if (hb < 0 && p->err->set)
        return -1;
    N(p, h)->b = hb;
    return h;
}

static int try_stmt(P *p, Token *t)
{
    int s = p_node(p, N_TRY, t);
    int body = nested_block(p, t, "'try' statement", t->line);
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->a = body;
    int first = -1, last = -1, kinds = 0;
    while (p_is_kw(p, "except")) {
        Token *e = p_cur(p);
        bool star;
        int h = handler(p, &star);
        if (h < 0)
            return -1;
        kinds |= star ? 2 : 1;
        if (kinds == 3)
            return p_failf(p, e, "cannot have both 'except' and 'except*' on the same 'try'");
        p_append(p, &first, &last, h);
    }
    N(p, s)->b = first;
    if (kinds == 2)
        N(p, s)->xf |= XF_STAR;
    Token *e = p_cur(p);
    if (last >= 0 && p_accept_kw(p, "else")) {
        int o = p_block(p, "'else' statement", e->line);
        if (o < 0 && p->err->set)
            return -1;
        N(p, s)->c = o;
    }
    e = p_cur(p);
    if (p_accept_kw(p, "finally")) {
        int f = p_block(p, "'finally' statement", e->line);
        if (f < 0 && p->err->set)
            return -1;
        N(p, s)->d = f;
        if (f < 0) {
            int pass = p_node(p, N_PASS, e);
            N(p, s)->d = pass;
        }
    }
    if (last < 0 && N(p, s)->d < 0) { /* at what follows the block */
        size_t k = p->i;
        while (k + 1 < p->tl.n && p->tl.t[k].kind == T_DEDENT)
            k++;
        Token at = p->tl.t[k];
        if (at.kind == T_END)
            at = p_end_of_source(p);
        return p_failf(p, &at, "expected 'except' or 'finally' block");
    }
    return s;
}

static int for_stmt(P *p, Token *t, bool async)
{
    int s = p_node(p, N_FOR, t);
    if (async)
        N(p, s)->xf |= XF_ASYNC;
    int target = p_end(p, p_for_target(p, TGT_FOR));
    if (target < 0)
        return -1;
    if (!p_accept_kw(p, "in"))
        return p_fail(p, "invalid syntax");
    int it = p_star_expressions(p);
    if (it < 0)
        return -1;
    N(p, s)->a = target, N(p, s)->b = it;
    int body = nested_block(p, t, "'for' statement", t->line);
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->c = body;
    Token *e = p_cur(p);
    if (p_accept_kw(p, "else")) { /* a node may move the array: assign after */
        int o = p_block(p, "'else' statement", e->line);
        if (o < 0 && p->err->set)
            return -1;
        N(p, s)->d = o;
    }
    return s;
}

static int with_item(P *p)
{
    Token *t = p_cur(p);
    int it = p_node(p, N_WITHITEM, t);
    int e = p_expression(p);
    if (e < 0)
        return -1;
    N(p, it)->a = e;
    if (p_accept_kw(p, "as")) {
        int tg = p_star_named(p);
        if (tg < 0 || !p_check_target(p, tg, TGT_WITH))
            return -1;
        if (!p_is_op(p, ",") && !p_is_op(p, ")") && !p_is_op(p, ":"))
            return p_fail(p, "invalid syntax");
        N(p, it)->b = tg;
    }
    return it;
}

static int with_items(P *p, bool paren)
{
    int first = -1, last = -1;
    do {
        if (paren && p_is_op(p, ")") && first >= 0)
            break;
        int it = with_item(p);
        if (it < 0)
            return -1;
        p_append(p, &first, &last, it);
    } while (p_accept_op(p, ","));
    if (paren && !p_accept_op(p, ")"))
        return p_fail(p, "invalid syntax");
    if (!p_is_op(p, ":"))
        return p_expect_op(p, ":") ? first : -1;
    return first;
}

static int with_stmt(P *p, Token *t, bool async)
{
    int s = p_node(p, N_WITH, t);
    if (async)
        N(p, s)->xf |= XF_ASYNC;
    int items = -1;
    if (p_is_op(p, "(")) { /* with (a as b, c): or with (a, b) as c: */
        size_t save = p->i, save_len = p->ast->len;
        PyError save_err = *p->err;
        p->i++;
        items = with_items(p, true);
        if (items < 0) {
            for (size_t k = save_len; k < p->ast->len; k++)
                free(p->ast->n[k].str);
            p->ast->len = save_len;
            *p->err = save_err;
            p->i = save;
        }
    }
    if (items < 0 && (items = with_items(p, false)) < 0)
        return -1;
    N(p, s)->a = items;
    int body = nested_block(p, t, "'with' statement", t->line);
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->b = body;
    return s;
}

static int func_def(P *p, Token *t, bool async, int decorators)
{
    int s = p_node(p, N_DEF, t);
    if (async)
        N(p, s)->xf |= XF_ASYNC;
    Token *n = p_cur(p);
    if (!p_at_name(p))
        return p_fail(p, "invalid syntax");
    p->i++;
    N(p, s)->str = p_dup_text(n, &N(p, s)->strlen);
    N(p, s)->c = decorators;
    if (p_is_op(p, "[") && p->minor >= 12) {
        Token *open = p_cur(p);
        int tps = p_type_params(p);
        if (tps < 0) {
            if (p->minor == 12 && strcmp(p->err->msg, "invalid syntax") == 0) {
                p->err->set = false;
                return p_failf(p, open, "expected '('");
            }
            return -1;
        }
        N(p, s)->e = tps;
    }
    if (!p_is_op(p, "("))
        return p_failf(p, p_cur(p), "expected '('");
    p->i++;
    int first = -1;
    if (p_params(p, ")", &first, s) < 0)
        return -1;
    if (!p_accept_op(p, ")"))
        return p_fail(p, "invalid syntax");
    Token *arrow = p_cur(p);
    if (p_accept_op(p, "->")) {
        if (p_is_op(p, ":"))
            return p_failf(p, arrow, "expected ':'");
        int ret = p_expression(p);
        if (ret < 0)
            return -1;
        N(p, s)->d = ret;
    }
    int saved_blocks = p->blocks;
    p->blocks = 0;
    p->func_depth++;
    int body = p_block(p, "function definition", t->line);
    p->func_depth--;
    p->blocks = saved_blocks;
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->a = first, N(p, s)->b = body;
    return s;
}

static int class_def(P *p, Token *t, int decorators)
{
    Token *n = p_cur(p);
    if (!p_at_name(p))
        return p_fail(p, "invalid syntax");
    p->i++;
    int s = p_node(p, N_CLASS, t);
    N(p, s)->str = p_dup_text(n, &N(p, s)->strlen);
    N(p, s)->c = decorators;
    if (p_is_op(p, "[") && p->minor < 12)
        return p_fail(p, "invalid syntax");
    if (p_is_op(p, "[")) {
        int tps = p_type_params(p);
        if (tps < 0)
            return -1;
        N(p, s)->e = tps;
    }
    if (p_accept_op(p, "(")) {
        int tmp = p_node(p, N_CALL, t);
        if (p_call_args(p, tmp, ")") < 0)
            return -1;
        N(p, s)->a = N(p, tmp)->b;
    }
    int saved_blocks = p->blocks;
    p->blocks = 0;
    int body = p_block(p, "class definition", t->line);
    p->blocks = saved_blocks;
    if (body < 0 && p->err->set)
        return -1;
    N(p, s)->b = body;
    return p_end_after_block(p, s);
}

static int decorated(P *p)
{
    int first = -1, last = -1;
    while (p_is_op(p, "@")) {
        p->i++;
        int d = p_named(p);
        if (d < 0)
            return -1;
        p_append(p, &first, &last, d);
        if (p_cur(p)->kind != T_NEWLINE)
            return p_fail(p, "invalid syntax");
        p->i++;
    }
    Token *t = p_cur(p);
    if (p_accept_kw(p, "def"))
        return func_def(p, t, false, first);
    if (p_accept_kw(p, "class"))
        return class_def(p, t, first);
    if (p_is_kw(p, "async") && p_peek(p, 1)->kind == T_NAME && strcmp(p_peek(p, 1)->text, "def") == 0) {
        p->i += 2;
        return func_def(p, t, true, first);
    }
    return p_fail(p, "invalid syntax");
}

int p_compound(P *p)
{
    Token *t = p_cur(p);
    if (p_is_op(p, "@"))
        return decorated(p);
    if (t->kind != T_NAME)
        return -2;
    if (p_accept_kw(p, "if"))
        return if_stmt(p, t, "if");
    if (p_accept_kw(p, "while")) {
        int s = p_node(p, N_WHILE, t);
        int c = p_named(p);
        if (c < 0)
            return -1;
        int body = nested_block(p, t, "'while' statement", t->line);
        if (body < 0 && p->err->set)
            return -1;
        N(p, s)->a = c, N(p, s)->b = body;
        Token *e = p_cur(p);
        if (p_accept_kw(p, "else")) {
            int o = p_block(p, "'else' statement", e->line);
            if (o < 0 && p->err->set)
                return -1;
            N(p, s)->c = o;
        }
        return s;
    }
    if (p_accept_kw(p, "for"))
        return for_stmt(p, t, false);
    if (p_accept_kw(p, "def"))
        return func_def(p, t, false, -1);
    if (p_accept_kw(p, "class"))
        return class_def(p, t, -1);
    if (p_accept_kw(p, "try"))
        return try_stmt(p, t);
    if (p_accept_kw(p, "with"))
        return with_stmt(p, t, false);
    if (p_is_kw(p, "async")) {
        Token *nx = p_peek(p, 1);
        p->i++;
        if (p_accept_kw(p, "def"))
            return func_def(p, t, true, -1);
        if (p_accept_kw(p, "for"))
            return for_stmt(p, t, true);
        if (p_accept_kw(p, "with"))
            return with_stmt(p, t, true);
        (void)nx;
        return p_fail(p, "invalid syntax");
    }
    if (strcmp(t->text, "match") == 0)
        return p_match(p);
    return -2;
}

int p_statement(P *p)
{
    Token *t = p_cur(p);
    if (t->kind == T_INDENT) {
        p_indent_error(p, t);
        return -1;
    }
    int c = p_compound(p);
    if (c != -2)
        return c;
    if (t->kind == T_NAME && (strcmp(t->text, "else") == 0 || strcmp(t->text, "elif") == 0 ||
                              strcmp(t->text, "except") == 0 || strcmp(t->text, "finally") == 0))
        return p_fail(p, "invalid syntax");
    return p_simple_stmts(p);
}
