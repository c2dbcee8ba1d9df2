/*
 * interp: the internals shared by the compiler, the virtual machine and the
 * builtins — code objects, frames, the interpreter state, opcodes.
 * Screens use pyrun.h instead.
 */
#ifndef PYDIVE_PYRUN_INTERP_H
#define PYDIVE_PYRUN_INTERP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "pyrun/ast.h"
#include "pyrun/lexer.h"
#include "pyrun/pyrun.h"
#include "pyrun/thread.h"
#include "pyrun/types/exception.h"
#include "sim/sim.h"
#include "sim/vmsched.h"

typedef enum Opcode {
    OP_NOP, OP_LINE, OP_POP_TOP, OP_DUP_TOP, OP_ROT_TWO, OP_ROT_THREE, OP_PUSH_NULL,
    OP_LOAD_CONST, OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST,
    OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF, OP_LOAD_CLOSURE,
    OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME,
    OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL,
    OP_LOAD_ATTR, OP_STORE_ATTR, OP_DELETE_ATTR, OP_LOAD_METHOD,
    OP_BINARY_SUBSCR, OP_STORE_SUBSCR, OP_DELETE_SUBSCR, OP_BUILD_SLICE,
    OP_BINARY_OP, OP_INPLACE_OP, OP_UNARY_OP, OP_COMPARE_OP,
    OP_JUMP, OP_POP_JUMP_IF_FALSE, OP_POP_JUMP_IF_TRUE,
    OP_JUMP_IF_FALSE_OR_POP, OP_JUMP_IF_TRUE_OR_POP,
    OP_GET_ITER, OP_FOR_ITER,
    OP_BUILD_LIST, OP_BUILD_TUPLE, OP_BUILD_MAP, OP_BUILD_SET, OP_LIST_APPEND,
    OP_BUILD_STRING, OP_FORMAT_VALUE,
    OP_CALL, OP_KW_NAMES, OP_MAKE_FUNCTION, OP_BUILD_CLASS, OP_RETURN_VALUE,
    OP_UNPACK_SEQUENCE, OP_IMPORT_NAME, OP_IMPORT_FROM, OP_RAISE, OP_ASSERT_FAIL,
    OP_LIST_EXTEND, OP_SET_UPDATE, OP_SETUP_TRY, OP_POP_TRY, OP_MATCH_EXC, OP_POP_EXC, OP_RERAISE,
    /* vm_call_ex.c: CALL_FUNCTION_EX and the star-unpacking helpers */
    OP_CALL_EX, OP_LIST_TO_TUPLE, OP_DICT_MERGE, OP_DICT_UPDATE, OP_SET_ADD, OP_SET_EXTEND, OP_UNPACK_EX,
    /* vm_super.c: super().name (arg: name << 2 | two-argument form << 1 | method load) */
    OP_SUPER_ATTR,
    /* comprehensions and generators (compile_comp.c, vm_gen.c) */
    OP_MAP_ADD, OP_YIELD_VALUE, OP_YIELD_FROM,
    /* with statements (compile_with.c, vm_with.c) */
    OP_BEFORE_WITH, OP_WITH_EXIT, OP_WITH_EXCEPT,
    /* match statements (compile_match.c, vm_match.c): arg = PM_* | n << 4 */
    OP_MATCH,
    /* except* (compile_trystar.c, vm_exc_star.c): arg ES_*; the jump pops a None on top and jumps */
    OP_EXC_STAR, OP_JUMP_IF_NONE_POP,
    OP_COUNT
} Opcode;

/* OP_MATCH's operations: COPY n and SWAP n (CPython's), MATCH_SEQUENCE and
 * MATCH_MAPPING (push whether the top is one), GET_LEN (push len(top)),
 * MATCH_KEYS (push the values of the keys tuple's keys in the subject
 * below it, or None), MATCH_CLASS n (pop [subject, class, keyword names],
 * push the tuple of n positional and the named attributes, or None). */
enum { PM_COPY, PM_SWAP, PM_SEQUENCE, PM_MAPPING, PM_GET_LEN, PM_KEYS, PM_CLASS };

/* OP_EXC_STAR's operations, on [orig, res, rest] above the try's stack:
 * BEGIN pushes the three (orig the exception being handled, res a new
 * list, rest orig); MATCH pops a type and turns rest into [rest, match]
 * (CHECK_EG_MATCH; a match is handled from then on); APPEND_RAISED moves
 * the exception a clause raised (being handled now) to res; APPEND_REST
 * pops rest onto res; PREP pops res and orig and pushes what the
 * statement raises or None (PREP_RERAISE_STAR); RERAISE pops it, ends the
 * handling and raises it again (SWAP 2, POP_EXCEPT, RERAISE 0). */
enum { ES_BEGIN, ES_MATCH, ES_APPEND_RAISED, ES_APPEND_REST, ES_PREP, ES_RERAISE };

#define OPARG(w) ((int32_t)(w) >> 8)
/* SETUP_TRY's argument: the handler's ip, with this bit when the handler's
 * stack leaves out the top value (a with statement's __enter__ result:
 * its handler sees [__exit__, exception], as SETUP_WITH's does) */
#define SETUP_TRY_BELOW (1 << 22)
/* IMPORT_NAME's argument: the name, with this bit for `from M import ...`
 * (a non-empty fromlist) */
#define IMPORT_FROMLIST (1 << 22)
/* GET_ITER's argument for `await`: CPython's GET_AWAITABLE */
#define GET_ITER_AWAITABLE 1
/* WITH_EXIT's argument for `async with`: __aexit__'s result is pushed */
#define WITH_EXIT_ASYNC 2
#define OPCODE(w) ((w) & 0xffu)

enum { SLOT_LOCAL, SLOT_CELL, SLOT_FREE };
#define DEFIDX_KWONLY (-2)
enum { CODE_MODULE, CODE_FUNC, CODE_CLASS, CODE_LAMBDA, CODE_COMP };

/* Where an instruction's expression lies on its line (CPython's co_positions):
 * columns [col, end) with the anchor [anchor, anchor_end) drawn '^' and the
 * rest '~' (a binary operator, a subscript's brackets, 3.13's call
 * parentheses); end 0 when not known or over several lines. */
typedef struct PyPos {
    int col, end, anchor, anchor_end;
    int end_line; /* 3.13, over several lines: the last one (end: its column); else 0 */
} PyPos;

typedef struct PyCode {
    uint32_t *ops;
    int *lines;
    PyPos *pos;              /* per instruction: the columns a traceback marks */
    size_t nops, capops;
    SimId *consts;           /* owned */
    size_t nconsts, capconsts;
    SimId *names;            /* owned interned strs */
    size_t nnames, capnames;
    SimId *slotnames;        /* owned: args, locals, cells, frees */
    uint8_t *slotkind;
    int ncellfree;           /* slots of kind SLOT_CELL or SLOT_FREE (0: a call makes no cells) */
    int nslots, capslots;
    int nargs;               /* positional parameters */
    int nposonly;            /* of those, the first ones written before '/' */
    int nkwonly;             /* keyword-only parameters (slots after the positional) */
    int *defidx;             /* per named parameter: index in the defaults tuple, -1 (none)
                              * or DEFIDX_KWONLY (in the keyword-only defaults dict) */
    int vararg, kwarg;       /* slot of *args / **kwargs, -1 if none */
    int ndefaults;           /* positional defaults (a tuple) */
    int nkwdefaults;         /* keyword-only defaults (a dict) */
    int maxtry;              /* deepest nesting of try blocks, from the compiler */
    bool has_closure;
    bool has_annotations;    /* MAKE_FUNCTION takes the (name, value, ...) tuple */
    bool has_comp;           /* it holds a list, set or dict comprehension (3.12+ inline them) */
    /* 3.12+ (PEP 709, compile_inline.c): an inlined comprehension's inl_pos is
     * its place in its function's names (-1: not known); the function lists
     * the variables they add (the strs of the comprehensions' slotnames) and
     * that place for each */
    int inl_pos;
    SimId *inl_names;
    int *inl_at;
    int ninl;
    int nghost;              /* 3.12+: its cells that only inlined comprehensions read (plain
                              * locals in CPython: the model's cell and closure tuple are extra) */
    uint64_t ghostmask;      /* which of the first 64 slots those are (sim_cell_ghost makes them);
                              * one beyond leaves the counts unsure (vm_args.c) */
    int *vorder;             /* 3.12+, a function holding comprehensions: its locals in
                              * CPython's order, each a slot or -(k + 1) for inl_names[k] */
    int nvorder;
    int nbases;              /* class bodies: bases pushed before BUILD_CLASS; -1: a tuple of
                              * them and a dict of the class keywords; -2: the call's
                              * tuple (two places, then the bases) and its keyword dict */
    bool is_gen;             /* calling it makes a generator */
    bool is_coro;            /* an `async def`'s: the generator is a coroutine */
    int framesize;           /* generators: co_nlocalsplus + co_stacksize, CPython's */
    bool framesize_known;    /* false: the stack depth is the model's guess */
    int doc_const;           /* a function's docstring: its index in consts + 1, or 0 (None) */
    int kind;
    SimId name;              /* owned */
    SimId qualname;          /* owned */
    int firstline;
    SimId obj;               /* its code object, once asked for (types/code.c; static, owned) */
    SimId names_cache[3];    /* 3.12+: co_varnames, co_cellvars, co_freevars once read (owned) */
    uint8_t *warm;           /* per instruction: it ran before (3.12+ specialization); made on first use */
    struct NameCache *ncache; /* per instruction: where a name op found its name (vm_names.c);
                               * made on first use */
    struct AttrCache *acache; /* per instruction: where an instance attribute lay
                               * (vm_attr_cache.c); made on first use */
} PyCode;

#define PY_MAX_MODULES 40

struct BuiltinDef;
struct PyRun {
    Sim *sim;
    PyThreadState *ts;      /* the running thread's state (thread.h) */
    int depth;              /* ts->nframes, copied where frames are pushed and popped (new_frame,
                             * vm_pop_frame) and at a thread switch: the loop's one load */
    PyThreadState **threads; /* every thread's, the main thread's first (owned) */
    int nthreads;
    VmSched vs;             /* who holds the GIL, the simulated clock (vs.now, ps), timers */
    uint32_t opcost[OP_COUNT]; /* what each instruction adds to vs.now (vm_threads.c) */
    int opcost_par;         /* 3.13t: the threads running at once the costs are divided by */
    int ncores;             /* the simulated machine's cores (3.13t's threads run on them) */
    struct VmRaceRec *races; /* 3.13t: who stored each global, attribute or item lately (a hash table,
                              * capraces entries, nraces used; vm_threads.c; owned) */
    int nraces, capraces;
    struct PyThreading *threading; /* the threading module's state, once imported (owned) */
    struct PyFutures *futures;     /* concurrent.futures's state, once imported (owned) */
    struct PyMp *mp;               /* multiprocessing's state, once imported (owned) */
    struct PyAsyncio *asyncio; /* the asyncio module's state, once imported (owned) */
    Ast ast;
    const char *src;
    size_t srclen;
    char *filename;
    PyCode *codes;
    size_t ncodes, capcodes;
    SimId globals;          /* __main__ dict (owned) */
    SimId builtins;         /* dict of built-in functions (owned) */
    SimId modules[PY_MAX_MODULES]; /* by position in py_modules (modules/registry.c) */
    uint64_t modules_imported;     /* bit m: the program has imported py_modules[m] */
    SimId *builtin_methods; /* static method descriptors by global index (owned array) */
    int32_t *method_slots;  /* the built-in types' methods by (kind, name): open addressing, */
    uint32_t method_mask;   /*   global index + 1, 0 empty (owned; registry.c) */
    SimId exc_types[EXC_COUNT]; /* the built-in exception classes; 0 when not in the profile */
    struct StaticTypeTuples *static_tuples; /* built-in types' __mro__ and __bases__ read so far */
    uint32_t nstatic_tuples, capstatic_tuples; /*   (types/type_static.c; owned array) */
    uint64_t nraised;       /* exceptions raised so far: tells a new error from one being handled */
    bool refused;           /* stopped at a construct the model does not have */
    int refused_line;
    char refusal[400];      /* what was refused ("'asyncio'") */
    PyError syntax;         /* compile error, reported at the first step */
    PyOutFn out;
    void *out_ctx;
    bool done, failed, finalized;
    uint64_t check_at;      /* vm_loop.c: steps past it check refusals, the limit, a stop */
    int64_t check_left;     /* check_at less the steps taken (vm_steps): one decrement a step */
    int64_t depth_left;     /* the rest of check_left, parked by vm_set_depth until the loop
                             * reloads its frame (vm_loop.c); 0 once a check is due */
    uint64_t step_limit;    /* 0 = none */
    volatile sig_atomic_t *stop; /* py_set_stop_flag; NULL = none */
    bool interrupted;       /* ended by an uncaught KeyboardInterrupt */
    int exit_code;          /* the process's status an uncaught SystemExit asked for (-1: none) */
    SimId *attr_names;      /* strs used as attribute names at run time (typecache_names.c) */
    uint32_t nattr_names, capattr_names;
    const char *foreign_heap; /* an import whose memory the model does not hold (refuses the
                               * allocator statistics), or NULL */
    const char *err_library; /* the pending exception came out of a function CPython writes in
                             * Python (json, enum, random ...): its traceback has frames of
                             * that library, which the model does not have */
    int err_library_line;   /* the program's line that called into it */
    bool err_library_tb;    /* and the next traceback entry is that line's: the library's frames
                             * would follow it (TB_LASTI_LIBRARY) */
    uint8_t err_library_kind; /* which frames they are, when the model knows them (TB_KIND_*),
                               * 0 unknown */
    SimId lib_exc;          /* the last such exception once caught (borrowed), its library, line */
    const char *lib_exc_library;
    int lib_exc_line;
    bool gen_closed_once;   /* a suspended generator was closed (vm_gen.c first_close_note) */
    /* what `await v` iterates for objects of a module's (asyncio's futures): a new
     * reference, or 0 (with an error raised, or none: v is not one of them) */
    SimId (*await_hook)(struct PyRun *I, SimId v);
    /* YIELD_FROM's step of such an iterator: 1 yielded *out, 0 done with
     * result *out, -1 error, 2 not one of them (all: new references) */
    int (*await_step)(struct PyRun *I, SimId sub, SimId *out);
    /* ... and an exception (pending) thrown into it: as await_step's */
    int (*await_throw)(struct PyRun *I, SimId sub, SimId *out);
    /* set while a step whose order the program does not decide runs (the
     * first steps of as_completed()'s tasks, modules/asyncio_order.c): asked
     * before a built-in call (d) or a store to a global, an attribute or an
     * item (d NULL); false: refused, what it does could show the order */
    bool (*order_watch)(struct PyRun *I, const struct BuiltinDef *d);
    bool enum_member_read;  /* 3.11: an Enum member was read through its class (attrs.c) */
    bool exc_startup_made;  /* the exception classes of startup are made: later ones are static */
    int gc_start_shift;     /* a gc-timing variant's shift of the start count (gc_timing.c) */
    bool traceback_used;    /* the traceback module formatted something (modules/traceback_mod.c) */
    bool index_seen;        /* a class body defined __index__, __int__ or __float__: a TypeError that wants
                             * a number is refused, as the model's built-in may not call it (exception.c) */
    bool gc_count_unsure;   /* that import's GC traffic is not known from this state: the young
                             * count is refused until a full gc.collect() */
    bool gc_garbage_unsure; /* nor the cyclic garbage it left: a gc.collect() whose result is
                             * used is refused until one whose result is dropped */
    const char *garbage_unsure_what; /* what made it so when it was no import (the objects an
                             * ExitStack's callbacks stand for), or NULL */
    bool import_garbage_left; /* an import left cyclic garbage of tuples, dicts ... (the model's
                             * stand-ins have no free list): the collection that frees it
                             * stocks CPython's free lists, so the young count after it is
                             * refused unless it empties them (a full one) */
    const char *count_unsure_what; /* what made the young count unsure when it was no import
                             * (copy.deepcopy() of an instance), or NULL */
    struct PyRandom *random; /* random's Mersenne Twister, made on first use (modules/random.c) */
    unsigned std_imported;  /* the standard modules imported so far, theirs too (STD_* bits,
                             * modules/std_import.h) */
    bool auto_collecting;   /* an automatic collection is running (pyrun.c's hooks) */
    uint64_t guessed_sizes; /* generators made whose frame size is the model's guess */
    /* the addresses id() has answered (an open-addressing set, 0 empty):
     * the distance between two of them is refused (id_addr.c) */
    uint64_t *ids_seen;
    size_t nids_seen, ids_cap;
    int64_t clock_skipped;  /* ps the event loop's clock jumped to a timer without waiting
                             * (asyncio.sleep): time's clocks add it, as CPython waited */
    uint64_t weakref_called; /* the methods of weakref's classes called once (bit per definition):
                              * a first call's traffic in CPython is not the model's */
    SimId *ast_consts;      /* constants the syntax tree holds (one ref each) */
    size_t nast_consts, capast_consts;
    Buf warnings;           /* the compiler's SyntaxWarnings, shown at the first step */
    SimId *fold;            /* while compiling: each node's folded constant or 0 (compile_fold.c) */
    SimId *const_cache;     /* while compiling: the module's merged constants (borrowed) */
    size_t nconst_cache, capconst_cache;
    SimId *held_consts;     /* while compiling: the cache's own references (rebuilt frozensets) */
    size_t nheld_consts, capheld_consts;
    SimId minmax_kwtuple[2]; /* 3.13: min's and max's keyword tuple, built by the first call
                              * that passes keywords (getargs.c parser_init) */
    struct { const char *id; size_t idlen; SimId names; } clinic_kw[32]; /* 3.11: the parsers'
                              * keyword tuples made so far (bi_clinic_kwtuple) */
    int nclinic_kw;
    SimId print_kwtuple;    /* 3.11: print's clinic keyword tuple, built by the first call */
    SimId bool_text[2];     /* str(False), str(True): bool_repr's static strings, on first use */
    bool bi_bound;          /* the running built-in method was called bound (a method-wrapper) */
    struct ReprTrace *repr_trace; /* repr.c: the list or tuple repr whose item is being made, traced */
    const struct BuiltinDef *bi_called; /* the definition last called: its name tells a shared slot wrapper its operator */
    bool super_slot;        /* 3.12+: super() loaded list's or dict's slot wrapper with self */
    bool own_slot;          /* a built-in's own __getitem__/__setitem__/__delitem__/__contains__
                             * runs (super() or the type's method in a subclass's override): the
                             * next op_getitem ... skips the subclass's override (items.c) */
    SimId defaultdict_type;  /* collections.defaultdict once imported (the module holds it) */
    SimId counter_type;      /* collections.Counter once imported (the module holds it) */
    SimId chainmap_type;     /* collections.ChainMap once imported (the module holds it) */
    SimId fraction_type;     /* fractions.Fraction once imported (the module holds it) */
    SimId datetime_types[5]; /* datetime's date, time, datetime, timedelta once imported (the module holds
                              * them), and 3.13's immortal zero timedelta */
    SimId lib_frame_held[16]; /* objects a library's Python frame kept alive in CPython holds (a
                               * ChainMap and key in __delitem__'s frame, in a cycle with the
                               * first map's KeyError): their counts are unsure from then on */
    uint32_t nlib_frame_held;
    SimId chainmap_views[4]; /* collections.abc's KeysView, ItemsView, ValuesView, MappingView once
                              * a ChainMap made one (held here; collections_chainview.c) */
    SimId abcmeta_type;      /* abc.ABCMeta once imported (the module holds it) */
    SimId odict_type;        /* collections.OrderedDict once imported (the module holds it) */
    SimId version_info_type; /* the type of sys.version_info (modules/sys_version.c), owned */
    SimId version_info;      /* sys.version_info: the references start-up leaves on it, owned */
    SimId sys_text[2];       /* sys.byteorder, sys.platform: the references start-up leaves on them */
    SimId builtin_subclasses[6]; /* the tp_subclasses dicts of list (3.11), str, float, set,
                             * frozenset and bytes, which start-up leaves without one: made by
                             * their first subclass (its entries stay on the classes:
                             * SIM_TY_SUBKEY / SIM_TY_SUBREF); types/class.c */
    SimId io_pending[2];    /* sys.stdout's, sys.stderr's pending chunk or list of chunks (textio.c) */
    size_t io_pending_bytes[2];
    size_t io_buffered[2];  /* the bytes their buffered writers hold (textio.c) */
    int last_line;
    struct TmState *tm;     /* tracemalloc's snapshots and state (modules/tracemalloc.c), or NULL */
    int recursion_limit;    /* sys.setrecursionlimit() (vm.c: new_frame) */
};

/* The exception state set aside while C code runs Python (a finalizer, a
 * callback, __exit__): pyrun.c. */
typedef struct SavedErr {
    PyError err;
    ExcType err_exc;
    SimId err_obj;
    SimId err_ctx[3];
    bool reraise;
} SavedErr;
/* Moves the pending exception, its traceback and what it keeps into sv. */
void py_err_save(PyRun *I, SavedErr *sv);
/* Puts sv back as the pending exception (what was pending meanwhile goes). */
void py_err_restore(PyRun *I, SavedErr *sv);
/* Drops what sv holds (a new exception replaced it). */
void py_err_discard(PyRun *I, SavedErr *sv);
/* dunder.c: a program's special methods, where CPython's type slots call them.
 * The operators answer NotImplemented (a new reference) when no class has a
 * say; dunder_len and dunder_iter answer the borrowed S->notimpl when the
 * class lacks the method; dunder_contains answers -2 then. */
bool dunder_defines(PyRun *I, SimId v, const char *name);
/* NotImplemented, a new reference (what a binary special method answers
 * when it does not handle the other operand) */
SimId py_not_implemented(PyRun *I);
/* an instance of a subclass of a built-in whose class defines __iter__ or __len__: the built-in's
 * fast paths over its items (PyList_CheckExact ...) do not take it */
bool subinst_overrides_iter(PyRun *I, SimId v);
/* ... or defines a rich comparison (__eq__, __lt__ ...): slot_tp_richcompare calls it */
bool subinst_compares(PyRun *I, SimId v);
/* ... or defines operator op (either half, or its in-place form): slot_nb_add ... call them */
bool subinst_operates(PyRun *I, SimId v, int op, bool inplace);
/* v.name() for a method of v's class; S->notimpl (borrowed) when it has none */
SimId dunder_call0(PyRun *I, SimId v, const char *name);
/* _PyObject_LookupSpecial(v, name) called with no arguments: the class's
 * method bound (a method object while the call runs) and called; S->notimpl
 * (borrowed) when the class has none, 0 raised */
SimId dunder_special0(PyRun *I, SimId v, const char *name);
SimId dunder_binary(PyRun *I, int op, SimId a, SimId b, bool inplace);
SimId dunder_compare(PyRun *I, int op, SimId v, SimId w);
int dunder_truth(PyRun *I, SimId v);
SimId dunder_unary(PyRun *I, int op, SimId v);
SimId dunder_len(PyRun *I, SimId v);
/* PyNumber_Index of an instance, or of an instance of a subclass of a
 * built-in other than int (an int's subclass gives its own value): its
 * class's __index__ (an exact int, a new reference), S->notimpl (borrowed)
 * when the class has none, 0 raised */
SimId dunder_index(PyRun *I, SimId v);
/* may dunder_index call a hook of v's class (an instance, or a subclass's
 * instance whose base is not int)? */
bool dunder_index_hooked(PyRun *I, SimId v);
/* PyFloat_AsDouble's and PyNumber_Long's first step for an instance (or a
 * subclass's instance; a float's own value is taken by PyFloat_AsDouble):
 * its class's __float__ (an exact float) or __int__ (an exact int, else for
 * an instance its __index__'s); S->notimpl (borrowed) when it has neither,
 * 0 raised. dunder_float_slot is float()'s nb_float: a float's subclass's
 * __float__ too. */
SimId dunder_float(PyRun *I, SimId v);
SimId dunder_float_slot(PyRun *I, SimId v);
SimId dunder_int(PyRun *I, SimId v);
SimId dunder_getitem(PyRun *I, SimId v, SimId key);
bool dunder_setitem(PyRun *I, SimId v, SimId key, SimId value);
bool dunder_delitem(PyRun *I, SimId v, SimId key);
int dunder_contains(PyRun *I, SimId v, SimId item);
SimId dunder_iter(PyRun *I, SimId v);
SimId dunder_next(PyRun *I, SimId it);
/* hash(v) of an instance whose class defines __hash__; S->notimpl (borrowed) when it does not */
SimId dunder_hash(PyRun *I, SimId v);
/* true when k can be a dict key; else raises TypeError ("unhashable type"),
 * or refuses a key whose class hashes it in Python (the model's dicts do not call back) */
bool py_hashable(PyRun *I, SimId k);

/* compile.c */
bool compile_module(PyRun *I, PyError *err);
/* vm_tpcall.c: the new object of a class call, before __init__ */
SimId vm_new_instance(PyRun *I, SimId cls, SimId *args, int nargs, bool exc);
/* How far above the model's start count CPython's young count may lie at
 * the first line of this module (gc_timing.c). */
int gc_timing_slack(const PyRun *I);
/* At interpreter exit: cyclic garbage left from a time when an automatic
 * collection could have run makes the run timing-sensitive. */
void gc_timing_at_exit(PyRun *I);
/* pyrun.c: a SyntaxWarning at line, as the warnings module shows it on
 * stderr before the program runs */
void py_add_warning(PyRun *I, int line, const char *msg);
/* The program's source line `line`, stripped and indented by two, as the
 * warnings module shows it (nothing for a blank line) */
void py_source_line(PyRun *I, int line, Buf *out);
#include "pyrun/interp_vm.h" /* vm.c and vm_*.c */
/* exceptions (types/exception.c) */
/* Raises the built-in exception t with a printf-style message (ignored
 * once the program is refused). */
void py_raise(PyRun *I, ExcType t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* py_raise where the model looked for every number hook CPython would call
 * (__index__, __int__, __float__): never the refusal py_raise gives a
 * TypeError that wants a number in a program that defines one */
void py_raise_sure(PyRun *I, ExcType t, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Raises t with args (key,), as KeyError(key): its text is repr(key). */
void py_raise_key(PyRun *I, ExcType t, SimId key);
/* Raises a user's exception instance e (reference stolen); msg is its str. */
void py_raise_instance(PyRun *I, SimId e, const char *msg);
/* True when an exception is pending and is t or a subclass of t (never for a refusal). */
bool py_err_matches(PyRun *I, ExcType t);
/* Drops the pending exception (as `except` does). */
void py_err_clear(PyRun *I);
/* The honest refusal: stops the program at `line` (0 = the line running)
 * with "pydive: line N: WHAT is not modelled by the simulated CPython";
 * no except clause catches it, and the exit status is PY_EXIT_REFUSED.
 * The printf-style arguments name the construct ("'asyncio'", "the 'match'
 * statement"). Returns false, so callers can `return py_not_modelled(...)`. */
bool py_not_modelled(PyRun *I, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* id_addr.c: id() notes the address it answers; an int operation on two
 * such addresses that tells more than whether they are the same refuses
 * (true: refused) */
void id_addr_note(PyRun *I, uint64_t addr);
bool id_addr_refused(PyRun *I, int op, int64_t a, int64_t b);
void py_report_refusal(PyRun *I);
bool exc_in_profile(const Sim *s, ExcType t);
void py_write(PyRun *I, int stream, const char *text, size_t n);
/* Raises MemoryError (the simulation's budget refused an allocation). */
void py_no_memory(PyRun *I);
/* Is there room for an object of `bytes` (payload `bytes` too)?  Raises
 * MemoryError and says no when not: called before building a large value in
 * a host buffer. */
bool py_mem_room(PyRun *I, uint64_t bytes);
/* ops.c: operators and text forms */
SimId op_binary(PyRun *I, int op, SimId a, SimId b, bool inplace);
SimId op_unary(PyRun *I, int op, SimId a);
SimId op_compare(PyRun *I, int op, SimId a, SimId b);
/* a == b: 1, 0, or -1 with the error raised (RecursionError "in comparison") */
int op_equal(PyRun *I, SimId a, SimId b);
int op_truth(PyRun *I, SimId a);   /* 1, 0, or -1 on error */
bool op_repr(PyRun *I, SimId v, Buf *out);
/* repr() as the object's built-in type makes it, a subclass's __repr__ not
 * asked (list.__repr__(self), dict.__repr__(self)) */
bool op_repr_base(PyRun *I, SimId v, Buf *out);
bool op_str(PyRun *I, SimId v, Buf *out);
/* repr.c: what Py_ReprEnter's first call makes (an import that reprs makes it too) */
void repr_state_init(PyRun *I);
bool op_format(PyRun *I, SimId v, const char *spec, Buf *out);
bool subinst_formats(PyRun *I, SimId v);
SimId op_getitem(PyRun *I, SimId obj, SimId key);
bool op_setitem(PyRun *I, SimId obj, SimId key, SimId value); /* value borrowed */
bool op_delitem(PyRun *I, SimId obj, SimId key);
int op_contains(PyRun *I, SimId container, SimId item);
const char *op_typename(PyRun *I, SimId v);
/* how many bytes of a type's name (tn) a message shows: CPython's formats
 * cut tp_name ('%.50s', '%.100s' ...), the cap given per version (0: all) */
int op_name_cut(PyRun *I, const char *tn, int cap311, int cap312, int cap313);
bool list_extend(PyRun *I, SimId list, SimId iterable);
/* list_preallocate_exact: an empty list gets room for n (rounded up to even) */
void list_preallocate(PyRun *I, SimId list, size_t n);
SimId str_percent(PyRun *I, SimId fmt, SimId args);
/* builtins.c */
void builtins_init(PyRun *I);
void errors_init(PyRun *I);
const char *pyrun_builtin_name(uint32_t index);
SimId builtins_call(PyRun *I, uint32_t index, SimId self, SimId *args, int nargs, SimId kwnames);
/* attribute protocol (attrs.c) */
SimId attr_get(PyRun *I, SimId obj, SimId name);
bool attr_set(PyRun *I, SimId obj, SimId name, SimId value); /* value borrowed */
/* vm.c: drops a call's slots (the callable, then the arguments) */
void vm_release_call_slots(PyRun *I, uint32_t from, uint32_t count);
/* vm_tpcall.c: calling a class or an instance with __call__ from CALL (the
 * slots from slot0, the arguments args[0..nargs), keyword names kwnames);
 * false with the error raised.  What a frame's argtuple/argdict hold goes
 * with vm_release_tpargs. */
bool vm_call_class(PyRun *I, SimId cls, uint32_t slot0, uint32_t nslots, SimId *args, int nargs, SimId kwnames);
/* A program's class called from C as type_call runs it, its metaclass's
 * __call__ aside (type.__call__), the last len(kwnames) arguments named
 * (kwnames borrowed, 0: none): a new reference or 0 with the error raised. */
SimId vm_call_class_plain(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames);
/* type_call of a program's subclass of tuple: its __new__ or tuple_new,
 * then its __init__, run to their end (packed: the call's argument tuple
 * and keyword dict made, as _PyObject_MakeTpCall does; false for a `*`
 * call, which has its own).  A new reference, or 0 with the error raised. */
SimId vm_tuplesub_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames, bool packed);
bool vm_call_instance(PyRun *I, SimId obj, uint32_t slot0, uint32_t nslots, SimId *args, int nargs,
                      SimId kwnames);
void vm_release_tpargs(PyRun *I, SimId tuple, SimId dict);
bool attr_del(PyRun *I, SimId obj, SimId name);
/* object.__getattribute__ / __setattr__ / __delattr__: the lookup without a
 * class's own hooks */
SimId attr_get_generic(PyRun *I, SimId obj, SimId name);
/* A function's __dict__ (SIM_FN_DICT) or __annotations__ (SIM_FN_ANNOTATIONS),
 * made on first use: borrowed. */
SimId func_part(PyRun *I, SimId func, int part);
/* traceback_lines.c: 3.13's lines and carets for a failing expression over
 * several lines (pos->end_line); false when it cannot show them */
bool tb_lines_313(PyRun *I, int line, const PyPos *pos, Buf *out);
bool attr_set_generic(PyRun *I, SimId obj, SimId name, SimId value);
bool attr_del_generic(PyRun *I, SimId obj, SimId name);
/* AttributeError for obj.name, worded as CPython words it for a module, a
 * type or any other object (with 3.12+'s suggestion); returns 0. */
SimId attr_no_such(PyRun *I, SimId obj, SimId name);
/* LOAD_METHOD: pushes (func, self) or (0, bound) through *a, *b. */
bool attr_method(PyRun *I, SimId obj, SimId name, SimId *a, SimId *b);
int builtin_method_index(PyRun *I, SimId obj, const char *name);
/* Does the pending exception match an except clause's class or tuple of classes? */
bool exc_matches(PyRun *I, SimId type_obj);
/* Is cls an exception class (BaseException or a subclass)? */
bool exc_is_class(PyRun *I, SimId cls);
/* The class of t, made on first use (0 when the profile has no such class). */
SimId exc_class(PyRun *I, ExcType t);
/* `class name(base)` of module `module` (its __module__), as a module's
 * Python code makes its exceptions (statistics.StatisticsError(ValueError),
 * json.decoder.JSONDecodeError ...): a new reference, or 0 */
SimId exc_subclass_in(PyRun *I, const char *module, const char *name, SimId base);
/* an instance of the class `cls` of the loaded module `module` with the
 * args (msg,): a new reference, or 0 when the module or class is missing */
SimId exc_module_instance(PyRun *I, const char *module, const char *cls, const char *msg);
/* The built-in exception class with that name, made on first use; 0 if none. */
SimId exc_class_named(PyRun *I, const char *name, size_t n);
/* Is cls one of the built-in exception classes (not a user's subclass)? */
bool exc_is_builtin_type(PyRun *I, SimId cls);
/* The built-in exception cls is or extends (its layout's owner's line) */
ExcType exc_builtin_base(PyRun *I, SimId cls);
/* Is built-in t root or one of its subclasses? */
bool exc_type_extends(ExcType t, ExcType root);
/* The pending exception's instance, made now if it was raised from C (a
 * new reference); its context is the exception being handled. */
SimId exc_instance(PyRun *I);
/* A new exception of class cls with args (stolen; 0: no arguments). */
SimId exc_new(PyRun *I, SimId cls, SimId args);
/* An exception made and cleared inside C code, as 3.11 does when a failed
 * attribute lookup sets the AttributeError's name and obj (normalizing it):
 * the message, the args tuple (left on the free list) and the instance. */
void exc_made_and_cleared(PyRun *I, ExcType t, const char *msg);
/* 3.12+ make the exception object when C code raises it (_PyErr_SetObject),
 * 3.11 when it is first needed: for a raise whose temporaries are still
 * alive, this makes it now under 3.12+. */
void exc_made_at_raise(PyRun *I);
/* typecache_names.c: a str used as an attribute name at run time, whose
 * count CPython's type method cache may hold a reference to */
void typecache_name_seen(PyRun *I, SimId name);
bool typecache_name_held(const PyRun *I, SimId name);
/* What the pending error's lookup named (borrowed; 0: none): the instance,
 * when made, gets them as name, obj and name_from where its layout has them
 * (set_attribute_error_context, format_exc_check_arg, import_from). */
void exc_context_set(PyRun *I, SimId name, SimId obj, SimId name_from);
/* exc_layout.c: the words a class's built-in base adds, the fields its
 * tp_init sets from args and keywords, reading and writing them (found:
 * the attribute is a field; exc_layout_store: 1 done, 0 not a field, -1
 * error) */
uint32_t exc_layout_words(PyRun *I, SimId cls);
void exc_layout_init(PyRun *I, SimId e, SimId args);
bool exc_layout_kwargs(PyRun *I, SimId e, const SimId *vals, SimId kwnames);
void exc_layout_set(PyRun *I, SimId e, const char *name, SimId v);
SimId exc_layout_get(PyRun *I, SimId e, const char *name, bool *found);
int exc_layout_store(PyRun *I, SimId e, const char *name, SimId value);
/* exc_unicode.c: UnicodeEncodeError's tp_init (its fields from args), its
 * start or end (a new int, 0 refused), its str (false refused), and the
 * one str.encode raises for characters start..end-1 at or past limit */
bool exc_unicode_is_encode(PyRun *I, SimId e);
void exc_unicode_init(PyRun *I, SimId e, SimId args);
SimId exc_unicode_position(PyRun *I, SimId e, bool end);
bool exc_unicode_text(PyRun *I, SimId e, Buf *out);
void exc_unicode_raise_encode(PyRun *I, const char *encoding, SimId obj, size_t start, size_t end, uint32_t limit);
/* ... and UnicodeDecodeError for bytes start..end-1 of the n bytes at d, which bytes.decode met */
void exc_unicode_raise_decode(PyRun *I, const char *encoding, const uint8_t *d, size_t n, size_t start, size_t end,
                              const char *reason);
/* e.args (borrowed) */
SimId exc_args(PyRun *I, SimId e);
/* Is v an exception instance? */
bool exc_is_instance(PyRun *I, SimId v);
/* e.__context__ = the exception being handled, breaking a cycle as
 * _PyErr_SetObject does */
void exc_chain_context(PyRun *I, SimId e);
/* The exceptions being handled: push (reference stolen), the innermost
 * (borrowed, 0 if none), pop down to depth. */
void exc_handled_push(PyRun *I, SimId e);
SimId exc_handled_top(PyRun *I);
void exc_handled_pop_to(PyRun *I, uint32_t depth);
/* The handled exception raised again (a bare raise, RERAISE): pops it
 * when pop; no new traceback entry in this frame. */
bool exc_reraise(PyRun *I, bool pop);
bool exc_reraise_value(PyRun *I, SimId e);
/* An exception's data attributes and methods (types/exc_object.c) */
SimId exc_attr(PyRun *I, SimId e, const char *name, bool *found);
int exc_attr_set(PyRun *I, SimId e, const char *name, SimId value); /* -1 error, 0 not special, 1 done */
/* traceback.c: PyTraceBack_Here for frame f (the pending exception made
 * first); the end of frame f with its frame object (take_ownership). */
bool tb_here(PyRun *I, Frame *f);
/* A traceback entry's lasti has this bit when the model's entry is the last
 * one where CPython's tb_next goes on into the frames of a library it
 * writes in Python (I->err_library_tb); tb_next is refused there. */
#define TB_LASTI_LIBRARY 0x80000000u
/* and in bits 24-30 which frames follow it when the model knows them
 * (TB_KIND_*: asyncio's coroutines, asyncio_tb.c), 0 when it does not:
 * those are printed, the unknown ones refused */
#define TB_LASTI_KIND(l) (((l) >> 24) & 0x7fu)
#define TB_LASTI_MASK 0x00ffffffu
/* An exception's SIM_EXC_SUPPRESS field holds __suppress_context__ in bit 0
 * and in bit 1 EXC_LIBRARY_TB: raised and caught inside a library CPython
 * writes in Python, its __traceback__ has only that library's frames. */
#define EXC_LIBRARY_TB 2u
/* and in bits 2-8 which frames of a library start its traceback when the
 * model knows them (TB_KIND_*, printed before its first entry: the
 * CancelledError wait_for's timeout caught); either makes __traceback__
 * refused */
#define EXC_LIBRARY_PRE(k) ((SimId)(k) << 2)
#define EXC_PRE_KIND(s) (((s) >> 2) & 0x7fu)
#define EXC_LIBRARY_ANY (EXC_LIBRARY_TB | EXC_LIBRARY_PRE(0x7f))
void tb_frame_end(PyRun *I, Frame *f);
/* The frame object of frame index i, made on first use (borrowed) */
SimId tb_frame_object(PyRun *I, int i);
void format_traceback(PyRun *I, Buf *out);
/* An entry of a library function CPython writes in Python (threading.py's
 * Thread._bootstrap_inner ...) that the model runs in C: format_traceback_lib
 * prints them first in the traceback of the exception being reported. */
typedef struct TbLibEntry {
    const char *file;     /* as CPython names it */
    int line;
    const char *func;
    const char *source;   /* the line, stripped */
    const char *marks313; /* 3.13's caret line under it (after the indent), NULL none */
    const char *marks311; /* 3.11's and 3.12's, NULL none */
} TbLibEntry;
void format_traceback_lib(PyRun *I, const TbLibEntry *pre, int npre, Buf *out);
/* The pending exception's, with a library's entries `mid` printed after the
 * entry flagged TB_LASTI_LIBRARY in the traceback of exception `at` (the
 * pending one or one in its chain): asyncio.run()'s frames. */
void format_traceback_mid(PyRun *I, const TbLibEntry *mid, int nmid, SimId at, Buf *out);
/* The line of the innermost entry flagged TB_LASTI_LIBRARY in the first of
 * the tracebacks the report of exception e shows that has one (its own, its
 * cause's or unsuppressed context's ...), 0 for none */
int tb_library_line(PyRun *I, SimId e);
/* The same for exception e, not pending (PyErr_Display of a caught one). */
void format_exception_lib(PyRun *I, SimId e, const TbLibEntry *pre, int npre, Buf *out);
/* The traceback module's rendering (Lib/traceback.py's TracebackException
 * and StackSummary): the text, cut in the pieces format_exception() lists
 * (cuts: where each ends), with its limit and chain; refused: why the model
 * cannot render it as CPython would (the functions then return false). */
typedef struct TbModule {
    bool chain, limited;
    bool no_tb; /* format_exception_only: TracebackException made without the traceback */
    long limit;
    size_t *cuts; /* xrealloc'd; the caller frees */
    int ncuts, capcuts;
    const char *refused;
} TbModule;
/* exception e with its chain */
bool tb_format_module(PyRun *I, SimId e, TbModule *m, Buf *out);
/* the entries from traceback object tb on, without a header (format_tb) */
bool tb_format_entries(PyRun *I, SimId tb, TbModule *m, Buf *out);
/* modelled.c: each returns false after refusing a construct the real
 * CPython has and the model does not, true when CPython lacks it too (the
 * caller then raises CPython's own error). */
bool modelled_name_missing(PyRun *I, SimId name);
bool modelled_module_missing(PyRun *I, const char *name, size_t n);
bool modelled_attr_missing(PyRun *I, SimId obj, const char *name, size_t n);
/* false (refused) for a class the model would get wrong: several bases, a
 * built-in base, a special method it does not honour (__eq__, __slots__ ...) */
bool modelled_class_ok(PyRun *I, SimId ns, SimId bases);
/* false (refused) for a special name (__x__) the model ignores on a class */
bool modelled_dunder_ok(PyRun *I, const char *name, size_t n);
/* the i-th special name a class body may hold, NULL past the last */
const char *modelled_class_dunder(int i);
/* the i-th special name a subclass of list or dict may define (NULL past the end) */
const char *modelled_builtin_sub_dunder(int i);
/* suggest.c: the "Did you mean" hints of 3.11+ tracebacks */
void suggest_for_name(PyRun *I, SimId name);
void suggest_for_attr(PyRun *I, SimId obj, SimId name);
/* 3.13's "Did you mean 'x'?" for an unexpected keyword: the nearest of
 * `words` (space-separated) to name[0..n) copied to out; false if none */
bool suggest_keyword(const char *words, const char *name, size_t n, char *out, size_t size);

#endif
