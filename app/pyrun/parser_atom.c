/*
 * parser_atom: atoms of the expression grammar — literals, names,
 * parenthesised forms, list/dict/set displays, comprehensions, f-strings.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/parser.h"
#include "pyrun/parser_int.h"

/* ---- atoms ---------------------------------------------------------------- */

static int fstring(P *p, Token *t, const char *s, size_t n);

static int strings(P *p)
{
    Token *t = p_cur(p);
    bool bytes = t->flags & TF_BYTES, anyf = false;
    size_t start = p->i;
    Buf b = {0};
    while (p_cur(p)->kind == T_STRING) {
        Token *s = p_cur(p);
        if (((s->flags & TF_BYTES) != 0) != bytes) {
            buf_fini(&b);
            return p_fail(p, "cannot mix bytes and nonbytes literals");
        }
        if (s->flags & TF_FSTRING)
            anyf = true;
        p->i++;
    }
    if (anyf) { /* concatenate parts into one N_FSTRING */
        int fs = p_node(p, N_FSTRING, t), last = -1;
        for (size_t k = start; k < p->i; k++) {
            Token *s = &p->tl.t[k];
            int part;
            if (s->flags & TF_FSTRING) {
                part = fstring(p, s, s->text, s->textlen);
                if (part < 0)
                    return -1;
            } else {
                part = p_node(p, N_STR, s);
                N(p, part)->str = p_dup_text(s, &N(p, part)->strlen);
            }
            /* splice the part's children (fstring returns an N_FSTRING) */
            int first = N(p, part)->kind == N_FSTRING ? N(p, part)->a : part;
            if (first < 0)
                continue;
            if (last < 0)
                N(p, fs)->a = first;
            else
                N(p, last)->next = first;
            last = first;
            while (N(p, last)->next >= 0)
                last = N(p, last)->next;
        }
        return fs;
    }
    for (size_t k = start; k < p->i; k++)
        buf_add(&b, p->tl.t[k].text, p->tl.t[k].textlen);
    int nd = p_node(p, bytes ? N_BYTES : N_STR, t);
    N(p, nd)->strlen = b.len;
    N(p, nd)->str = b.data ? buf_take(&b) : xstrdup("");
    return nd;
}

/* f"...{expr!r:spec}...": literal parts and N_FVALUE(a=expr, str=spec) */
static int fstring(P *p, Token *t, const char *s, size_t n)
{
    int fs = p_node(p, N_FSTRING, t), last = -1;
    Buf lit = {0};
    for (size_t i = 0; i <= n; i++) {
        bool end = i == n;
        if (!end && s[i] == '{' && i + 1 < n && s[i + 1] == '{') {
            buf_addc(&lit, '{');
            i++;
            continue;
        }
        if (!end && s[i] == '}' && i + 1 < n && s[i + 1] == '}') {
            buf_addc(&lit, '}');
            i++;
            continue;
        }
        if (!end && s[i] != '{') {
            buf_addc(&lit, s[i]);
            continue;
        }
        int part = -1;
        if (lit.len) {
            part = p_node(p, N_STR, t);
            N(p, part)->strlen = lit.len;
            N(p, part)->str = buf_take(&lit);
            if (last < 0)
                N(p, fs)->a = part;
            else
                N(p, last)->next = part;
            last = part;
        }
        if (end)
            break;
        size_t j = i + 1;
        int depth = 0;
        while (j < n && !(depth == 0 && (s[j] == '}' || s[j] == '!' || s[j] == ':'))) {
            if (s[j] == '(' || s[j] == '[' || s[j] == '{')
                depth++;
            if (s[j] == ')' || s[j] == ']' || s[j] == '}')
                depth--;
            j++;
        }
        if (j >= n) {
            buf_fini(&lit);
            p_fail_at(p, t, "SyntaxError", "f-string: expecting '}'");
            return -1;
        }
        /* parse the expression with a nested parser */
        PyError sub = {0};
        TokList tl;
        if (!lex(s + i + 1, j - i - 1, &tl, &sub)) {
            buf_fini(&lit);
            p_fail_at(p, t, "SyntaxError", "f-string: invalid syntax");
            return -1;
        }
        P q = {.tl = tl, .ast = p->ast, .err = &sub, .depth = p->depth + 1};
        int e = p_cur(&q)->kind == T_NEWLINE || p_cur(&q)->kind == T_END ? -1 : p_test(&q);
        bool ok = e >= 0 && (p_cur(&q)->kind == T_NEWLINE || p_cur(&q)->kind == T_END);
        toklist_fini(&tl);
        if (!ok) {
            buf_fini(&lit);
            p_fail_at(p, t, "SyntaxError", e < 0 && !sub.set ? "f-string: empty expression not allowed"
                                                           : "f-string: invalid syntax");
            return -1;
        }
        int fv = p_node(p, N_FVALUE, t);
        N(p, fv)->a = e;
        if (s[j] == '!' && j + 1 < n) {
            N(p, fv)->flag = (uint8_t)s[j + 1];
            j += 2;
        }
        if (j < n && s[j] == ':') {
            size_t k = j + 1;
            while (k < n && s[k] != '}')
                k++;
            N(p, fv)->str = xstrndup(s + j + 1, k - j - 1);
            N(p, fv)->strlen = k - j - 1;
            j = k;
        }
        if (last < 0)
            N(p, fs)->a = fv;
        else
            N(p, last)->next = fv;
        last = fv;
        i = j;
    }
    buf_fini(&lit);
    return fs;
}

static int comp_for(P *p)
{
    Token *t = p_cur(p);
    int cf = p_node(p, N_COMPFOR, t);
    p->i++; /* for */
    int target = p_expr_bitor(p);
    if (target < 0)
        return -1;
    if (p_is_op(p, ",")) {
        int tup = p_node(p, N_TUPLE, t);
        N(p, tup)->a = target;
        int last = target;
        while (p_accept_op(p, ",") && !p_is_kw(p, "in")) {
            int e = p_expr_bitor(p);
            if (e < 0)
                return -1;
            N(p, last)->next = e;
            last = e;
        }
        target = tup;
    }
    if (!p_accept_kw(p, "in"))
        return p_fail(p, "invalid syntax");
    N(p, cf)->a = target;
    int it = p_or_test_(p);
    if (it < 0)
        return -1;
    N(p, cf)->b = it;
    int lastif = -1;
    while (p_is_kw(p, "if")) {
        p->i++;
        int c = p_or_test_(p);
        if (c < 0)
            return -1;
        if (lastif < 0)
            N(p, cf)->c = c;
        else
            N(p, lastif)->next = c;
        lastif = c;
    }
    if (p_is_kw(p, "for")) {
        int more = comp_for(p);
        if (more < 0)
            return -1;
        N(p, cf)->next = more;
    }
    return cf;
}

/* elements up to `close`; returns first p_node, sets *count, *trailing_comma */
static int elements(P *p, const char *close, int *count, bool *comma)
{
    int first = -1, last = -1;
    *count = 0;
    *comma = false;
    while (!p_is_op(p, close)) {
        int e;
        if (p_accept_op(p, "*")) {
            Token *t = p_cur(p);
            e = p_node(p, N_STARRED, t);
            int v = p_expr_bitor(p);
            if (v < 0)
                return -1;
            N(p, e)->a = v;
        } else {
            e = p_test(p);
        }
        if (e < 0)
            return -1;
        if (last < 0)
            first = e;
        else
            N(p, last)->next = e;
        last = e;
        (*count)++;
        if (!p_accept_op(p, ",")) {
            *comma = false;
            break;
        }
        *comma = true;
    }
    return first;
}

int p_atom(P *p)
{
    Token *t = p_cur(p);
    if (++p->depth > 200) {
        p_fail_at(p, t, "RecursionError", "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = -1;
    switch ((TokKind)t->kind) {
    case T_INT:
        r = p_node(p, N_INT, t);
        N(p, r)->ival = t->ival;
        N(p, r)->fval = t->fval;
        if (t->big) {
            N(p, r)->flag = 1; /* beyond int64: digits kept in str */
            N(p, r)->str = p_dup_text(t, &N(p, r)->strlen);
        }
        p->i++;
        break;
    case T_FLOAT:
        r = p_node(p, N_FLOAT, t);
        N(p, r)->fval = t->fval;
        p->i++;
        break;
    case T_STRING:
        r = strings(p);
        break;
    case T_NAME:
        if (strcmp(t->text, "None") == 0 || strcmp(t->text, "True") == 0 ||
            strcmp(t->text, "False") == 0) {
            r = p_node(p, t->text[0] == 'N' ? N_NONE : t->text[0] == 'T' ? N_TRUE : N_FALSE, t);
            p->i++;
            break;
        }
        if (p_is_keyword(t->text)) {
            r = p_fail(p, "invalid syntax");
            break;
        }
        r = p_node(p, N_NAME, t);
        N(p, r)->str = p_dup_text(t, &N(p, r)->strlen);
        p->i++;
        break;
    case T_OP:
        if (p_accept_op(p, "(")) {
            if (p_accept_op(p, ")")) {
                r = p_node(p, N_TUPLE, t);
                break;
            }
            int count;
            bool comma;
            int first = elements(p, ")", &count, &comma);
            if (first < 0)
                break;
            if (count == 1 && !comma && p_is_kw(p, "for")) {
                r = p_fail(p, "generator expressions are not supported by pydive");
                break;
            }
            if (!p_accept_op(p, ")")) {
                r = p_fail(p, "invalid syntax. Perhaps you forgot a comma?");
                break;
            }
            if (count == 1 && !comma && N(p, first)->kind != N_STARRED) {
                r = first;
            } else {
                r = p_node(p, N_TUPLE, t);
                N(p, r)->a = first;
            }
            break;
        }
        if (p_accept_op(p, "[")) {
            int count;
            bool comma;
            if (p_accept_op(p, "]")) {
                r = p_node(p, N_LIST, t);
                break;
            }
            int first = p_test(p);
            if (first < 0)
                break;
            if (p_is_kw(p, "for")) {
                r = p_node(p, N_LISTCOMP, t);
                N(p, r)->a = first;
                int cf = comp_for(p);
                if (cf < 0 || !p_expect_op(p, "]"))
                    return -1;
                N(p, r)->b = cf;
                break;
            }
            int rest = -1;
            count = 1;
            comma = false;
            if (p_accept_op(p, ",")) {
                rest = elements(p, "]", &count, &comma);
                if (p->err->set)
                    break;
            }
            N(p, first)->next = rest;
            if (!p_accept_op(p, "]")) {
                r = p_fail(p, "invalid syntax. Perhaps you forgot a comma?");
                break;
            }
            r = p_node(p, N_LIST, t);
            N(p, r)->a = first;
            break;
        }
        if (p_accept_op(p, "{")) {
            if (p_accept_op(p, "}")) {
                r = p_node(p, N_DICT, t);
                break;
            }
            int k = p_test(p);
            if (k < 0)
                break;
            if (p_accept_op(p, ":")) { /* dict display: key, value, key, value ... */
                r = p_node(p, N_DICT, t);
                int v = p_test(p);
                if (v < 0)
                    return -1;
                N(p, r)->a = k;
                N(p, k)->next = v;
                int last = v;
                while (p_accept_op(p, ",") && !p_is_op(p, "}")) {
                    int k2 = p_test(p);
                    if (k2 < 0 || !p_expect_op(p, ":"))
                        return -1;
                    int v2 = p_test(p);
                    if (v2 < 0)
                        return -1;
                    N(p, last)->next = k2;
                    N(p, k2)->next = v2;
                    last = v2;
                }
                if (!p_expect_op(p, "}"))
                    return -1;
                break;
            }
            r = p_node(p, N_SET, t);
            N(p, r)->a = k;
            int count;
            bool comma;
            if (p_accept_op(p, ",")) {
                int rest = elements(p, "}", &count, &comma);
                if (p->err->set)
                    return -1;
                N(p, k)->next = rest;
            }
            if (!p_expect_op(p, "}"))
                return -1;
            break;
        }
        if (p_accept_op(p, "...")) {
            r = p_node(p, N_ELLIPSIS, t);
            break;
        }
        r = p_fail(p, "invalid syntax");
        break;
    case T_INDENT:
        p_fail_at(p, t, "IndentationError", "unexpected indent");
        break;
    default:
        r = p_fail(p, "invalid syntax");
        break;
    }
    p->depth--;
    return r;
}

