/*
 * capi_lang: the C-API lab's language — the reader that turns a program into
 * statements, finding every unknown function, wrong argument, undefined
 * variable or type mix-up before anything runs.  The functions it knows are
 * the table in capi_fns.c.
 */
#include "lab/capi/capi.h"
#include "lab/capi/capi_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/linescan.h"
#include "base/utf8.h"
#include "base/xalloc.h"

/* ---- the reader's state ------------------------------------------------- */

typedef struct Rd {
    CapiProg *p;
    LineScan ls;    /* the lines and the diagnostics (base/linescan.h) */
    const char *s;  /* the line */
    size_t n, i;    /* its length up to a comment, the cursor */
    bool failed;    /* this line has an error already */
} Rd;

#define MAX_ERRORS 50

__attribute__((format(printf, 3, 4)))
static void err(Rd *r, size_t at, const char *fmt, ...)
{
    if (r->failed)
        return; /* one error a line: what follows it is guesswork */
    r->failed = true;
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(&r->ls, (int)at + 1, fmt, ap);
    va_end(ap);
}

static void skip_ws(Rd *r)
{
    while (r->i < r->n && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\r'))
        r->i++;
}

static bool at_end(Rd *r)
{
    skip_ws(r);
    return r->i >= r->n;
}

static bool eat(Rd *r, char c)
{
    skip_ws(r);
    if (r->i < r->n && r->s[r->i] == c) {
        r->i++;
        return true;
    }
    return false;
}

static bool is_ident_start(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool is_ident(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* An identifier at the cursor: its length (0 if none); the cursor moves past. */
static size_t ident(Rd *r, const char **out)
{
    skip_ws(r);
    size_t st = r->i;
    if (st >= r->n || !is_ident_start(r->s[st]))
        return 0;
    while (r->i < r->n && is_ident(r->s[r->i]))
        r->i++;
    *out = r->s + st;
    return r->i - st;
}

static bool word_is(const char *w, size_t n, const char *kw)
{
    return strlen(kw) == n && memcmp(w, kw, n) == 0;
}

static bool peek_word(Rd *r, const char *kw)
{
    size_t save = r->i;
    const char *w;
    size_t n = ident(r, &w);
    bool yes = n && word_is(w, n, kw);
    if (!yes)
        r->i = save;
    return yes;
}

static int var_find(const CapiProg *p, const char *name, size_t n)
{
    for (size_t i = 0; i < p->nvar; i++)
        if (strlen(p->var[i].name) == n && memcmp(p->var[i].name, name, n) == 0)
            return (int)i;
    return -1;
}

static int new_expr(Rd *r, CapiExprKind k, size_t col)
{
    CapiProg *p = r->p;
    p->expr = xgrow(p->expr, &p->capexpr, p->nexpr + 1, sizeof *p->expr);
    CapiExpr *e = &p->expr[p->nexpr];
    memset(e, 0, sizeof *e);
    e->kind = (uint8_t)k;
    e->col = (int)col + 1;
    e->var = -1;
    e->args[0] = e->args[1] = e->args[2] = -1;
    return (int)p->nexpr++;
}

/* The C type an expression has: CT_OBJ, CT_LONG, CT_STR (CT_VOID: none). */
static CapiType expr_type(const CapiProg *p, int e)
{
    const CapiExpr *x = &p->expr[e];
    switch ((CapiExprKind)x->kind) {
    case CE_VAR: return (CapiType)p->var[x->var].type;
    case CE_INT: return CT_LONG;
    case CE_STR: return CT_STR;
    case CE_NULL: case CE_NONE: return CT_OBJ;
    case CE_CALL: {
        CapiRet rt = (CapiRet)capi_fn_info((CapiFn)x->fn)->ret;
        return rt == CR_NEW || rt == CR_BORROWED ? CT_OBJ : rt == CR_VOID ? CT_VOID : CT_LONG;
    }
    }
    return CT_VOID;
}

static const char *type_name(CapiType t)
{
    return t == CT_OBJ ? "PyObject *" : t == CT_LONG ? "long" : t == CT_STR ? "a string" : "void";
}

static int parse_expr(Rd *r, int depth);

static int parse_string(Rd *r)
{
    size_t st = r->i++;
    Buf b = {0};
    while (r->i < r->n && r->s[r->i] != '"') {
        char c = r->s[r->i++];
        if (c == '\\') {
            char e = r->i < r->n ? r->s[r->i++] : '\0';
            c = e == 'n' ? '\n' : e == 't' ? '\t' : e == '"' ? '"' : e == '\\' ? '\\' : '\0';
            if (!c) {
                err(r, r->i - 2, "unknown escape in a string (expected \\n, \\t, \\\" or \\\\)");
                buf_fini(&b);
                return -1;
            }
        }
        buf_addc(&b, c);
    }
    if (r->i >= r->n) {
        err(r, st, "unterminated string (expected a closing '\"')");
        buf_fini(&b);
        return -1;
    }
    r->i++;
    size_t bad = utf8_invalid_at(buf_str(&b), b.len);
    if (bad < b.len) {
        err(r, st, "the string is not valid UTF-8 (PyUnicode_FromString expects UTF-8)");
        buf_fini(&b);
        return -1;
    }
    int e = new_expr(r, CE_STR, st);
    r->p->expr[e].str = b.len ? buf_take(&b) : xstrdup("");
    return e;
}

static int parse_int(Rd *r)
{
    size_t st = r->i;
    bool neg = r->s[r->i] == '-';
    if (neg)
        r->i++;
    skip_ws(r);
    if (r->i >= r->n || !isdigit((unsigned char)r->s[r->i])) {
        err(r, st, "expected a number after '-'");
        return -1;
    }
    uint64_t v = 0;
    bool over = false;
    while (r->i < r->n && isdigit((unsigned char)r->s[r->i])) {
        unsigned d = (unsigned)(r->s[r->i++] - '0');
        if (v > (UINT64_MAX - d) / 10)
            over = true;
        else
            v = v * 10 + d;
    }
    if (r->i < r->n && (r->s[r->i] == 'L' || r->s[r->i] == 'l'))
        r->i++; /* 1000L */
    if (over || v > (uint64_t)INT64_MAX + (neg ? 1u : 0u)) {
        err(r, st, "integer does not fit in a C long (64 bits)");
        return -1;
    }
    int e = new_expr(r, CE_INT, st);
    r->p->expr[e].num = neg ? (int64_t)(0 - v) : (int64_t)v;
    return e;
}

static int parse_call(Rd *r, const char *name, size_t n, size_t st, int depth)
{
    int f = capi__fn_find(name, n);
    const CapiFnInfo *fi = f >= 0 ? capi_fn_info((CapiFn)f) : NULL;
    if (f < 0) {
        char nm[64];
        snprintf(nm, sizeof nm, "%.*s", (int)(n < 60 ? n : 60), name);
        err(r, st, "unknown function '%s' (the lab knows Py_INCREF, Py_DECREF, "
                   "Py_XDECREF, Py_NewRef, PyLong_*, PyUnicode_FromString, PyList_*, "
                   "PyTuple_*, PyDict_* and PyErr_Clear)", nm);
        return -1;
    }
    int e = new_expr(r, CE_CALL, st);
    r->p->expr[e].fn = (uint8_t)f;
    int args[3], na = 0;
    skip_ws(r);
    if (!eat(r, ')')) {
        for (;;) {
            skip_ws(r);
            size_t at = r->i;
            int a = parse_expr(r, depth + 1);
            if (a < 0)
                return -1;
            if (na == 3 || na >= fi->nargs) {
                err(r, at, "too many arguments: %s takes %d argument%s", fi->name,
                    fi->nargs, fi->nargs == 1 ? "" : "s");
                return -1;
            }
            CapiType want = (CapiType)fi->arg[na], got = expr_type(r->p, a);
            if (want != got) {
                err(r, at, "argument %d of %s must be %s, not %s", na + 1, fi->name,
                    type_name(want), type_name(got));
                return -1;
            }
            args[na++] = a;
            if (eat(r, ')'))
                break;
            if (!eat(r, ',')) {
                err(r, r->i, "expected ',' or ')' in the argument list");
                return -1;
            }
        }
    }
    if (na != fi->nargs) {
        err(r, st, "wrong number of arguments: %s takes %d argument%s, %d given", fi->name,
            fi->nargs, fi->nargs == 1 ? "" : "s", na);
        return -1;
    }
    CapiExpr *x = &r->p->expr[e];
    for (int i = 0; i < na; i++)
        x->args[i] = args[i];
    x->end_col = (int)r->i + 1;
    return e;
}

static int parse_expr(Rd *r, int depth)
{
    skip_ws(r);
    size_t st = r->i;
    if (depth > 8) {
        err(r, st, "calls nested too deeply (at most 8)");
        return -1;
    }
    if (st >= r->n) {
        err(r, st, "expected an expression");
        return -1;
    }
    char c = r->s[st];
    int e = -1;
    if (c == '"')
        e = parse_string(r);
    else if (c == '-' || isdigit((unsigned char)c))
        e = parse_int(r);
    else if (is_ident_start(c)) {
        const char *w;
        size_t n = ident(r, &w);
        if (eat(r, '('))
            e = parse_call(r, w, n, st, depth);
        else if (word_is(w, n, "NULL"))
            e = new_expr(r, CE_NULL, st);
        else if (word_is(w, n, "Py_None"))
            e = new_expr(r, CE_NONE, st);
        else {
            int v = var_find(r->p, w, n);
            if (v < 0) {
                char nm[64];
                snprintf(nm, sizeof nm, "%.*s", (int)(n < 60 ? n : 60), w);
                err(r, st, "undefined variable '%s' (assign it before this line)", nm);
                return -1;
            }
            e = new_expr(r, CE_VAR, st);
            r->p->expr[e].var = v;
        }
    } else {
        char m[8];
        snprintf(m, sizeof m, "%c", isprint((unsigned char)c) ? c : '?');
        err(r, st, "expected a variable, a number, a string, NULL or a call, not '%s'", m);
        return -1;
    }
    if (e >= 0)
        r->p->expr[e].end_col = (int)r->i + 1;
    return e;
}

static int new_stmt(Rd *r, CapiStmtKind k, size_t col)
{
    CapiProg *p = r->p;
    p->stmt = xgrow(p->stmt, &p->capstmt, p->nstmt + 1, sizeof *p->stmt);
    CapiStmt *s = &p->stmt[p->nstmt];
    memset(s, 0, sizeof *s);
    s->kind = (uint8_t)k;
    s->line = r->ls.line;
    s->col = (int)col + 1;
    s->var = s->expr = -1;
    return (int)p->nstmt++;
}

/* An optional C declaration: PyObject *, long, int, Py_ssize_t. */
static CapiType parse_decl(Rd *r)
{
    if (peek_word(r, "PyObject")) {
        if (!eat(r, '*')) {
            err(r, r->i, "expected '*' after PyObject (a variable holds a PyObject *)");
            return CT_VOID;
        }
        return CT_OBJ;
    }
    if (peek_word(r, "long") || peek_word(r, "int") || peek_word(r, "Py_ssize_t"))
        return CT_LONG;
    return CT_VOID;
}

static int declare(Rd *r, const char *w, size_t n, size_t at, CapiType t)
{
    CapiProg *p = r->p;
    int v = var_find(p, w, n);
    if (capi__fn_find(w, n) >= 0 || word_is(w, n, "NULL") || word_is(w, n, "Py_None") ||
        word_is(w, n, "return") || word_is(w, n, "if")) {
        char nm[64];
        snprintf(nm, sizeof nm, "%.*s", (int)(n < 60 ? n : 60), w);
        err(r, at, "'%s' is a reserved name, not a variable", nm);
        return -1;
    }
    if (v >= 0) {
        if (p->var[v].type != t) {
            err(r, at, "'%s' is %s since line %d, it cannot hold %s", p->var[v].name,
                type_name((CapiType)p->var[v].type), p->var[v].line, type_name(t));
            return -1;
        }
        return v;
    }
    p->var = xgrow(p->var, &p->capvar, p->nvar + 1, sizeof *p->var);
    p->var[p->nvar] = (CapiVarDecl){xstrndup(w, n), (uint8_t)t, r->ls.line};
    return (int)p->nvar++;
}

/* return [expr] | Py_RETURN_NONE | [decl] var = expr | call */
static int parse_simple(Rd *r)
{
    skip_ws(r);
    size_t st = r->i;
    if (peek_word(r, "Py_RETURN_NONE"))
        return new_stmt(r, CS_RETURN_NONE, st);
    if (peek_word(r, "return")) {
        int s = new_stmt(r, CS_RETURN, st);
        skip_ws(r);
        if (r->i >= r->n || r->s[r->i] == ';' || r->s[r->i] == '}') {
            err(r, r->i, "return needs a value: return obj, or return NULL after an error");
            return -1;
        }
        {
            size_t at = r->i;
            int e = parse_expr(r, 0);
            if (e < 0)
                return -1;
            if (expr_type(r->p, e) != CT_OBJ) {
                err(r, at, "a function of the C API returns a PyObject * (or NULL)");
                return -1;
            }
            r->p->stmt[s].expr = e;
        }
        return s;
    }
    if (peek_word(r, "if")) {
        err(r, st, "an if cannot hold another if in this lab");
        return -1;
    }
    CapiType decl = parse_decl(r);
    if (r->failed)
        return -1;
    skip_ws(r);
    size_t at = r->i;
    const char *w;
    size_t n = ident(r, &w);
    if (!n) {
        err(r, at, "expected a call, an assignment 'name = call(...)', return or if");
        return -1;
    }
    if (eat(r, '=')) {
        if (r->i < r->n && r->s[r->i] == '=') {
            err(r, r->i - 1, "'==' belongs in an if: if (x == NULL) return NULL");
            return -1;
        }
        skip_ws(r);
        size_t eat_at = r->i;
        int e = parse_expr(r, 0);
        if (e < 0)
            return -1;
        CapiType t = expr_type(r->p, e);
        if (t != CT_OBJ && t != CT_LONG) {
            err(r, eat_at, "nothing to assign: this call returns %s", type_name(t));
            return -1;
        }
        if (decl != CT_VOID && decl != t) {
            err(r, at, "declared %s but the value is %s", type_name(decl), type_name(t));
            return -1;
        }
        int v = declare(r, w, n, at, t);
        if (v < 0)
            return -1;
        int s = new_stmt(r, CS_ASSIGN, st);
        r->p->stmt[s].var = v;
        r->p->stmt[s].expr = e;
        return s;
    }
    if (decl != CT_VOID) {
        err(r, r->i, "expected '=' after the variable (declare and assign in one line)");
        return -1;
    }
    if (!eat(r, '(')) {
        err(r, r->i, "expected '(' for a call or '=' for an assignment");
        return -1;
    }
    int e = parse_call(r, w, n, at, 0);
    if (e < 0)
        return -1;
    int s = new_stmt(r, CS_EXPR, st);
    r->p->stmt[s].expr = e;
    return s;
}

/* (!x) | (x == NULL) | (x != NULL) | (x < 0) | (x == -1) */
static bool parse_cond(Rd *r, CapiStmt *s)
{
    if (!eat(r, '(')) {
        err(r, r->i, "expected '(' after if");
        return false;
    }
    bool bang = eat(r, '!');
    skip_ws(r);
    size_t at = r->i;
    const char *w;
    size_t n = ident(r, &w);
    int v = n ? var_find(r->p, w, n) : -1;
    if (v < 0) {
        err(r, at, "expected a variable to test: if (!x), if (x == NULL) or if (rc < 0)");
        return false;
    }
    CapiType t = (CapiType)r->p->var[v].type;
    s->var = v;
    if (bang) {
        s->cond = CC_IS_NULL;
    } else if (eat(r, '<')) {
        if (!eat(r, '0')) {
            err(r, r->i, "expected 0 in 'x < 0'");
            return false;
        }
        s->cond = CC_NEGATIVE;
    } else if (eat(r, '=') && eat(r, '=')) {
        if (peek_word(r, "NULL"))
            s->cond = CC_IS_NULL;
        else if (eat(r, '-') && eat(r, '1'))
            s->cond = CC_NEGATIVE;
        else {
            err(r, r->i, "expected NULL or -1 after '=='");
            return false;
        }
    } else if (eat(r, '!') && eat(r, '=') && peek_word(r, "NULL")) {
        s->cond = CC_NOT_NULL;
    } else {
        err(r, r->i, "expected !x, x == NULL, x != NULL, x < 0 or x == -1");
        return false;
    }
    bool wants_obj = s->cond != CC_NEGATIVE;
    if (wants_obj != (t == CT_OBJ)) {
        err(r, at, wants_obj ? "only a PyObject * can be NULL; test a long with x < 0"
                             : "a PyObject * is tested against NULL, not with < 0");
        return false;
    }
    if (!eat(r, ')')) {
        err(r, r->i, "expected ')' to close the condition");
        return false;
    }
    return true;
}

static void parse_if(Rd *r, size_t st)
{
    int s = new_stmt(r, CS_IF, st);
    CapiStmt tmp = r->p->stmt[s];
    if (!parse_cond(r, &tmp))
        return;
    /* body statements go after every top-level one: parse into a side list */
    int first = -1, nb = 0;
    bool block = eat(r, '{');
    for (;;) {
        if (block && eat(r, '}'))
            break;
        if (at_end(r)) {
            err(r, r->i, block ? "the block must close with '}' on the same line"
                               : "expected a statement after the condition");
            return;
        }
        int b = parse_simple(r);
        if (b < 0)
            return;
        if (first < 0)
            first = b;
        nb++;
        if (!block)
            break;
        if (!eat(r, ';') && !(skip_ws(r), r->i < r->n && r->s[r->i] == '}')) {
            err(r, r->i, "expected ';' between statements in the block");
            return;
        }
    }
    tmp.body = first;
    tmp.nbody = nb;
    r->p->stmt[s] = tmp;
}

/* Cuts a # or // comment that is not inside a string. */
static size_t code_len(const char *s, size_t n)
{
    bool str = false;
    for (size_t i = 0; i < n; i++) {
        if (str) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                str = false;
        } else if (s[i] == '"') {
            str = true;
        } else if (s[i] == '#' || (s[i] == '/' && i + 1 < n && s[i + 1] == '/')) {
            return i;
        }
    }
    return n;
}

/* Top-level statements of one line are collected first; if-bodies are
 * appended to the statement array as they are read, so a line's statements
 * are moved into place after reading (see capi_parse). */
static void parse_line(Rd *r)
{
    skip_ws(r);
    size_t st = r->i;
    if (peek_word(r, "if"))
        parse_if(r, st);
    else
        (void)parse_simple(r);
    if (r->failed)
        return;
    eat(r, ';');
    if (!at_end(r))
        err(r, r->i, "one statement per line (unexpected text after the statement)");
}

void capi_prog_fini(CapiProg *p)
{
    for (size_t i = 0; i < p->nexpr; i++)
        free(p->expr[i].str);
    for (size_t i = 0; i < p->nvar; i++)
        free(p->var[i].name);
    for (size_t i = 0; i < p->ntop; i++)
        free(p->text[i]);
    free(p->expr), free(p->var), free(p->stmt), free(p->text);
    memset(p, 0, sizeof *p);
}

static char *trimmed(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ';'))
        n--;
    return xstrndup(s, n);
}

bool capi_parse(CapiProg *p, const char *src, size_t len, const char *file, DiagList *dl)
{
    memset(p, 0, sizeof *p);
    Rd r = {.p = p};
    linescan_init(&r.ls, src, len, file, dl, MAX_ERRORS);
    /* Pass 1 reads every line into a scratch order: a line's statement and
     * its if-body land in the array together.  Pass 2 (below) reorders so
     * top-level statements come first, as CapiProg promises. */
    int *tops = NULL;
    size_t ntops = 0, captops = 0;
    size_t capt = 0;
    while (linescan_next(&r.ls)) {
        r.s = r.ls.text;
        r.n = code_len(r.ls.text, r.ls.len);
        r.i = 0;
        r.failed = false;
        size_t before = p->nstmt;
        if (!at_end(&r)) {
            parse_line(&r);
            if (!r.failed) {
                tops = xgrow(tops, &captops, ntops + 1, sizeof *tops);
                tops[ntops++] = (int)before;
                p->text = xgrow(p->text, &capt, ntops, sizeof *p->text);
                p->text[ntops - 1] = trimmed(r.ls.text, r.n);
            }
        }
    }
    p->ntop = ntops;
    /* reorder: top-level statements first, bodies after, indices fixed */
    CapiStmt *out = xmalloc((p->nstmt ? p->nstmt : 1) * sizeof *out);
    int *where = xmalloc((p->nstmt ? p->nstmt : 1) * sizeof *where);
    bool *is_top = xcalloc(p->nstmt ? p->nstmt : 1, sizeof *is_top);
    size_t k = 0;
    for (size_t t = 0; t < ntops; t++) {
        is_top[tops[t]] = true;
        where[tops[t]] = (int)k, out[k++] = p->stmt[tops[t]];
    }
    for (size_t i = 0; i < p->nstmt; i++)
        if (!is_top[i])
            where[i] = (int)k, out[k++] = p->stmt[i];
    free(is_top);
    for (size_t i = 0; i < k; i++)
        if (out[i].kind == CS_IF && out[i].nbody)
            out[i].body = where[out[i].body];
    free(p->stmt);
    p->stmt = out;
    p->nstmt = k;
    p->capstmt = k ? k : 1;
    free(where);
    free(tops);
    return linescan_finish(&r.ls) == 0;
}
