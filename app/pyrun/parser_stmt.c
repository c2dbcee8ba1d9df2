/*
 * parser_stmt: simple statements (expressions, assignments of every kind,
 * del, pass, break, continue, return, raise, global, nonlocal, import,
 * assert, type) and the checks on assignment targets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

/* CPython's name for an expression in "cannot assign to ..." */
static const char *expr_name(const Node *n)
{
    switch ((NodeKind)n->kind) {
    case N_CALL: return "function call";
    case N_LAMBDA: return "lambda";
    case N_BINOP: case N_UNARY: case N_BOOLOP: return "expression";
    case N_GENEXP: return "generator expression";
    case N_YIELD: case N_YIELDFROM: return "yield expression";
    case N_AWAIT: return "await expression";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_FSTRING: return "f-string expression";
    case N_NONE: return "None";
    case N_TRUE: return "True";
    case N_FALSE: return "False";
    case N_ELLIPSIS: return "ellipsis";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_NAMEDEXPR: return "named expression";
    case N_TUPLE: return "tuple";
    case N_LIST: return "list";
    case N_STARRED: return "starred";
    default: return "literal";
    }
}

static bool bad_target(P *p, int e, int ctx, bool here)
{
    const Node *n = N(p, e);
    Token t = p_start(p, e);
    const char *what = expr_name(n);
    (void)t;
    if (ctx != TGT_DEL && (n->kind == N_YIELD || n->kind == N_YIELDFROM))
        return p_fail_node(p, e, "assignment to yield expression not possible"), false;
    if (ctx == TGT_DEL)
        return p_fail_node(p, e, "cannot delete %s", what), false;
    bool bitor_level = n->kind != N_COMPARE && n->kind != N_IFEXP && n->kind != N_LAMBDA &&
                       !(n->kind == N_UNARY && n->op == OP_NOT) && n->kind != N_BOOLOP &&
                       n->kind != N_NAMEDEXPR && n->kind != N_NONE && n->kind != N_TRUE &&
                       n->kind != N_FALSE;
    if (here && bitor_level)
        return p_fail_node(p, e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                           what), false;
    return p_fail_node(p, e, "cannot assign to %s", what), false;
}

static bool target(P *p, int e, int ctx, bool here, bool top)
{
    Node *n = N(p, e);
    switch ((NodeKind)n->kind) {
    case N_NAME:
        if (ctx != TGT_DEL && strcmp(n->str, "__debug__") == 0)
            return p_fail_node(p, e, "cannot assign to __debug__"), false;
        return true;
    case N_ATTR: case N_SUBSCRIPT:
        return true;
    case N_STARRED:
        if (ctx == TGT_DEL)
            return bad_target(p, e, ctx, false);
        if (top && !(n->xf & XF_PAREN)) {
            Token t = {.line = n->line, .col = n->col};
            return p_fail_at(p, &t, "SyntaxError", "starred assignment target must be in a list or tuple");
        }
        return target(p, n->a, ctx, false, false);
    case N_TUPLE: case N_LIST: {
        int stars = 0;
        for (int c = n->a; c >= 0; c = N(p, c)->next) {
            stars += N(p, c)->kind == N_STARRED;
            if (!target(p, c, ctx, false, false))
                return false;
        }
        if (stars > 1) {
            Token t = {.line = n->line, .col = n->col};
            return p_fail_at(p, &t, "SyntaxError", "multiple starred expressions in assignment");
        }
        return true;
    }
    default:
        return bad_target(p, e, ctx, here);
    }
}

bool p_check_target(P *p, int e, int ctx) { return target(p, e, ctx, false, true); }

static const char *augops[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=", NULL};
static const PyOp augcodes[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL};

static int names_list(P *p, Token *t, NodeKind k)
{
    int s = p_node(p, k, t), first = -1, last = -1;
    do {
        int nm = p_name(p);
        if (nm < 0)
            return -1;
        p_append(p, &first, &last, nm);
    } while (p_accept_op(p, ","));
    N(p, s)->a = first;
    return s;
}

/* a.b.c as a string */
static bool dotted(P *p, Buf *b)
{
    do {
        if (!p_at_name(p)) {
            p_fail(p, "invalid syntax");
            return false;
        }
        if (b->len)
            buf_addc(b, '.');
        buf_add(b, p_cur(p)->text, p_cur(p)->textlen);
        p->i++;
    } while (p_accept_op(p, "."));
    return true;
}

static bool alias(P *p, int item)
{
    if (!p_accept_kw(p, "as"))
        return true;
    int a = p_name(p);
    N(p, item)->b = a;
    return a >= 0;
}

static int import_name(P *p, Token *t)
{
    int s = p_node(p, N_IMPORT, t), first = -1, last = -1;
    do {
        Token *nt = p_cur(p);
        Buf b = {0};
        if (!dotted(p, &b)) {
            buf_fini(&b);
            return -1;
        }
        int it = p_node(p, N_NAME, nt);
        N(p, it)->strlen = b.len;
        N(p, it)->str = buf_take(&b);
        p_append(p, &first, &last, it);
        if (!alias(p, it))
            return -1;
    } while (p_accept_op(p, ","));
    N(p, s)->a = first;
    return s;
}

static int import_from(P *p, Token *t)
{
    int s = p_node(p, N_IMPORT, t), first = -1, last = -1;
    N(p, s)->flag = 1;
    int level = 0;
    for (;;) {
        if (p_accept_op(p, "."))
            level++;
        else if (p_accept_op(p, "..."))
            level += 3;
        else
            break;
    }
    N(p, s)->ival = level;
    if (!p_is_kw(p, "import") || level == 0) {
        Buf b = {0};
        if (!dotted(p, &b)) {
            buf_fini(&b);
            return -1;
        }
        N(p, s)->strlen = b.len;
        N(p, s)->str = buf_take(&b);
    }
    if (!p_accept_kw(p, "import"))
        return p_fail(p, "invalid syntax");
    if (level == 0 && strcmp(N(p, s)->str, "__future__") == 0) {
        p->futures = xgrow(p->futures, &p->capfutures, p->nfutures + 1, sizeof *p->futures);
        p->futures[p->nfutures++] = s;
    }
    Token *st = p_cur(p);
    if (p_accept_op(p, "*")) {
        int it = p_node(p, N_NAME, st);
        N(p, it)->str = xstrdup("*");
        N(p, it)->strlen = 1;
        N(p, s)->a = it;
        return s;
    }
    bool paren = p_accept_op(p, "(");
    if (p->minor >= 13 && !paren && p_cur(p)->kind == T_NEWLINE)
        return p_fail(p, "Expected one or more names after 'import'");
    do {
        if (paren && p_is_op(p, ")") && first >= 0)
            break;
        if (!paren && first >= 0 && p_cur(p)->kind == T_NEWLINE)
            return p_fail(p, "trailing comma not allowed without surrounding parentheses");
        int it = p_name(p);
        if (it < 0 || !alias(p, it))
            return -1;
        p_append(p, &first, &last, it);
    } while (p_accept_op(p, ","));
    if (paren && !p_accept_op(p, ")"))
        return p_fail(p, "invalid syntax");
    if (!paren && p_is_op(p, ",") )
        return p_fail(p, "trailing comma not allowed without surrounding parentheses");
    N(p, s)->a = first;
    return s;
}

static int value_after_op(P *p)
{
    return p_is_kw(p, "yield") ? p_yield(p) : p_star_expressions(p);
}

static int assignment(P *p, Token *t, int e)
{
    Token *op = p_cur(p);
    for (int k = 0; op->kind == T_OP && augops[k]; k++) {
        if (strcmp(op->text, augops[k]) != 0)
            continue;
        NodeKind tk = (NodeKind)N(p, e)->kind;
        if (tk != N_NAME && tk != N_ATTR && tk != N_SUBSCRIPT) {
            return p_fail_node(p, e, "'%s' is an illegal expression for augmented assignment",
                               expr_name(N(p, e)));
        }
        p->i++;
        int v = value_after_op(p);
        if (v < 0)
            return -1;
        int a = p_node(p, N_AUGASSIGN, t); /* the statement starts at its target */
        N(p, a)->op = (uint8_t)augcodes[k], N(p, a)->a = e, N(p, a)->b = v;
        return p_end(p, a);
    }
    if (p_is_op(p, ":")) { /* annotated assignment */
        NodeKind tk = (NodeKind)N(p, e)->kind;
        Token *after = p_peek(p, 1);
        if (after->kind == T_NEWLINE || after->kind == T_END || (after->kind == T_OP && strchr("=:)]};,", after->text[0])))
            return p_fail(p, "invalid syntax");
        if (tk == N_TUPLE && !(N(p, e)->xf & XF_PAREN)) {
            p_fail(p, "only single target (not tuple) can be annotated");
            Token at = {.line = N(p, e)->line, .col = N(p, e)->col};
            p->err->line = at.line, p->err->col = at.col;
            return -1;
        }
        if (tk != N_NAME && tk != N_ATTR && tk != N_SUBSCRIPT) {
            Token at = p_start(p, e);
            const char *what = tk == N_TUPLE ? "only single target (not tuple) can be annotated" :
                               tk == N_LIST ? "only single target (not list) can be annotated" :
                                              "illegal target for annotation";
            p_fail_at(p, &at, "SyntaxError", "%s", what);
            return -1;
        }
        p->i++;
        int s = p_node(p, N_ANNASSIGN, t);
        int ann = p_expression(p);
        if (ann < 0)
            return -1;
        N(p, s)->a = e, N(p, s)->b = ann;
        if (p_accept_op(p, "=")) {
            int v = value_after_op(p);
            if (v < 0)
                return -1;
            N(p, s)->c = v;
        }
        return s;
    }
    if (!p_is_op(p, "=")) {
        int s = p_node(p, N_EXPR, t);
        N(p, s)->a = e;
        return s;
    }
    int asg = p_node(p, N_ASSIGN, t), last = e;
    N(p, asg)->a = e;
    int value = -1;
    size_t eq = p->i;
    while (p_accept_op(p, "=")) {
        int v = value_after_op(p);
        if (v < 0)
            return -1;
        if (p_is_op(p, "=")) {
            N(p, last)->next = v;
            last = v;
        } else {
            value = v;
        }
    }
    bool single = N(p, e)->next < 0;
    (void)eq;
    for (int tg = e; tg >= 0; tg = N(p, tg)->next)
        if (!target(p, tg, TGT_STORE, single, true))
            return -1;
    N(p, asg)->b = value;
    return asg;
}

static bool print_statement(P *p, Token *t)
{
    Token *nx = p_peek(p, 1);
    if (!(nx->kind == T_STRING || nx->kind == T_INT || nx->kind == T_FLOAT ||
          (nx->kind == T_NAME && !p_is_keyword(nx->text))))
        return false;
    int line, col;
    p->i++;
    p_probe_end(p, p_star_expressions, &line, &col);
    p->i--;
    p_fail_at(p, t, "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?");
    if (line)
        p->err->end_line = line, p->err->end_col = col;
    return true;
}

static int keyword_stmt(P *p, Token *t)
{
    if (p_accept_kw(p, "pass"))
        return p_node(p, N_PASS, t);
    if (p_accept_kw(p, "break"))
        return p_node(p, N_BREAK, t);
    if (p_accept_kw(p, "continue"))
        return p_node(p, N_CONTINUE, t);
    if (p_accept_kw(p, "return")) {
        int r = p_node(p, N_RETURN, t);
        if (p_cur(p)->kind != T_NEWLINE && p_cur(p)->kind != T_END && !p_is_op(p, ";")) {
            int v = p_star_expressions(p);
            if (v < 0)
                return -1;
            N(p, r)->a = v;
        }
        return r;
    }
    if (p_accept_kw(p, "del")) {
        int d = p_node(p, N_DEL, t);
        int v = p_star_expressions(p);
        if (v < 0)
            return -1;
        N(p, d)->a = N(p, v)->kind == N_TUPLE && !(N(p, v)->xf & XF_PAREN) ? N(p, v)->a : v;
        for (int c = N(p, d)->a; c >= 0; c = N(p, c)->next)
            if (!target(p, c, TGT_DEL, false, false))
                return -1;
        return d;
    }
    if (p_accept_kw(p, "global"))
        return names_list(p, t, N_GLOBAL);
    if (p_accept_kw(p, "nonlocal"))
        return names_list(p, t, N_NONLOCAL);
    if (p_accept_kw(p, "import"))
        return import_name(p, t);
    if (p_accept_kw(p, "from"))
        return import_from(p, t);
    if (p_accept_kw(p, "assert")) {
        int a = p_node(p, N_ASSERT, t);
        int c = p_expression(p);
        if (c < 0)
            return -1;
        N(p, a)->a = c;
        if (p_accept_op(p, ",")) {
            int m = p_expression(p);
            if (m < 0)
                return -1;
            N(p, a)->b = m;
        }
        return a;
    }
    if (p_accept_kw(p, "raise")) {
        int r = p_node(p, N_RAISE, t);
        if (p_cur(p)->kind != T_NEWLINE && p_cur(p)->kind != T_END && !p_is_op(p, ";")) {
            int v = p_expression(p);
            if (v < 0)
                return -1;
            N(p, r)->a = v;
            if (p_accept_kw(p, "from")) {
                int c = p_expression(p);
                if (c < 0)
                    return -1;
                N(p, r)->b = c;
            }
        }
        return r;
    }
    return -2;
}

static int small_stmt(P *p)
{
    Token *t = p_cur(p);
    if (t->kind == T_NAME) {
        int k = keyword_stmt(p, t);
        if (k != -2)
            return k;
        if (strcmp(t->text, "type") == 0 && (k = p_type_alias(p)) != -2)
            return k;
        if (strcmp(t->text, "print") == 0 && print_statement(p, t))
            return -1;
    }
    int e = p_is_kw(p, "yield") ? p_yield(p) : p_star_expressions(p);
    if (e < 0)
        return -1;
    return assignment(p, t, e);
}

int p_simple_stmts(P *p)
{
    int first = -1, last = -1;
    for (;;) {
        int s = small_stmt(p);
        if (s < 0)
            return -1;
        p_append(p, &first, &last, s);
        if (!p_accept_op(p, ";"))
            break;
        if (p_cur(p)->kind == T_NEWLINE || p_cur(p)->kind == T_END)
            break;
    }
    if (p_cur(p)->kind != T_NEWLINE && p_cur(p)->kind != T_END) {
        Token *t = p_cur(p);
        if (t->kind == T_NAME || t->kind == T_INT || t->kind == T_FLOAT || t->kind == T_STRING ||
            (t->kind == T_OP && strchr("([{", t->text[0])))
            (void)p_probe_expression(p);
        return p_fail(p, "invalid syntax");
    }
    if (p_cur(p)->kind == T_NEWLINE)
        p->i++;
    return first;
}
