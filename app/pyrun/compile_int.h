/*
 * compile_int: what the expression and statement halves of the compiler share.
 */
#ifndef PYDIVE_PYRUN_COMPILE_INT_H
#define PYDIVE_PYRUN_COMPILE_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "pyrun/interp.h"
#include "pyrun/symtable.h"

typedef struct Loop {
    uint32_t start;
    uint32_t *breaks;
    size_t nbreaks, capbreaks;
    bool is_for;
    int fbdepth;        /* blocks open when the loop began: break/continue unwind the rest */
} Loop;

/* A block that a return, break or continue must close on its way out, as
 * CPython's compiler keeps them (compiler_unwind_fblock): a try's handler
 * entry, a finally (whose body runs inline), an except handler (its
 * exception and its `as` name), and the exception path of a finally body. */
typedef enum FBlockKind { FB_TRY, FB_FINALLY, FB_HANDLER, FB_FINALLY_EXC, FB_WITH, FB_STAR_HANDLER } FBlockKind;

typedef struct FBlock {
    uint8_t kind;      /* FBlockKind */
    int node;          /* FB_FINALLY: the finally body; FB_HANDLER: the handler; FB_WITH: the item */
    int try_depth;     /* FB_FINALLY: try depth outside it; FB_WITH: loops open outside it */
    int stmt;          /* FB_WITH: the with statement */
} FBlock;

#define CG_MAX_BLOCKS 64 /* the parser stops at CPython's 20 (21 on 3.13) */

typedef struct Cg {
    PyRun *I;
    PyPos pos;          /* the position cg_emit gives its instruction */
    int bare_call;      /* a call that is a whole `return f(...)` / `x = f(...)`: no carets */
    const Ast *ast;
    PyError *err;
    uint32_t ci;        /* code being generated */
    Scope *sc;
    Loop loops[32];
    int nloops;
    int try_depth;
    FBlock fb[CG_MAX_BLOCKS];
    int nfb;
    int line;
    const char *qualprefix;
} Cg;

#define NODE(g, i) (&(g)->ast->n[(i)])
#define CODE(g) (&(g)->I->codes[(g)->ci])

enum { ACC_LOAD, ACC_STORE, ACC_DEL };

bool cg_cfail(Cg *g, int node, const char *type, const char *msg);
/* A SyntaxWarning at line, written on stderr as CPython's warnings module
 * shows it, before the program runs. */
void cg_warn(Cg *g, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* compile_warn.c: "perhaps you missed a comma?" for a call of a literal, a
 * subscription of one, or an index of a literal sequence by a non-int */
void cg_check_caller(Cg *g, int call, int fn);
/* the line where the operation of node n starts (compile.c) */
int cg_start_line(Cg *g, int n);
void cg_check_subscript(Cg *g, int sub, int value, int index);
uint32_t cg_emit(Cg *g, Opcode op, int32_t arg);
uint32_t cg_here(Cg *g);
void cg_patch(Cg *g, uint32_t at, uint32_t target);
/* compile_const.c.  The index in the code's constants of the constant equal
 * to v (merged module-wide): cg_add_const takes v (a new reference the
 * compiler made), cg_add_ast_const takes a literal's value and gives the
 * tree its reference, cg_add_tree_const borrows one the tree already holds. */
int cg_add_const(Cg *g, SimId v);
int cg_add_ast_const(Cg *g, SimId v);
int cg_add_tree_const(Cg *g, SimId v);
/* The tree's reference to v (moved in), held until the module finishes. */
void cg_arena_add(PyRun *I, SimId v);
/* A new reference to the value of a literal node, 0 for other kinds. */
SimId cg_literal(PyRun *I, const Node *nd);
/* A new frozenset of the tuple's items (as PyFrozenSet_New). */
SimId cg_frozenset(PyRun *I, SimId items);
/* Drops the module's constant cache once its code is made. */
void cg_consts_done(PyRun *I);
/* compile_fold.c: folds the module's constants into PyRun.fold. */
bool cg_fold_module(PyRun *I, PyError *err);
int cg_add_name(Cg *g, const char *name);
int cg_slot_of(Cg *g, const char *name);
void cg_add_slot(Cg *g, const char *name, uint8_t kind);
uint32_t cg_new_code(PyRun *I, int kind, const char *name, const char *qualname, int line);
PyPos cg_node_pos(Cg *g, int n, int anchor, int len);
uint32_t cg_emit_at(Cg *g, Opcode op, int32_t arg, int n, int anchor, int len);
void cg_name_op(Cg *g, const char *name, int acc);
bool cg_expr(Cg *g, int n);
bool cg_stmts(Cg *g, int first);
/* compile_comp.c: the body of a comprehension's or generator expression's
 * code (node n: N_LISTCOMP, N_SETCOMP, N_DICTCOMP or N_GENEXP). */
bool cg_comp_body(Cg *g, int n);
/* compile_gen.c: does a body (a statement list, or one expression) hold a
 * yield of its own scope; the code of `yield x` and `yield from x`. */
bool cg_is_generator(const Ast *ast, int body, bool expr_body);
bool cg_yield(Cg *g, int n);
/* compile_depth.c: the co_stacksize CPython's compiler gives the code of
 * node n (a def or generator expression) compiled in g, or -1 when the
 * model does not know it for a construct the code holds; *extra_locals:
 * the locals 3.12+ adds for the comprehensions it inlines. */
int cg_stack_depth(Cg *g, int n, int *extra_locals);
/* co_stacksize of the module's code (statements from first), -1 unknown */
int cg_module_depth(Cg *g, int first);
/* compile_with.c: the with statement; and what a return, break or continue
 * leaving its block emits (keep_tos: a return value is on top). */
bool cg_with(Cg *g, int n);
/* compile_match.c: the match statement n */
bool cg_match(Cg *g, int n);
void cg_with_unwind(Cg *g, const FBlock *b, bool keep_tos);
/* compile_trystar.c: the handlers of a try with except* clauses (node n),
 * from its handler's entry; *end_jump: the jump past them to patch; a
 * break, continue or return at node leaving the blocks above downto
 * through an except* clause is a SyntaxError (false). */
bool cg_try_star(Cg *g, int n, uint32_t *end_jump);
bool cg_star_exit_check(Cg *g, int node, int downto);
/* compile_stmt.c */
bool cg_push_block(Cg *g, int n, FBlockKind kind, int node, int try_depth);
/* compile_func.c: a def's, lambda's or comprehension's function made */
bool cg_make_function(Cg *g, int n, const char *name, int params, int body, int kind);
/* a class statement: decorators, bases, the body's code, the name bound */
bool cg_class_stmt(Cg *g, int n);
/* compile_inline.c: where comprehension ci (just compiled, child its scope)
 * puts its variables among g's locals under 3.12+ (PEP 709) */
void cg_inline_note(Cg *g, const Scope *child, uint32_t ci);
/* ... and, once c's body is compiled, its locals in CPython's order */
void cg_inline_finish(Cg *c);
bool cg_store_target(Cg *g, int t, int acc);
/* compile_super.c: 1 for super(), 2 for super(C, obj) as the object of an
 * attribute (with its own instruction), else 0 */
int cg_super_form(Cg *g, int call);
bool cg_super_attr(Cg *g, int attr, bool method);
/* compile_ann.c: `x: int = 5`, and the __annotations__ of a body that has one */
bool cg_annassign(Cg *g, int n);
void cg_setup_annotations(Cg *g, int body);
/* compile_call.c: calls, star-expressions in displays, '**' in dicts, decorators */
bool cg_call(Cg *g, int n);
bool cg_class_args(Cg *g, int first, bool ex, int at); /* a class's bases (or call) tuple and keywords dict */
bool cg_has_star(Cg *g, int first);         /* a `*x` or `**x` in the chain? */
bool cg_star_display(Cg *g, int n);         /* a list, tuple or set with `*x` items */
bool cg_dict_display(Cg *g, int n);         /* a dict display with `**x` items, or a long one */
/* A display CPython builds piecewise: more than 30 items (a list, tuple or
 * set: BUILD_LIST 0 and one append each), more than 16 pairs (a dict). */
bool cg_long_display(Cg *g, int n);
/* A def's defaults (the positional ones as a tuple, the keyword-only ones
 * as a dict, each counted), then, in the new code c, its parameters' slots. */
bool cg_defaults(Cg *g, int params, int *npos, int *nkw);
/* compiler_visit_annotations: the (name, value, ..., 'return', value) tuple of
 * a def's annotations on the stack, *has set; nothing when it has none */
bool cg_annotations(Cg *g, int params, int returns, bool *has);
void cg_param_slots(Cg *c, int params);
bool cg_unpack_op(Cg *g, int first);       /* UNPACK_SEQUENCE, or UNPACK_EX for `a, *b` */
void cg_line(Cg *g, int line);              /* OP_LINE unless already at that line */
bool cg_decorators(Cg *g, int first);       /* evaluates them, top first */
void cg_decorate(Cg *g, int first);         /* applies them, bottom first */
int cg_decorated_line(Cg *g, int n);        /* a statement's first line: its first decorator's */
/* compile_classbody.c: what the compiler adds to a class body — 3.13's
 * __firstlineno__ (of the N_CLASS node cls), the docstring as __doc__ (of
 * the body's first statement), 3.13's __static_attributes__ after the
 * body; a docstring constant as the profile's compiler leaves it (3.13
 * strips its indentation), a new reference. */
void cg_class_firstlineno(Cg *g, int cls);
void cg_class_doc(Cg *g, int body);
void cg_class_static_attributes(Cg *g, int body);
SimId cg_docstring(Cg *g, const Node *str);

#endif
