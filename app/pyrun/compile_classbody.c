/*
 * compile_classbody: the statements CPython's compiler adds to a class
 * body around the program's own (Python/compile.c, compiler_class_body and
 * compiler_body), which decide what Cls.__dict__ holds and in what order:
 * after __module__ and __qualname__, 3.13's __firstlineno__ (the line of
 * the class, or of its first decorator), the docstring as __doc__, and
 * after the body 3.13's __static_attributes__, the sorted names the
 * class's functions store as `self.NAME`.  3.13 also strips the common
 * indentation of docstrings (_PyCompile_CleanDoc).
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "pyrun/compile_int.h"

static bool is_313(const Cg *g) { return g->I->sim->prof->version == SIM_V313; }

/* ---- docstrings --------------------------------------------------------- */

/* str.expandtabs(8) of text into out */
static void expand_tabs(const char *p, size_t n, Buf *out)
{
    size_t col = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\t') {
            size_t pad = 8 - col % 8;
            for (size_t k = 0; k < pad; k++)
                buf_addc(out, ' ');
            col += pad;
            continue;
        }
        buf_addc(out, p[i]);
        col = p[i] == '\n' || p[i] == '\r' ? 0 : col + ((p[i] & 0xc0) != 0x80); /* code points */
    }
}

/* 3.13's cleaning: tabs expanded, the first line's leading spaces gone,
 * and from the later lines the smallest indentation of the non-blank ones */
static SimId clean_doc(PyRun *I, SimId doc)
{
    size_t n;
    const char *raw = sim_str_data(I->sim, doc, &n);
    Buf t = {0};
    expand_tabs(raw, n, &t);
    const char *p = buf_str(&t), *end = p + t.len;
    const char *q = memchr(p, '\n', t.len);
    size_t margin = SIZE_MAX;
    for (q = q ? q + 1 : end; q < end;) { /* the later lines' indentation */
        const char *s = q;
        while (q < end && *q == ' ')
            q++;
        if (q < end && *q != '\n' && (size_t)(q - s) < margin)
            margin = (size_t)(q - s);
        while (q < end && *q++ != '\n') {
        }
    }
    if (margin == SIZE_MAX)
        margin = 0;
    const char *r = p;
    while (r < end && *r == ' ')
        r++;
    if (r == p && margin == 0 && t.len == n) { /* already clean */
        buf_fini(&t);
        return doc;
    }
    Buf out = {0};
    while (r < end) { /* the first line */
        char ch = *r++;
        buf_addc(&out, ch);
        if (ch == '\n')
            break;
    }
    while (r < end) { /* each later line without the margin */
        for (size_t i = 0; i < margin && r < end && *r == ' '; i++)
            r++;
        while (r < end) {
            char ch = *r++;
            buf_addc(&out, ch);
            if (ch == '\n')
                break;
        }
    }
    SimId cleaned = sim_str(I->sim, out.len ? buf_str(&out) : "", out.len);
    buf_fini(&out);
    buf_fini(&t);
    sim_decref(I->sim, doc);
    return cleaned;
}

SimId cg_docstring(Cg *g, const Node *str)
{
    SimId doc = cg_literal(g->I, str);
    return is_313(g) && sim_kind(g->I->sim, doc) == SK_STR ? clean_doc(g->I, doc) : doc;
}

/* the docstring node of a body (its first statement, a str), or NULL */
static const Node *docstring_of(Cg *g, int body)
{
    const Node *first = body >= 0 ? NODE(g, body) : NULL;
    if (first && first->kind == N_EXPR && first->a >= 0 && NODE(g, first->a)->kind == N_STR)
        return NODE(g, first->a);
    return NULL;
}

/* ---- the prologue and the epilogue ---------------------------------------- */

void cg_class_firstlineno(Cg *g, int cls)
{
    if (!is_313(g))
        return;
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_int(g->I->sim, cg_decorated_line(g, cls))));
    cg_name_op(g, "__firstlineno__", ACC_STORE);
}

void cg_class_doc(Cg *g, int body)
{
    const Node *doc = docstring_of(g, body);
    if (!doc)
        return;
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, cg_docstring(g, doc)));
    cg_name_op(g, "__doc__", ACC_STORE);
}

typedef struct Names {
    const char **v;
    size_t n, cap;
} Names;

static void add_name(Names *ns, const char *s)
{
    for (size_t i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], s) == 0)
            return;
    ns->v = xgrow(ns->v, &ns->cap, ns->n + 1, sizeof *ns->v);
    ns->v[ns->n++] = s;
}

static void targets(Cg *g, int first, Names *ns);

/* one store target: `self.NAME` (its own name, before mangling), or a
 * tuple, list or starred target holding some */
static void target1(Cg *g, int t, Names *ns)
{
    const Node *nd = NODE(g, t);
    if (nd->kind == N_ATTR && nd->a >= 0 && NODE(g, nd->a)->kind == N_NAME && strcmp(NODE(g, nd->a)->str, "self") == 0)
        add_name(ns, nd->str + nd->ival);
    else if (nd->kind == N_TUPLE || nd->kind == N_LIST)
        targets(g, nd->a, ns);
    else if (nd->kind == N_STARRED && nd->a >= 0)
        target1(g, nd->a, ns);
}

static void targets(Cg *g, int first, Names *ns)
{
    for (int t = first; t >= 0; t = NODE(g, t)->next)
        target1(g, t, ns);
}

/* every store in the trees from n on, a nested class's apart (they are
 * its own) */
static void walk(Cg *g, int n, Names *ns)
{
    for (; n >= 0; n = NODE(g, n)->next) {
        const Node *nd = NODE(g, n);
        if (nd->kind == N_CLASS)
            continue;
        if (nd->kind == N_ASSIGN)
            targets(g, nd->a, ns);
        else if (nd->kind == N_ANNASSIGN && nd->c >= 0 && nd->a >= 0) /* stored only with a value */
            target1(g, nd->a, ns);
        else if ((nd->kind == N_FOR || nd->kind == N_COMPFOR) && nd->a >= 0)
            target1(g, nd->a, ns);
        else if (nd->kind == N_WITHITEM && nd->b >= 0)
            target1(g, nd->b, ns);
        walk(g, nd->a, ns), walk(g, nd->b, ns), walk(g, nd->c, ns), walk(g, nd->d, ns), walk(g, nd->e, ns);
    }
}

static int by_name(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

void cg_class_static_attributes(Cg *g, int body)
{
    if (!is_313(g))
        return;
    Names ns = {0};
    walk(g, body, &ns);
    if (ns.n) /* sorted, as _PyCompile_StaticAttributesAsTuple */
        qsort(ns.v, ns.n, sizeof *ns.v, by_name);
    Sim *s = g->I->sim;
    SimId t = sim_tuple(s, ns.n);
    for (size_t i = 0; i < ns.n && i < sim_obj(s, t)->len; i++)
        sim_tuple_set(s, t, i, sim_str_intern(s, ns.v[i], strlen(ns.v[i])));
    free(ns.v);
    cg_emit(g, OP_LOAD_CONST, cg_add_const(g, t));
    cg_name_op(g, "__static_attributes__", ACC_STORE);
}
