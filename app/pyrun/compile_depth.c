/*
 * compile_depth: CPython's co_stacksize for a generator's code, which the
 * generator object's size counts (sys.getsizeof: one word per slot of
 * co_nlocalsplus + co_stacksize).  It is computed from the syntax tree as
 * CPython's compiler lays out the bytecode of each profile: what each
 * expression pushes, the iterator a `for` keeps, the slots an exception
 * handler's entry pushes (with lasti for cleanups), the constants the AST
 * optimizer folds.  A construct whose layout is not modelled here makes
 * the depth unknown (-1): the generator then runs, but its size is refused
 * rather than guessed (sys.getsizeof, sys._debugmallocstats).
 * Checked against the real interpreters by tests/oracle (17x_*).
 */
#include <string.h>

#include "pyrun/compile_int.h"

#define MAX_FINALLY 20 /* the parser's limit on nested blocks */
#define MAX_INLINED 32 /* names of inlined comprehensions tracked */

typedef struct Depth {
    const Ast *ast;
    SimVersion ver;
    const SimId *fold; /* each node's folded constant or 0 (PyRun.fold) */
    int max;
    bool unknown;
    int fin[MAX_FINALLY], fin_base[MAX_FINALLY]; /* enclosing finally bodies and their depth */
    int nfin;
    Cg *g;                       /* the code: which names are its slots already */
    const char *bound[MAX_INLINED]; /* names of the comprehension being laid out */
    int nbound, pushed;
    const char *extra[MAX_INLINED]; /* comprehension names the code gains (3.12+) */
    int nextra;
} Depth;

#define ND(d, i) (&(d)->ast->n[(i)])

static void need(Depth *d, int depth)
{
    if (depth > d->max)
        d->max = depth;
}

static void expr(Depth *d, int n, int base);
static void stmts(Depth *d, int first, int base);
static void store(Depth *d, int t, int below);
static void cond(Depth *d, int n, int base);

/* ---- constants the AST optimizer folds (compile_fold.c) ------------------ */

typedef enum Fold { F_NO, F_YES, F_UNSURE } Fold;

static Fold folded(Depth *d, int n)
{
    if (d->fold && d->fold[n])
        return F_YES;
    switch ((NodeKind)ND(d, n)->kind) {
    case N_INT: case N_FLOAT: case N_STR: case N_BYTES: case N_NONE: case N_TRUE: case N_FALSE:
    case N_ELLIPSIS:
        return F_YES;
    case N_UNARY: case N_BINOP: case N_TUPLE: case N_SUBSCRIPT:
        return d->fold ? F_NO : F_UNSURE; /* the folder's verdict, when it ran */
    default:
        return F_NO;
    }
}

/* One LOAD_CONST when folded, else -1 (evaluate it); unknown when unsure. */
static bool load_folded(Depth *d, int n, int base)
{
    Fold f = folded(d, n);
    if (f == F_UNSURE)
        d->unknown = true;
    if (f == F_NO)
        return false;
    need(d, base + 1);
    return true;
}

/* A list or set display of constants: `in` and `for` make it a constant
 * tuple or frozenset (fold_iter / fold_compare), a longer display is built
 * by extending an empty one from a constant tuple. */
static bool display_folds(Depth *d, int n)
{
    const Node *nd = ND(d, n);
    if (d->fold && d->fold[n])
        return true;
    if (nd->kind != N_LIST && nd->kind != N_SET)
        return false;
    for (int c = nd->a; c >= 0; c = ND(d, c)->next) {
        Fold f = folded(d, c);
        if (f == F_UNSURE)
            d->unknown = true;
        if (f != F_YES)
            return false;
    }
    return true;
}

/* ---- expressions -------------------------------------------------------- */

static int list_len(Depth *d, int first) { return ast_list_len(d->ast, first); }

/* items pushed one above another from base */
static int push_each(Depth *d, int first, int base)
{
    int k = 0;
    for (int c = first; c >= 0; c = ND(d, c)->next, k++)
        expr(d, c, base + k);
    return k;
}

static void call(Depth *d, const Node *nd, int base)
{
    const Node *fn = ND(d, nd->a);
    if (fn->kind == N_ATTR) {
        expr(d, fn->a, base); /* LOAD_METHOD / LOAD_ATTR (method): two slots */
    } else if (fn->kind != N_NAME) {
        expr(d, nd->a, base + (d->ver >= SIM_V313 ? 0 : 1)); /* PUSH_NULL first, or after (3.13) */
    }
    need(d, base + 2);
    int k = 0, nkw = 0;
    for (int a = nd->b; a >= 0; a = ND(d, a)->next, k++) {
        const Node *an = ND(d, a);
        if (an->kind == N_STARRED || an->kind == N_DSTAR) {
            d->unknown = true;
            return;
        }
        nkw += an->kind == N_KWARG;
        expr(d, an->kind == N_KWARG ? an->a : a, base + 2 + k);
    }
    if (nkw && d->ver >= SIM_V313)
        need(d, base + 3 + k); /* CALL_KW takes the names tuple from the stack */
}

static void compare(Depth *d, const Node *nd, int base)
{
    expr(d, nd->a, base);
    bool chain = ND(d, nd->b)->next >= 0;
    for (int c = nd->b; c >= 0; c = ND(d, c)->next) {
        const Node *cn = ND(d, c);
        bool in = cn->op == OP_IN || cn->op == OP_NOTIN;
        if (!(in && display_folds(d, cn->a)))
            expr(d, cn->a, base + 1);
        need(d, base + 2);
        if (chain && ND(d, c)->next >= 0)
            need(d, base + 3); /* SWAP 2, COPY 2 */
    }
}

static void fstring(Depth *d, const Node *nd, int base)
{
    int k = 0;
    for (int p = nd->a; p >= 0; p = ND(d, p)->next, k++) {
        const Node *pn = ND(d, p);
        if (pn->kind == N_STR) {
            need(d, base + k + 1);
            continue;
        }
        expr(d, pn->a, base + k);
        if (pn->b >= 0) { /* a spec with fields of its own, built above the value */
            fstring(d, ND(d, pn->b), base + k + 1);
            continue;
        }
        need(d, base + k + 1 + (pn->str != NULL)); /* the spec constant */
    }
    need(d, base + 1);
}

/* Does target t bind name? */
static bool binds(Depth *d, int t, const char *name)
{
    const Node *nd = ND(d, t);
    if (nd->kind == N_NAME)
        return strcmp(nd->str, name) == 0;
    if (nd->kind == N_TUPLE || nd->kind == N_LIST)
        for (int c = nd->a; c >= 0; c = ND(d, c)->next)
            if (binds(d, c, name))
                return true;
    return false;
}

/* A comprehension's names become the function's own locals when 3.12+
 * inlines it: those it does not have yet widen the frame. */
static void bind_inlined(Depth *d, int t)
{
    const Node *nd = ND(d, t);
    if (nd->kind == N_TUPLE || nd->kind == N_LIST) {
        for (int c = nd->a; c >= 0; c = ND(d, c)->next)
            bind_inlined(d, c);
        return;
    }
    if (nd->kind != N_NAME) {
        d->unknown = true;
        return;
    }
    for (int i = 0; i < d->nbound; i++)
        if (strcmp(d->bound[i], nd->str) == 0)
            return;
    if (d->nbound == MAX_INLINED) {
        d->unknown = true;
        return;
    }
    d->bound[d->nbound++] = nd->str;
    d->pushed++;
    if (cg_slot_of(d->g, nd->str) < 0) {
        for (int i = 0; i < d->nextra; i++)
            if (strcmp(d->extra[i], nd->str) == 0)
                return;
        if (d->nextra < MAX_INLINED)
            d->extra[d->nextra++] = nd->str;
        else
            d->unknown = true;
    }
}

static bool holds_scope(Depth *d, int n, int depth)
{
    if (n < 0 || depth > 200)
        return n >= 0;
    const Node *nd = ND(d, n);
    if (nd->kind == N_LAMBDA || nd->kind == N_LISTCOMP || nd->kind == N_SETCOMP || nd->kind == N_DICTCOMP ||
        nd->kind == N_GENEXP || nd->kind == N_NAMEDEXPR)
        return true;
    return holds_scope(d, nd->a, depth + 1) || holds_scope(d, nd->b, depth + 1) || holds_scope(d, nd->c, depth + 1) ||
           holds_scope(d, nd->d, depth + 1) || holds_scope(d, nd->e, depth + 1) ||
           (nd->next >= 0 && holds_scope(d, nd->next, depth + 1));
}

/* 3.12+ (PEP 709): the first iterator, the comprehension's names saved
 * with LOAD_FAST_AND_CLEAR, the new list, set or dict, then the for
 * clauses' iterators and items as in a loop. */
static void inlined(Depth *d, const Node *nd, int base)
{
    int first = nd->b;
    if (holds_scope(d, nd->a, 0) || holds_scope(d, nd->c, 0) || holds_scope(d, ND(d, first)->c, 0) ||
        holds_scope(d, ND(d, first)->next, 0)) {
        d->unknown = true; /* cells and nested inlining: not laid out here */
        return;
    }
    expr(d, ND(d, first)->b, base);
    int nbound = d->nbound, pushed = d->pushed;
    d->pushed = 0;
    for (int cf = first; cf >= 0; cf = ND(d, cf)->next)
        bind_inlined(d, ND(d, cf)->a);
    int k = d->pushed, j = 0, top = base + k + 1; /* the saved names and the collection */
    d->nbound = nbound, d->pushed = pushed;
    need(d, top + 1);
    for (int cf = first; cf >= 0; cf = ND(d, cf)->next, j++) {
        if (j > 0)
            expr(d, ND(d, cf)->b, top + j);
        need(d, top + j + 2); /* the iterator and its item */
        store(d, ND(d, cf)->a, top + j + 1);
        for (int c = ND(d, cf)->c; c >= 0; c = ND(d, c)->next)
            cond(d, c, top + j + 1);
    }
    expr(d, nd->a, top + j);
    if (nd->kind == N_DICTCOMP)
        expr(d, nd->c, top + j + 1);
}

/* The distinct names a comprehension reads that are the code's own slots:
 * they become its closure's cells.  -1 when too many to track. */
static int collect_cells(Depth *d, int n, const char **names, int *count, int depth)
{
    if (n < 0)
        return 0;
    if (depth > 200 || *count < 0)
        return *count = -1;
    const Node *nd = ND(d, n);
    if (nd->kind == N_LAMBDA || nd->kind == N_LISTCOMP || nd->kind == N_SETCOMP || nd->kind == N_DICTCOMP ||
        nd->kind == N_GENEXP)
        return *count = -1; /* a scope of its own inside: not followed */
    if (nd->kind == N_NAME && cg_slot_of(d->g, nd->str) >= 0) {
        bool seen = false;
        for (int i = 0; i < *count && !seen; i++)
            seen = strcmp(names[i], nd->str) == 0;
        if (!seen && *count == MAX_INLINED)
            return *count = -1;
        if (!seen)
            names[(*count)++] = nd->str;
    }
    int kids[] = {nd->a, nd->b, nd->c, nd->d, nd->e};
    for (int i = 0; i < 5; i++)
        collect_cells(d, kids[i], names, count, depth + 1);
    if (nd->next >= 0)
        collect_cells(d, nd->next, names, count, depth + 1);
    return *count;
}

static int comprehension_cells(Depth *d, const Node *nd)
{
    const char *names[MAX_INLINED];
    int count = 0;
    int first = nd->b;
    collect_cells(d, nd->a, names, &count, 0);
    if (nd->kind == N_DICTCOMP)
        collect_cells(d, nd->c, names, &count, 0);
    collect_cells(d, ND(d, first)->c, names, &count, 0);
    collect_cells(d, ND(d, first)->next, names, &count, 0);
    if (count < 0)
        return -1;
    /* its own targets are its locals, not cells */
    int cells = 0;
    for (int i = 0; i < count; i++) {
        bool target = false;
        for (int cf = first; cf >= 0 && !target; cf = ND(d, cf)->next)
            target = binds(d, ND(d, cf)->a, names[i]);
        cells += !target;
    }
    return cells;
}

/* A comprehension as an expression: its function is made (the cells it
 * uses as its closure) and called with the first iterator; 3.12+ inlines
 * list, set and dict comprehensions. */
static void comprehension(Depth *d, const Node *nd, int base)
{
    if (d->ver >= SIM_V312 && nd->kind != N_GENEXP) {
        inlined(d, nd, base);
        return;
    }
    int cells = comprehension_cells(d, nd);
    if (cells < 0) {
        d->unknown = true;
        return;
    }
    if (d->ver >= SIM_V313) /* MAKE_FUNCTION, then the closure for SET_FUNCTION_ATTRIBUTE */
        need(d, base + 1 + cells + (cells > 0));
    else /* the closure tuple, the code, MAKE_FUNCTION */
        need(d, base + (cells > 2 ? cells : cells ? 2 : 1));
    expr(d, ND(d, nd->b)->b, base + 1);
    need(d, base + 2);
}

/* A test that only jumps (compiler_jump_if): and/or copy nothing. */
static void cond(Depth *d, int n, int base)
{
    const Node *nd = ND(d, n);
    if (nd->kind == N_BOOLOP) {
        cond(d, nd->a, base);
        cond(d, nd->b, base);
    } else if (nd->kind == N_UNARY && nd->op == OP_NOT) {
        cond(d, nd->a, base);
    } else if (nd->kind == N_IFEXP) {
        cond(d, nd->a, base);
        cond(d, nd->b, base);
        cond(d, nd->c, base);
    } else if (nd->kind == N_COMPARE && ND(d, nd->b)->next < 0 &&
               (ND(d, nd->b)->op == OP_IS || ND(d, nd->b)->op == OP_ISNOT) &&
               ND(d, ND(d, nd->b)->a)->kind == N_NONE) {
        expr(d, nd->a, base); /* `x is None` jumps with POP_JUMP_IF_NONE: None is never pushed */
    } else {
        expr(d, n, base);
    }
}

static void expr_kind(Depth *d, int n, const Node *nd, int base)
{
    switch ((NodeKind)nd->kind) {
    case N_NAME:
        need(d, base + 1);
        return;
    case N_BINOP:
        expr(d, nd->a, base);
        expr(d, nd->b, base + 1);
        return;
    case N_UNARY: case N_ATTR:
        expr(d, nd->a, base);
        return;
    case N_BOOLOP:
        expr(d, nd->a, base);
        if (d->ver >= SIM_V312)
            need(d, base + 2); /* COPY 1 before the jump */
        expr(d, nd->b, base);
        return;
    case N_COMPARE:
        compare(d, nd, base);
        return;
    case N_CALL:
        call(d, nd, base);
        return;
    case N_SUBSCRIPT:
        expr(d, nd->a, base);
        expr(d, nd->b, base + 1);
        return;
    case N_SLICE: {
        int parts[3] = {nd->a, nd->b, nd->c}, k = nd->c >= 0 ? 3 : 2;
        for (int i = 0; i < k; i++) {
            if (parts[i] >= 0)
                expr(d, parts[i], base + i);
            need(d, base + i + 1);
        }
        return;
    }
    case N_TUPLE: case N_LIST: case N_SET: {
        int len = list_len(d, nd->a);
        if (len > 30) { /* past STACK_USE_GUIDELINE CPython builds it item by item */
            d->unknown = true;
            return;
        }
        if (nd->kind != N_TUPLE && len > 2 && display_folds(d, n)) {
            need(d, base + 2); /* BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND */
            return;
        }
        push_each(d, nd->a, base);
        need(d, base + 1);
        return;
    }
    case N_DICT: {
        int len = list_len(d, nd->a) / 2;
        if (len > 16) {
            d->unknown = true;
            return;
        }
        bool const_keys = len > 1;
        for (int k = nd->a; k >= 0 && const_keys; k = ND(d, ND(d, k)->next)->next)
            if (ND(d, k)->kind == N_DSTAR || folded(d, k) != F_YES)
                const_keys = false;
        int i = 0;
        for (int k = nd->a; k >= 0; k = ND(d, ND(d, k)->next)->next, i++) {
            if (ND(d, k)->kind == N_DSTAR) {
                d->unknown = true;
                return;
            }
            if (const_keys) { /* values, then the keys' tuple: BUILD_CONST_KEY_MAP */
                expr(d, ND(d, k)->next, base + i);
            } else {
                expr(d, k, base + 2 * i);
                expr(d, ND(d, k)->next, base + 2 * i + 1);
            }
        }
        need(d, base + (const_keys ? len + 1 : 1));
        return;
    }
    case N_IFEXP:
        cond(d, nd->a, base);
        expr(d, nd->b, base);
        expr(d, nd->c, base);
        return;
    case N_FSTRING:
        fstring(d, nd, base);
        return;
    case N_YIELD:
        if (nd->a >= 0)
            expr(d, nd->a, base);
        need(d, base + 1);
        return;
    case N_YIELDFROM: case N_AWAIT: /* GET_AWAITABLE, then as yield from */
        expr(d, nd->a, base);
        need(d, base + (d->ver >= SIM_V312 ? 3 : 2)); /* the sent value; 3.12+: CLEANUP_THROW's */
        return;
    case N_LISTCOMP: case N_SETCOMP: case N_DICTCOMP: case N_GENEXP:
        comprehension(d, nd, base);
        return;
    default: /* lambda, walrus, starred ...: not laid out here */
        d->unknown = true;
        return;
    }
}

static void expr(Depth *d, int n, int base)
{
    if (n < 0 || d->unknown)
        return;
    if (load_folded(d, n, base))
        return;
    expr_kind(d, n, ND(d, n), base);
}

/* ---- statements --------------------------------------------------------- */

/* Stores the value on top (above `below` items) into target t. */
static void store(Depth *d, int t, int below)
{
    const Node *nd = ND(d, t);
    switch ((NodeKind)nd->kind) {
    case N_NAME:
        return;
    case N_ATTR:
        expr(d, nd->a, below + 1);
        return;
    case N_SUBSCRIPT:
        expr(d, nd->a, below + 1);
        expr(d, nd->b, below + 2);
        return;
    case N_TUPLE: case N_LIST: {
        int len = list_len(d, nd->a), j = 0;
        need(d, below + len);
        for (int c = nd->a; c >= 0; c = ND(d, c)->next, j++)
            store(d, c, below + len - j - 1);
        return;
    }
    default:
        d->unknown = true;
        return;
    }
}

static void augassign(Depth *d, const Node *nd, int base)
{
    const Node *t = ND(d, nd->a);
    if (t->kind == N_NAME) {
        need(d, base + 1);
        expr(d, nd->b, base + 1);
    } else if (t->kind == N_ATTR) {
        expr(d, t->a, base);
        need(d, base + 2); /* COPY 1; LOAD_ATTR */
        expr(d, nd->b, base + 2);
    } else {
        expr(d, t->a, base);
        expr(d, t->b, base + 1);
        need(d, base + 4); /* COPY 2; COPY 2; BINARY_SUBSCR */
        expr(d, nd->b, base + 3);
    }
}

/* try/except/else/finally (3.11+ exception table): a handler's entry holds
 * the exception, a cleanup's also lasti; POP_EXCEPT_AND_RERAISE copies. */
static void try_stmt(Depth *d, const Node *nd, int base)
{
    if (nd->d >= 0) {
        if (d->nfin == MAX_FINALLY) {
            d->unknown = true;
            return;
        }
        d->fin[d->nfin] = nd->d;
        d->fin_base[d->nfin++] = base;
    }
    stmts(d, nd->a, base);
    if (nd->d >= 0 && nd->b < 0)
        d->nfin--;
    stmts(d, nd->c, base);
    if (nd->b >= 0) {
        need(d, base + 4); /* the cleanup's COPY 3 above [prev, lasti, exc] */
        for (int h = nd->b; (nd->xf & XF_STAR) && h >= 0; h = ND(d, h)->next) {
            const Node *hn = ND(d, h); /* except*: [prev, orig, res, rest], CHECK_EG_MATCH's pair copied, */
            expr(d, hn->a, base + 4);  /* a body's cleanup [.., lasti, exc] and its name's None */
            need(d, base + (hn->str ? 7 : 6));
            stmts(d, hn->b, base + 4);
        }
        for (int h = (nd->xf & XF_STAR) ? -1 : nd->b; h >= 0; h = ND(d, h)->next) {
            const Node *hn = ND(d, h);
            if (hn->a >= 0)
                expr(d, hn->a, base + 2); /* above [prev, exc]; CHECK_EXC_MATCH */
            need(d, base + 3);
            stmts(d, hn->b, base + 1);
        }
    }
    if (nd->d >= 0 && nd->b >= 0)
        d->nfin--; /* the handlers and else were inside the finally's try too */
    if (nd->d >= 0) {
        stmts(d, nd->d, base);     /* inline, on the way out */
        stmts(d, nd->d, base + 2); /* on the exception path, above [prev, exc] */
        need(d, base + 4);
    }
}

static void stmt(Depth *d, int n, int base)
{
    const Node *nd = ND(d, n);
    switch ((NodeKind)nd->kind) {
    case N_EXPR:
        expr(d, nd->a, base);
        return;
    case N_ASSIGN: {
        expr(d, nd->b, base);
        bool several = ND(d, nd->a)->next >= 0;
        if (several)
            need(d, base + 2); /* COPY 1 for each target but the last */
        for (int t = nd->a; t >= 0; t = ND(d, t)->next)
            store(d, t, base + (several && ND(d, t)->next >= 0 ? 1 : 0));
        return;
    }
    case N_AUGASSIGN:
        augassign(d, nd, base);
        return;
    case N_DEL:
        for (int t = nd->a; t >= 0; t = ND(d, t)->next) {
            const Node *tn = ND(d, t);
            if (tn->kind == N_ATTR)
                expr(d, tn->a, base);
            else if (tn->kind == N_SUBSCRIPT)
                expr(d, tn->a, base), expr(d, tn->b, base + 1);
            else if (tn->kind != N_NAME)
                d->unknown = true;
        }
        return;
    case N_PASS: case N_BREAK: case N_CONTINUE: case N_GLOBAL: case N_NONLOCAL:
        return;
    case N_RETURN:
        expr(d, nd->a, base);
        if (nd->a >= 0 && folded(d, nd->a) == F_NO) /* the value waits under each finally body */
            for (int i = d->nfin - 1; i >= 0; i--)
                stmts(d, d->fin[i], d->fin_base[i] + 1);
        return;
    case N_IF: case N_WHILE:
        cond(d, nd->a, base);
        stmts(d, nd->b, base);
        stmts(d, nd->c, base);
        return;
    case N_FOR:
        if (!display_folds(d, nd->b))
            expr(d, nd->b, base);
        need(d, base + 2); /* the iterator and the item */
        store(d, nd->a, base + 1);
        stmts(d, nd->c, base + 1);
        stmts(d, nd->d, base);
        return;
    case N_TRY:
        try_stmt(d, nd, base);
        return;
    case N_RAISE:
        expr(d, nd->a, base);
        if (nd->b >= 0) /* the cause above the exception */
            expr(d, nd->b, base + 1);
        return;
    case N_ASSERT:
        cond(d, nd->a, base);
        if (nd->b >= 0) {
            need(d, base + 1); /* LOAD_ASSERTION_ERROR */
            expr(d, nd->b, base + 1);
        }
        return;
    case N_IMPORT: /* level and fromlist, IMPORT_NAME; IMPORT_FROM above the module */
        need(d, base + 2);
        return;
    case N_DEF: { /* at module level, plain: [the defaults (a constant tuple)], the code */
        bool plain = d->g && CODE(d->g)->kind == CODE_MODULE && nd->c < 0 && nd->d < 0 && nd->e < 0;
        int k = 0;
        for (int p = nd->a; p >= 0 && plain; k += ND(d, p)->a >= 0, p = ND(d, p)->next) {
            const Node *pn = ND(d, p); /* no annotation, not keyword-only, a constant default */
            plain = pn->b < 0 && !(pn->flag & PF_KWONLY) && (pn->a < 0 || folded(d, pn->a) == F_YES);
        }
        d->unknown |= !plain;
        need(d, base + (k ? 2 : 1));
        return;
    }
    case N_CLASS: { /* at module level: NULL, __build_class__, the function, the name, named bases */
        bool plain = d->g && CODE(d->g)->kind == CODE_MODULE && nd->c < 0 && nd->e < 0;
        int k = 0;
        for (int b = nd->a; b >= 0; b = ND(d, b)->next, k++)
            plain = plain && ND(d, b)->kind == N_NAME;
        d->unknown |= !plain;
        need(d, base + 4 + k);
        return;
    }
    default: /* decorated or annotated def, with, match ...: not laid out here */
        d->unknown = true;
        return;
    }
}

static void stmts(Depth *d, int first, int base)
{
    for (int s = first; s >= 0 && !d->unknown; s = ND(d, s)->next)
        stmt(d, s, base);
}

int cg_stack_depth(Cg *g, int n, int *extra_locals)
{
    Depth d = {.ast = g->ast, .ver = g->I->sim->prof->version, .fold = g->I->fold, .g = g};
    const Node *nd = ND(&d, n);
    if (nd->kind == N_DEF) {
        stmts(&d, nd->b, 0);
    } else if (nd->kind == N_LAMBDA) {
        expr(&d, nd->b, 0);
    } else if (nd->kind == N_GENEXP || nd->kind == N_LISTCOMP || nd->kind == N_SETCOMP ||
               nd->kind == N_DICTCOMP) {
        /* .0, then per for clause an iterator and its item; the ifs and the
         * element above; a comprehension's result (3.11's function) below */
        int k = nd->kind == N_GENEXP ? 0 : 1, first = k;
        for (int cf = nd->b; cf >= 0; cf = ND(&d, cf)->next, k++) {
            if (k > first)
                expr(&d, ND(&d, cf)->b, k);
            need(&d, k + 2);
            store(&d, ND(&d, cf)->a, k + 1);
            for (int c = ND(&d, cf)->c; c >= 0; c = ND(&d, c)->next)
                cond(&d, c, k + 1);
        }
        expr(&d, nd->a, k);
        if (nd->kind == N_DICTCOMP) /* the value above the key */
            expr(&d, nd->c, k + 1);
    } else {
        return -1;
    }
    if (d.unknown)
        return -1;
    if (d.ver >= SIM_V312 && d.max < 2 && CODE(g)->is_gen)
        d.max = 2; /* the generator's StopIteration handler: [lasti, exc] */
    *extra_locals = d.nextra;
    return d.max;
}

int cg_module_depth(Cg *g, int first)
{
    Depth d = {.ast = g->ast, .ver = g->I->sim->prof->version, .fold = g->I->fold, .g = g};
    stmts(&d, first, 0);
    return d.unknown ? -1 : d.max;
}
