/*
 * parser_stmt: statements, blocks and parameter lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

int p_params(P *p, const char *close, int *first)
{
    int last = -1;
    bool seen_default = false, kwonly = false;
    while (!p_is_op(p, close)) {
        Token *t = p_cur(p);
        uint8_t flag = 0;
        if (p_accept_op(p, "**")) {
            flag = 2;
        } else if (p_accept_op(p, "*")) {
            flag = 1;
            if (p_is_op(p, ",")) { /* bare *: the rest are keyword-only */
                kwonly = true;
                p->i++;
                continue;
            }
        }
        if (flag == 1)
            kwonly = true;
        else if (kwonly && flag == 0)
            flag = 4;
        Token *nt = p_cur(p);
        if (nt->kind != T_NAME)
            return p_fail(p, "invalid syntax");
        int prm = p_node(p, N_PARAM, t);
        N(p, prm)->flag = flag;
        N(p, prm)->str = p_dup_text(nt, &N(p, prm)->strlen);
        for (int q = *first; q >= 0; q = N(p, q)->next)
            if (strcmp(N(p, q)->str, nt->text) == 0) {
                p_fail_at(p, nt, "SyntaxError", "duplicate argument '%s' in function definition",
                          nt->text);
                return -1;
            }
        p->i++;
        if (strcmp(close, ":") != 0 && p_accept_op(p, ":")) { /* annotation, ignored */
            if (p_test(p) < 0)
                return -1;
        }
        if (p_accept_op(p, "=")) {
            int d = p_test(p);
            if (d < 0)
                return -1;
            N(p, prm)->a = d;
            seen_default = true;
        } else if (seen_default && !flag && !kwonly) {
            return p_fail(p, "non-default argument follows default argument");
        }
        if (last < 0)
            *first = prm;
        else
            N(p, last)->next = prm;
        last = prm;
        if (!p_accept_op(p, ","))
            break;
    }
    return 0;
}

static bool check_target(P *p, int e, bool del)
{
    Node *n = N(p, e);
    switch ((NodeKind)n->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT: return true;
    case N_STARRED: return !del && check_target(p, n->a, del);
    case N_TUPLE: case N_LIST:
        for (int c = n->a; c >= 0; c = N(p, c)->next)
            if (!check_target(p, c, del))
                return false;
        return true;
    default: break;
    }
    const char *what = n->kind == N_CALL ? "function call" : (n->kind >= N_INT && n->kind <= N_ELLIPSIS) ? "literal" : "expression";
    if (n->kind == N_NONE || n->kind == N_TRUE || n->kind == N_FALSE) {
        Token t = {.line = n->line, .col = n->col};
        return p_fail_at(p, &t, "SyntaxError", "cannot %s %s", del ? "delete" : "assign to",
                         n->kind == N_NONE ? "None" : n->kind == N_TRUE ? "True" : "False");
    }
    Token t = {.line = n->line, .col = n->col};
    if (del)
        return p_fail_at(p, &t, "SyntaxError", "cannot delete %s", what);
    return p_fail_at(p, &t, "SyntaxError", "cannot assign to %s here. Maybe you meant '==' instead of '='?", what);
}

static const char *augops[] = {"+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@=", NULL};
static const PyOp augcodes[] = {OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW, OP_LSHIFT, OP_RSHIFT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL};

static int names_list(P *p, Token *t, NodeKind k)
{
    int s = p_node(p, k, t), last = -1;
    do {
        Token *n = p_cur(p);
        if (n->kind != T_NAME)
            return p_fail(p, "invalid syntax");
        int nm = p_node(p, N_NAME, n);
        N(p, nm)->str = p_dup_text(n, &N(p, nm)->strlen);
        p->i++;
        if (last < 0)
            N(p, s)->a = nm;
        else
            N(p, last)->next = nm;
        last = nm;
    } while (p_accept_op(p, ","));
    return s;
}

static int small_stmt(P *p)
{
    Token *t = p_cur(p);
    if (t->kind == T_NAME) {
        if (p_accept_kw(p, "pass"))
            return p_node(p, N_PASS, t);
        if (p_accept_kw(p, "break"))
            return p_node(p, N_BREAK, t);
        if (p_accept_kw(p, "continue"))
            return p_node(p, N_CONTINUE, t);
        if (p_accept_kw(p, "return")) {
            int r = p_node(p, N_RETURN, t);
            if (p_cur(p)->kind != T_NEWLINE && !p_is_op(p, ";")) {
                int v = p_testlist(p, true);
                if (v < 0)
                    return -1;
                N(p, r)->a = v;
            }
            return r;
        }
        if (p_accept_kw(p, "del")) {
            int d = p_node(p, N_DEL, t);
            int v = p_testlist(p, true);
            if (v < 0)
                return -1;
            if (N(p, v)->kind == N_TUPLE) {
                N(p, d)->a = N(p, v)->a;
            } else {
                N(p, d)->a = v;
            }
            for (int c = N(p, d)->a; c >= 0; c = N(p, c)->next)
                if (!check_target(p, c, true))
                    return -1;
            return d;
        }
        if (p_accept_kw(p, "global"))
            return names_list(p, t, N_GLOBAL);
        if (p_accept_kw(p, "nonlocal"))
            return names_list(p, t, N_NONLOCAL);
        if (p_accept_kw(p, "import")) {
            int s = names_list(p, t, N_IMPORT);
            if (s >= 0 && p_accept_kw(p, "as")) {
                Token *n = p_cur(p);
                if (n->kind != T_NAME)
                    return p_fail(p, "invalid syntax");
                N(p, N(p, s)->a)->d = 1;
                free(N(p, s)->str);
                N(p, s)->str = p_dup_text(n, &N(p, s)->strlen);
                p->i++;
            }
            return s;
        }
        if (p_accept_kw(p, "from")) {
            Token *m = p_cur(p);
            if (m->kind != T_NAME)
                return p_fail(p, "invalid syntax");
            p->i++;
            if (!p_accept_kw(p, "import"))
                return p_fail(p, "invalid syntax");
            int s = names_list(p, t, N_IMPORT);
            if (s < 0)
                return -1;
            N(p, s)->flag = 1; /* from-import: str = module */
            N(p, s)->str = p_dup_text(m, &N(p, s)->strlen);
            return s;
        }
        if (p_accept_kw(p, "assert")) {
            int a = p_node(p, N_ASSERT, t);
            int c = p_test(p);
            if (c < 0)
                return -1;
            N(p, a)->a = c;
            if (p_accept_op(p, ",")) {
                int m = p_test(p);
                if (m < 0)
                    return -1;
                N(p, a)->b = m;
            }
            return a;
        }
        if (p_accept_kw(p, "raise")) {
            int r = p_node(p, N_RAISE, t);
            if (p_cur(p)->kind != T_NEWLINE && !p_is_op(p, ";")) {
                int v = p_test(p);
                if (v < 0)
                    return -1;
                N(p, r)->a = v;
            }
            return r;
        }
    }
    if (t->kind == T_NAME && strcmp(t->text, "print") == 0) {
        Token *nx = p_peek(p, 1);
        if (nx->kind == T_STRING || nx->kind == T_INT || nx->kind == T_FLOAT ||
            (nx->kind == T_NAME && strcmp(nx->text, "in") != 0 && strcmp(nx->text, "if") != 0 &&
             strcmp(nx->text, "and") != 0 && strcmp(nx->text, "or") != 0 && strcmp(nx->text, "is") != 0 &&
             strcmp(nx->text, "not") != 0)) {
            p_fail_at(p, t, "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?");
            return -1;
        }
    }
    int e = p_testlist(p, true);
    if (e < 0)
        return -1;
    Token *op = p_cur(p);
    for (int k = 0; op->kind == T_OP && augops[k]; k++) {
        if (strcmp(op->text, augops[k]) != 0)
            continue;
        NodeKind tk = (NodeKind)N(p, e)->kind;
        if (tk != N_NAME && tk != N_ATTR && tk != N_SUBSCRIPT) {
            p_fail_at(p, t, "SyntaxError", "'%s' is an illegal expression for augmented assignment",
                      tk == N_TUPLE ? "tuple" : tk == N_LIST ? "list" : tk == N_CALL ? "function call" : "literal");
            return -1;
        }
        p->i++;
        int v = p_testlist(p, true);
        if (v < 0)
            return -1;
        int a = p_node(p, N_AUGASSIGN, op);
        N(p, a)->op = (uint8_t)augcodes[k], N(p, a)->a = e, N(p, a)->b = v;
        return a;
    }
    if (!p_is_op(p, "=")) {
        int s = p_node(p, N_EXPR, t);
        N(p, s)->a = e;
        return s;
    }
    int asg = p_node(p, N_ASSIGN, t), last = e;
    N(p, asg)->a = e;
    if (!check_target(p, e, false))
        return -1;
    int value = -1;
    while (p_accept_op(p, "=")) {
        int v = p_testlist(p, true);
        if (v < 0)
            return -1;
        if (p_is_op(p, "=")) {
            if (!check_target(p, v, false))
                return -1;
            N(p, last)->next = v;
            last = v;
        } else {
            value = v;
        }
    }
    N(p, asg)->b = value;
    return asg;
}

static int simple_stmts(P *p)
{
    int first = -1, last = -1;
    for (;;) {
        int s = small_stmt(p);
        if (s < 0)
            return -1;
        if (last < 0)
            first = s;
        else
            N(p, last)->next = s;
        last = s;
        if (!p_accept_op(p, ";"))
            break;
        if (p_cur(p)->kind == T_NEWLINE)
            break;
    }
    if (p_cur(p)->kind != T_NEWLINE && p_cur(p)->kind != T_END) {
        Token *t = p_cur(p);
        if (t->kind == T_NAME || t->kind == T_INT || t->kind == T_STRING)
            return p_fail(p, "invalid syntax");
        return p_fail(p, "invalid syntax");
    }
    if (p_cur(p)->kind == T_NEWLINE)
        p->i++;
    return first;
}

int p_block(P *p, const char *what, int line)
{
    if (!p_expect_op(p, ":"))
        return -1;
    if (p_cur(p)->kind != T_NEWLINE)
        return simple_stmts(p);
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
        if (last < 0)
            first = s;
        else
            N(p, last)->next = s;
        last = s;
        while (N(p, last)->next >= 0)
            last = N(p, last)->next;
    }
    if (p_cur(p)->kind == T_DEDENT)
        p->i++;
    return first;
}

static int if_stmt(P *p, Token *t, const char *what)
{
    int s = p_node(p, N_IF, t);
    int c = p_test(p);
    if (c < 0)
        return -1;
    char desc[48];
    snprintf(desc, sizeof desc, "'%s' statement", what);
    int body = p_block(p, desc, t->line);
    if (body < 0)
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
        if (o < 0)
            return -1;
        N(p, s)->c = o;
    }
    return s;
}

static int try_stmt(P *p, Token *t)
{
    int s = p_node(p, N_TRY, t);
    int body = p_block(p, "'try' statement", t->line);
    if (body < 0)
        return -1;
    N(p, s)->a = body;
    int last = -1;
    while (p_is_kw(p, "except")) {
        Token *e = p_cur(p);
        p->i++;
        int h = p_node(p, N_HANDLER, e);
        if (!p_is_op(p, ":")) {
            int ty = p_test(p);
            if (ty < 0)
                return -1;
            N(p, h)->a = ty;
            if (p_accept_kw(p, "as")) {
                Token *n = p_cur(p);
                if (n->kind != T_NAME)
                    return p_fail(p, "invalid syntax");
                N(p, h)->str = p_dup_text(n, &N(p, h)->strlen);
                p->i++;
            }
        }
        int hb = p_block(p, "'except' statement", e->line);
        if (hb < 0)
            return -1;
        N(p, h)->b = hb;
        if (last < 0)
            N(p, s)->b = h;
        else
            N(p, last)->next = h;
        last = h;
    }
    Token *e = p_cur(p);
    if (last >= 0 && p_accept_kw(p, "else")) {
        int o = p_block(p, "'else' statement", e->line);
        if (o < 0)
            return -1;
        N(p, s)->c = o;
    }
    e = p_cur(p);
    if (p_accept_kw(p, "finally")) {
        int f = p_block(p, "'finally' statement", e->line);
        if (f < 0)
            return -1;
        N(p, s)->d = f;
    }
    if (last < 0 && N(p, s)->d < 0)
        return p_fail(p, "expected 'except' or 'finally' block");
    return s;
}

static int compound(P *p)
{
    Token *t = p_cur(p);
    if (p_accept_kw(p, "if"))
        return if_stmt(p, t, "if");
    if (p_accept_kw(p, "while")) {
        int s = p_node(p, N_WHILE, t);
        int c = p_test(p);
        if (c < 0)
            return -1;
        int body = p_block(p, "'while' statement", t->line);
        if (body < 0)
            return -1;
        N(p, s)->a = c, N(p, s)->b = body;
        Token *e = p_cur(p);
        if (p_accept_kw(p, "else") && (N(p, s)->c = p_block(p, "'else' statement", e->line)) < 0)
            return -1;
        return s;
    }
    if (p_accept_kw(p, "for")) {
        int s = p_node(p, N_FOR, t);
        int target = p_testlist(p, true);
        (void)target;
        /* the target list ends at 'in': re-parse as targets */
        if (target < 0)
            return -1;
        if (N(p, target)->kind == N_COMPARE) { /* `for x in y` parsed as comparison */
            int cmpop = N(p, target)->b;
            if (N(p, cmpop)->op != OP_IN || N(p, cmpop)->next >= 0)
                return p_fail(p, "invalid syntax");
            N(p, s)->a = N(p, target)->a;
            N(p, s)->b = N(p, cmpop)->a;
        } else if (N(p, target)->kind == N_TUPLE) {
            int lastel = N(p, target)->a, prev = -1;
            while (N(p, lastel)->next >= 0)
                prev = lastel, lastel = N(p, lastel)->next;
            if (N(p, lastel)->kind != N_COMPARE || N(p, N(p, lastel)->b)->op != OP_IN)
                return p_fail(p, "invalid syntax");
            int cmpop = N(p, lastel)->b;
            int realel = N(p, lastel)->a;
            if (prev < 0)
                N(p, target)->a = realel;
            else
                N(p, prev)->next = realel;
            N(p, s)->a = target;
            N(p, s)->b = N(p, cmpop)->a;
        } else {
            return p_fail(p, "invalid syntax");
        }
        if (!check_target(p, N(p, s)->a, false))
            return -1;
        int body = p_block(p, "'for' statement", t->line);
        if (body < 0)
            return -1;
        N(p, s)->c = body;
        Token *e = p_cur(p);
        if (p_accept_kw(p, "else") && (N(p, s)->d = p_block(p, "'else' statement", e->line)) < 0)
            return -1;
        return s;
    }
    if (p_accept_kw(p, "def")) {
        Token *n = p_cur(p);
        if (n->kind != T_NAME)
            return p_fail(p, "invalid syntax");
        p->i++;
        int s = p_node(p, N_DEF, t);
        N(p, s)->str = p_dup_text(n, &N(p, s)->strlen);
        if (!p_expect_op(p, "("))
            return -1;
        int first = -1;
        if (p_params(p, ")", &first) < 0 || !p_expect_op(p, ")"))
            return -1;
        if (p_accept_op(p, "->") && p_test(p) < 0)
            return -1;
        char desc[80];
        snprintf(desc, sizeof desc, "function definition");
        int body = p_block(p, desc, t->line);
        if (body < 0)
            return -1;
        N(p, s)->a = first, N(p, s)->b = body;
        return s;
    }
    if (p_accept_kw(p, "class")) {
        Token *n = p_cur(p);
        if (n->kind != T_NAME)
            return p_fail(p, "invalid syntax");
        p->i++;
        int s = p_node(p, N_CLASS, t);
        N(p, s)->str = p_dup_text(n, &N(p, s)->strlen);
        if (p_accept_op(p, "(")) {
            int last = -1;
            while (!p_is_op(p, ")")) {
                int b = p_test(p);
                if (b < 0)
                    return -1;
                if (last < 0)
                    N(p, s)->a = b;
                else
                    N(p, last)->next = b;
                last = b;
                if (!p_accept_op(p, ","))
                    break;
            }
            if (!p_expect_op(p, ")"))
                return -1;
        }
        int body = p_block(p, "class definition", t->line);
        if (body < 0)
            return -1;
        N(p, s)->b = body;
        return s;
    }
    if (p_accept_kw(p, "try"))
        return try_stmt(p, t);
    return -2;
}

int p_statement(P *p)
{
    Token *t = p_cur(p);
    if (t->kind == T_INDENT) {
        p_fail_at(p, t, "IndentationError", "unexpected indent");
        return -1;
    }
    if (t->kind == T_NAME) {
        int c = compound(p);
        if (c != -2)
            return c;
        if (strcmp(t->text, "else") == 0 || strcmp(t->text, "elif") == 0 ||
            strcmp(t->text, "except") == 0 || strcmp(t->text, "finally") == 0)
            return p_fail(p, "invalid syntax");
    }
    return simple_stmts(p);
}

bool parse_module(const char *src, size_t n, Ast *ast, PyError *err)
{
    memset(ast, 0, sizeof *ast);
    P p = {.ast = ast, .err = err};
    if (!lex(src, n, &p.tl, err)) {
        toklist_fini(&p.tl);
        return false;
    }
    int mod = ast_new(ast, N_MODULE, 1, 0);
    ast->root = mod;
    int last = -1;
    while (p_cur(&p)->kind != T_END) {
        if (p_cur(&p)->kind == T_NEWLINE) {
            p.i++;
            continue;
        }
        int s = p_statement(&p);
        if (s < 0 && p.tl.unclosed.set &&
            (p_cur(&p)->kind == T_END || p_cur(&p)->kind == T_NEWLINE || p_cur(&p)->kind == T_DEDENT ||
             !err->set || strcmp(err->msg, "invalid syntax") != 0 || p.i + 2 >= p.tl.n)) {
            *err = p.tl.unclosed;
        }
        if (s < 0) {
            if (!err->set)
                p_fail(&p, "invalid syntax");
            toklist_fini(&p.tl);
            return false;
        }
        if (last < 0)
            ast->n[mod].a = s;
        else
            ast->n[last].next = s;
        last = s;
        while (ast->n[last].next >= 0)
            last = ast->n[last].next;
    }
    toklist_fini(&p.tl);
    return true;
}
