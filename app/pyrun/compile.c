/*
 * compile: Ast to code objects for the VM.  Module and class bodies use
 * name lookups in a dict; functions use numbered slots, cells for captured
 * variables and a closure tuple, as CPython 3.11 compiles them.  Each
 * statement starts with OP_LINE, where py_step stops.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/types/bigint.h"
#include "pyrun/interp.h"
#include "pyrun/symtable.h"
#include "pyrun/compile_int.h"
#include "pyrun/refuse.h"



void cg_warn(Cg *g, int line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    py_add_warning(g->I, line, msg);
}

bool cg_cfail(Cg *g, int node, const char *type, const char *msg)
{
    if (!g->err->set) {
        snprintf(g->err->type, sizeof g->err->type, "%s", type);
        snprintf(g->err->msg, sizeof g->err->msg, "%s", msg);
        g->err->line = node >= 0 ? NODE(g, node)->line : g->line;
        g->err->col = node >= 0 ? NODE(g, node)->col : 0;
        if (node >= 0) { /* from the leftmost operand, as CPython's node range */
            const Node *nd = NODE(g, node);
            int left = node;
            while ((NODE(g, left)->kind == N_BINOP || NODE(g, left)->kind == N_COMPARE ||
                    NODE(g, left)->kind == N_BOOLOP) && NODE(g, left)->a >= 0)
                left = NODE(g, left)->a;
            g->err->line = NODE(g, left)->line, g->err->col = NODE(g, left)->col;
            g->err->end_line = nd->end_line, g->err->end_col = nd->end_col;
        }
        g->err->set = true;
    }
    return false;
}

uint32_t cg_emit(Cg *g, Opcode op, int32_t arg)
{
    if (op == OP_SETUP_TRY && g->try_depth + 1 > CODE(g)->maxtry)
        CODE(g)->maxtry = g->try_depth + 1; /* the frame reserves this many try blocks */
    PyCode *c = CODE(g);
    if (c->nops == c->capops) {
        c->capops = c->capops ? c->capops * 2 : 64;
        c->ops = xrealloc(c->ops, c->capops * sizeof *c->ops);
        c->lines = xrealloc(c->lines, c->capops * sizeof *c->lines);
        c->pos = xrealloc(c->pos, c->capops * sizeof *c->pos);
    }
    c->ops[c->nops] = (uint32_t)op | (uint32_t)arg << 8;
    c->lines[c->nops] = g->line;
    c->pos[c->nops] = g->pos;
    return (uint32_t)c->nops++;
}

uint32_t cg_here(Cg *g) { return (uint32_t)CODE(g)->nops; }

/* The columns of node n for a traceback: from its leftmost operand to its
 * end, with the anchor [anchor, anchor + len) ('^'; the whole node when len
 * is 0).  Nothing when it is not on one line. */
/* Where the operation of node n starts: the leftmost part of its chain of
 * binary operations, calls, subscripts and attributes, or the '(' of a
 * parenthesized part (line and column in *line, *col). */
static int leftmost(Cg *g, int n, int *line, int *col)
{
    int left = n;
    while ((NODE(g, left)->kind == N_BINOP || NODE(g, left)->kind == N_CALL ||
            NODE(g, left)->kind == N_SUBSCRIPT || NODE(g, left)->kind == N_ATTR ||
            NODE(g, left)->kind == N_COMPARE) && NODE(g, left)->a >= 0) {
        left = NODE(g, left)->a;
        if (NODE(g, left)->gline) {
            *line = NODE(g, left)->gline, *col = NODE(g, left)->gcol;
            return left;
        }
    }
    *line = NODE(g, left)->line, *col = NODE(g, left)->col;
    return left;
}

int cg_start_line(Cg *g, int n)
{
    int line, col;
    leftmost(g, n, &line, &col);
    return line;
}

PyPos cg_node_pos(Cg *g, int n, int anchor, int len)
{
    const Node *nd = NODE(g, n);
    int sline, scol;
    leftmost(g, n, &sline, &scol);
    const Node start = {.line = sline, .col = scol};
    const Node *ln = &start;
    if (nd->end_line > ln->line && g->I->sim->prof->version < SIM_V313)
        return (PyPos){ln->col, -1, ln->col, -1, 0}; /* over lines: '^' to the first line's end */
    if (nd->end_line > ln->line && ln->line >= g->line) /* 3.13: every line it spans */
        return (PyPos){.col = ln->col, .end = nd->end_col, .end_line = nd->end_line};
    if (nd->end_line != ln->line || nd->end_col <= ln->col || ln->line != nd->line)
        return (PyPos){0};
    if (len == 0)
        return (PyPos){ln->col, nd->end_col, ln->col, nd->end_col, 0};
    return (PyPos){ln->col, nd->end_col, anchor, len < 0 ? nd->end_col : anchor + len, 0};
}

/* Emits op with node n's position (cg_node_pos), then goes back to the
 * enclosing one. */
uint32_t cg_emit_at(Cg *g, Opcode op, int32_t arg, int n, int anchor, int len)
{
    PyPos save = g->pos;
    g->pos = cg_node_pos(g, n, anchor, len);
    uint32_t at = cg_emit(g, op, arg);
    g->pos = save;
    /* an operation that starts on a later line of its statement has that
     * line, as its location says in CPython (a traceback names it) */
    int sline, scol;
    leftmost(g, n, &sline, &scol);
    if (sline > g->line)
        CODE(g)->lines[at] = sline;
    return at;
}
void cg_patch(Cg *g, uint32_t at, uint32_t target)
{
    PyCode *c = CODE(g);
    c->ops[at] = (c->ops[at] & 0xffu) | target << 8;
}

int cg_add_name(Cg *g, const char *name)
{
    PyCode *c = CODE(g);
    Sim *s = g->I->sim;
    for (size_t i = 0; i < c->nnames; i++)
        if (sim_str_equals(s, c->names[i], name))
            return (int)i;
    SimId str = sim_str_intern_name(s, name, strlen(name));
    c = CODE(g);
    c->names = xgrow(c->names, &c->capnames, c->nnames + 1, sizeof *c->names);
    c->names[c->nnames] = str;
    return (int)c->nnames++;
}

int cg_slot_of(Cg *g, const char *name)
{
    PyCode *c = CODE(g);
    for (int i = 0; i < c->nslots; i++)
        if (sim_str_equals(g->I->sim, c->slotnames[i], name))
            return i;
    return -1;
}

void cg_add_slot(Cg *g, const char *name, uint8_t kind)
{
    PyCode *c = CODE(g);
    if (c->nslots == c->capslots) {
        c->capslots = c->capslots ? c->capslots * 2 : 8;
        c->slotnames = xrealloc(c->slotnames, (size_t)c->capslots * sizeof *c->slotnames);
        c->slotkind = xrealloc(c->slotkind, (size_t)c->capslots);
    }
    SimId str = sim_str_intern_name(g->I->sim, name, strlen(name));
    c = CODE(g);
    c->slotnames[c->nslots] = str;
    c->slotkind[c->nslots++] = kind;
    c->ncellfree += kind != SLOT_LOCAL;
}

uint32_t cg_new_code(PyRun *I, int kind, const char *name, const char *qualname, int line)
{
    I->codes = xgrow(I->codes, &I->capcodes, I->ncodes + 1, sizeof *I->codes);
    PyCode *c = &I->codes[I->ncodes];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->vararg = c->kwarg = -1;
    c->firstline = line;
    c->name = sim_str_intern(I->sim, name, strlen(name));
    c = &I->codes[I->ncodes];
    c->qualname = sim_str(I->sim, qualname, strlen(qualname));
    return (uint32_t)I->ncodes++;
}

/* ---- names --------------------------------------------------------------- */


void cg_name_op(Cg *g, const char *name, int acc)
{
    static const Opcode fast[] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST};
    static const Opcode deref[] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF};
    static const Opcode glob[] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL};
    static const Opcode nm[] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME};
    unsigned f = scope_flags(g->sc, name);
    if (g->sc->kind == SC_FUNC) {
        int slot = cg_slot_of(g, name);
        if (f & SYM_GLOBAL || slot < 0) {
            cg_emit(g, glob[acc], cg_add_name(g, name));
            return;
        }
        uint8_t k = CODE(g)->slotkind[slot];
        cg_emit(g, k == SLOT_LOCAL ? fast[acc] : deref[acc], slot);
        return;
    }
    if (f & SYM_GLOBAL) {
        cg_emit(g, glob[acc], cg_add_name(g, name));
        return;
    }
    cg_emit(g, nm[acc], cg_add_name(g, name));
}

/* ---- expressions ------------------------------------------------------- */


static bool expr_list(Cg *g, int first, int *count)
{
    *count = 0;
    for (int i = first; i >= 0; i = NODE(g, i)->next) {
        if (NODE(g, i)->kind == N_STARRED)
            return py_refuse(g->err, NODE(g, i)->line, NODE(g, i)->col, "star-expressions ('*')", true);
        if (!cg_expr(g, i))
            return false;
        (*count)++;
    }
    return true;
}

/* A constant item of a list or set display: folded, or a literal (made
 * now, held by the tree); 0 when the item is not a constant. */
static SimId item_const(Cg *g, int n)
{
    PyRun *I = g->I;
    if (I->fold[n])
        return I->fold[n];
    SimId v = cg_literal(I, NODE(g, n));
    if (v) {
        cg_arena_add(I, v);
        I->fold[n] = v;
    }
    return v;
}

static bool all_const(Cg *g, int first)
{
    for (int c = first; c >= 0; c = NODE(g, c)->next) {
        NodeKind k = (NodeKind)NODE(g, c)->kind;
        if (!g->I->fold[c] && (k == N_STARRED || !item_const(g, c)))
            return false;
    }
    return true;
}

/* check_is_arg: false for an operand of `is` that is a constant other than
 * None, True and False (its type is then in *type) */
static bool is_arg_ok(Cg *g, int n, const char **type)
{
    SimId v = g->I->fold[n];
    NodeKind k = (NodeKind)NODE(g, n)->kind;
    if (v) {
        SimKind sk = sim_kind(g->I->sim, v);
        *type = sim_type_name(g->I->sim, v);
        return sk == SK_NONE || sk == SK_BOOL;
    }
    static const char *names[] = {[N_INT] = "int", [N_FLOAT] = "float", [N_STR] = "str", [N_BYTES] = "bytes"};
    if (k == N_INT || k == N_FLOAT || k == N_STR || k == N_BYTES) {
        *type = k == N_FLOAT && (NODE(g, n)->xf & XF_IMAG) ? "complex" : names[k];
        return false;
    }
    return true;
}

/* check_compare: the SyntaxWarning CPython's compiler gives for `x is 5`,
 * once per comparison chain */
static void warn_is_literal(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    const char *type = "";
    int left = nd->a;
    for (int c = nd->b; c >= 0; c = NODE(g, c)->next) {
        int op = NODE(g, c)->op;
        if ((op == OP_IS || op == OP_ISNOT) &&
            (!is_arg_ok(g, left, &type) || !is_arg_ok(g, NODE(g, c)->a, &type))) {
            bool is = op == OP_IS;
            if (g->I->sim->prof->version == SIM_V311)
                cg_warn(g, nd->line, "\"%s\" with a literal. Did you mean \"%s\"?", is ? "is" : "is not",
                        is ? "==" : "!=");
            else
                cg_warn(g, nd->line, "\"%s\" with '%s' literal. Did you mean \"%s\"?",
                        is ? "is" : "is not", type, is ? "==" : "!=");
            return;
        }
        left = NODE(g, c)->a;
    }
}

static bool compare(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    warn_is_literal(g, n);
    if (!cg_expr(g, nd->a))
        return false;
    uint32_t cleanups[32];
    int nc = 0;
    for (int c = nd->b; c >= 0; c = NODE(g, c)->next) {
        if (!cg_expr(g, NODE(g, c)->a))
            return false;
        bool last = NODE(g, c)->next < 0;
        if (!last) {
            cg_emit(g, OP_DUP_TOP, 1);
            cg_emit(g, OP_ROT_THREE, 0);
        }
        cg_emit_at(g, OP_COMPARE_OP, NODE(g, c)->op, n, 0, 0);
        if (!last && nc < 32)
            cleanups[nc++] = cg_emit(g, OP_JUMP_IF_FALSE_OR_POP, 0);
    }
    if (nc) {
        uint32_t j = cg_emit(g, OP_JUMP, 0);
        for (int k = 0; k < nc; k++)
            cg_patch(g, cleanups[k], cg_here(g));
        cg_emit(g, OP_ROT_TWO, 0);
        cg_emit(g, OP_POP_TOP, 0);
        cg_patch(g, j, cg_here(g));
    }
    return true;
}

static bool fstring(Cg *g, int n)
{
    int parts = 0;
    for (int p = NODE(g, n)->a; p >= 0; p = NODE(g, p)->next) {
        const Node *pn = NODE(g, p);
        if (pn->kind == N_STR) {
            cg_emit(g, OP_LOAD_CONST, cg_add_ast_const(g, sim_str(g->I->sim, pn->str, pn->strlen)));
        } else {
            if (!cg_expr(g, pn->a))
                return false;
            int arg = pn->flag;
            if (pn->str) {
                cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str(g->I->sim, pn->str, pn->strlen)));
                arg |= 0x100;
            } else if (pn->b >= 0) { /* a spec with fields of its own: built after the value */
                if (!fstring(g, pn->b))
                    return false;
                arg |= 0x100;
            }
            /* its place: the field's from 3.12 on, the whole f-string's in 3.11 */
            cg_emit_at(g, OP_FORMAT_VALUE, arg, pn->end_line ? p : n, 0, 0);
        }
        parts++;
    }
    if (parts == 0)
        cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_str(g->I->sim, "", 0)));
    else if (parts > 1 || NODE(g, NODE(g, n)->a)->kind == N_STR)
        cg_emit(g, OP_BUILD_STRING, parts);
    return true;
}

static bool expr_inner(Cg *g, int n);

bool cg_expr(Cg *g, int n)
{
    static int depth;
    if (depth > 2000)
        return cg_cfail(g, n, "RecursionError", "maximum recursion depth exceeded during compilation");
    depth++;
    bool ok = expr_inner(g, n);
    depth--;
    return ok;
}

static bool expr_inner(Cg *g, int n)
{
    const Node *nd = NODE(g, n);
    int count;
    if (g->I->fold[n]) { /* compile_fold.c */
        cg_emit(g, OP_LOAD_CONST, cg_add_tree_const(g, g->I->fold[n]));
        return true;
    }
    switch ((NodeKind)nd->kind) {
    case N_INT: case N_FLOAT: case N_STR: case N_BYTES: case N_NONE: case N_TRUE: case N_FALSE: case N_ELLIPSIS:
        cg_emit(g, OP_LOAD_CONST, cg_add_ast_const(g, cg_literal(g->I, nd)));
        return true;
    case N_NAME: { /* a NameError marks the name */
        PyPos save = g->pos;
        g->pos = cg_node_pos(g, n, 0, 0);
        cg_name_op(g, nd->str, ACC_LOAD);
        g->pos = save;
        if (nd->line > g->line) /* on a later line of its statement: that line */
            CODE(g)->lines[CODE(g)->nops - 1] = nd->line;
        return true;
    }
    case N_BINOP:
        if (!cg_expr(g, nd->a) || !cg_expr(g, nd->b))
            return false;
        { /* the operator is the anchor: its node starts there */
            static const uint8_t oplen[] = {1, 1, 1, 1, 2, 1, 2, 2, 2, 1, 1, 1, 1};
            cg_emit_at(g, OP_BINARY_OP, nd->op, n, nd->col, nd->op <= OP_MATMUL ? oplen[nd->op] : 1);
        }
        return true;
    case N_UNARY:
        if (!cg_expr(g, nd->a))
            return false;
        cg_emit_at(g, OP_UNARY_OP, nd->op, n, 0, 0);
        return true;
    case N_BOOLOP: {
        if (!cg_expr(g, nd->a))
            return false;
        uint32_t j = cg_emit(g, nd->op == OP_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, 0);
        if (!cg_expr(g, nd->b))
            return false;
        cg_patch(g, j, cg_here(g));
        return true;
    }
    case N_COMPARE:
        return compare(g, n);
    case N_CALL:
        return cg_call(g, n);
    case N_ATTR:
        if (cg_super_form(g, nd->a))
            return cg_super_attr(g, n, false);
        if (!cg_expr(g, nd->a))
            return false;
        cg_emit_at(g, OP_LOAD_ATTR, cg_add_name(g, nd->str), n, 0, 0);
        return true;
    case N_SUBSCRIPT:
        cg_check_subscript(g, n, nd->a, nd->b);
        if (!cg_expr(g, nd->a) || !cg_expr(g, nd->b))
            return false;
        cg_emit_at(g, OP_BINARY_SUBSCR, 0, n, nd->col, -1); /* '[' to the end */
        return true;
    case N_SLICE: {
        int parts[3] = {nd->a, nd->b, nd->c};
        int k = nd->c >= 0 ? 3 : 2;
        for (int i = 0; i < k; i++) {
            if (parts[i] < 0)
                cg_emit(g, OP_LOAD_CONST, cg_add_const(g, sim_none(g->I->sim)));
            else if (!cg_expr(g, parts[i]))
                return false;
        }
        cg_emit(g, OP_BUILD_SLICE, k);
        return true;
    }
    case N_TUPLE:
        if (cg_has_star(g, nd->a) || cg_long_display(g, n))
            return cg_star_display(g, n);
        if (!expr_list(g, nd->a, &count))
            return false;
        cg_emit(g, OP_BUILD_TUPLE, count);
        return true;
    case N_LIST: case N_SET:
        if (cg_has_star(g, nd->a))
            return cg_star_display(g, n);
        if (ast_list_len(g->ast, nd->a) > 2 && all_const(g, nd->a)) {
            /* starunpack_helper: BUILD_LIST 0; LOAD_CONST (tuple); LIST_EXTEND 1 */
            cg_emit(g, nd->kind == N_LIST ? OP_BUILD_LIST : OP_BUILD_SET, 0);
            SimId t = sim_tuple(g->I->sim, (size_t)ast_list_len(g->ast, nd->a));
            size_t i = 0;
            for (int c = nd->a; c >= 0; c = NODE(g, c)->next) {
                sim_incref(g->I->sim, g->I->fold[c]);
                sim_tuple_set(g->I->sim, t, i++, g->I->fold[c]);
            }
            if (nd->kind == N_SET) { /* ... SET_UPDATE of a frozenset made from the tuple */
                SimId f = cg_frozenset(g->I, t);
                sim_decref(g->I->sim, t);
                t = f;
            }
            cg_emit(g, OP_LOAD_CONST, cg_add_const(g, t));
            cg_emit(g, nd->kind == N_LIST ? OP_LIST_EXTEND : OP_SET_UPDATE, 1);
            return true;
        }
        if (cg_long_display(g, n))
            return cg_star_display(g, n);
        if (!expr_list(g, nd->a, &count))
            return false;
        cg_emit_at(g, nd->kind == N_LIST ? OP_BUILD_LIST : OP_BUILD_SET, count, n, 0, 0); /* an item's hash may fail */
        return true;
    case N_DICT:
        if (cg_has_star(g, nd->a) || cg_long_display(g, n))
            return cg_dict_display(g, n);
        if (!expr_list(g, nd->a, &count))
            return false;
        cg_emit_at(g, OP_BUILD_MAP, count / 2, n, 0, 0); /* a key's hash may fail */
        return true;
    case N_NAMEDEXPR: /* compiler_visit_expr1: the value, COPY 1, the store */
        if (!cg_expr(g, nd->b))
            return false;
        cg_emit(g, OP_DUP_TOP, 1);
        cg_name_op(g, NODE(g, nd->a)->str, ACC_STORE);
        return true;
    case N_IFEXP: {
        if (!cg_expr(g, nd->a))
            return false;
        uint32_t jf = cg_emit(g, OP_POP_JUMP_IF_FALSE, 0);
        if (!cg_expr(g, nd->b))
            return false;
        uint32_t je = cg_emit(g, OP_JUMP, 0);
        cg_patch(g, jf, cg_here(g));
        if (!cg_expr(g, nd->c))
            return false;
        cg_patch(g, je, cg_here(g));
        return true;
    }
    case N_LAMBDA:
        return cg_make_function(g, n, "<lambda>", nd->a, nd->b, CODE_LAMBDA);
    case N_LISTCOMP:
        return cg_make_function(g, n, "<listcomp>", -1, -1, CODE_COMP);
    case N_SETCOMP:
        return cg_make_function(g, n, "<setcomp>", -1, -1, CODE_COMP);
    case N_DICTCOMP:
        return cg_make_function(g, n, "<dictcomp>", -1, -1, CODE_COMP);
    case N_GENEXP:
        return cg_make_function(g, n, "<genexpr>", -1, -1, CODE_COMP);
    case N_YIELD: case N_YIELDFROM: case N_AWAIT:
        return cg_yield(g, n);
    case N_FSTRING:
        return fstring(g, n);
    case N_STARRED:
        return cg_cfail(g, n, "SyntaxError", "can't use starred expression here");
    default:
        return cg_cfail(g, n, "SyntaxError", "invalid syntax");
    }
}

