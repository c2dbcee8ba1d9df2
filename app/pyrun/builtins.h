/*
 * builtins: the shape of a built-in callable's definition, the tables
 * that hold them (modules/, types/), the registry that numbers them and
 * the argument helpers (args.c).
 */
#ifndef PYDIVE_PYRUN_BUILTINS_H
#define PYDIVE_PYRUN_BUILTINS_H

#include <string.h>

#include "pyrun/interp.h"

/* args include self for methods; kw = tuple naming the last len(kw) args */
typedef SimId (*BuiltinFn)(PyRun *I, SimId *args, int nargs, SimId kw);

/* How a built-in checks its positional arguments, with CPython's message
 * for each (ceval's METH_* conventions). The caller checks, once. */
typedef enum ArgStyle {
    ARGS_OWN,    /* the function checks them itself (argument clinic cases) */
    ARGS_NONE,   /* METH_NOARGS: "X() takes no arguments (N given)" */
    ARGS_ONE,    /* METH_O: "X() takes exactly one argument (N given)" */
    ARGS_RANGE,  /* _PyArg_CheckPositional: "X expected at most M arguments, got N" */
    ARGS_CLINIC, /* Argument Clinic: "X() takes at most M arguments (N given)" */
} ArgStyle;

typedef struct BuiltinDef {
    const char *name;
    uint8_t owner;     /* 0: function; else the SimKind of self */
    uint8_t module;    /* BM_* */
    BuiltinFn fn;
    uint8_t style;     /* ArgStyle */
    int8_t min, max;   /* positional arguments for ARGS_RANGE / ARGS_CLINIC (max -1: any) */
    /* keyword arguments, space-separated: those the model handles, and
     * those CPython also accepts that the model does not (refused honestly);
     * any other keyword is CPython's TypeError */
    const char *kw;
    const char *kw_refused;
    const char *kw_fn; /* the name CPython's keyword errors use, if not name (sorted: "sort") */
    bool refused;      /* a name CPython has that the model refuses when it is called */
    const char *why;   /* refused: why, said after its name (0: the name alone) */
    bool classmethod;  /* a method read on its type binds the type (dict.fromkeys) */
    const char *clinic; /* "id:names": an Argument Clinic parser (id shared by the functions
                        * that use it, sorted's and list.sort's) and its keyword names */
    uint8_t varargs;   /* the profiles (VA_* bits) where it is METH_VARARGS: the call packs
                        * its arguments (self aside) into a tuple, its keywords into a dict,
                        * both freed when it returns */
    uint8_t hidden;    /* the profiles (VA_* bits) whose CPython's type lacks this method
                        * (its dir() table, cpython_names.c, does not list it there) */
} BuiltinDef;
enum { VA_311 = 1 << SIM_V311, VA_312 = 1 << SIM_V312, VA_313 = 1 << SIM_V313 | 1 << SIM_V313T | 1 << SIM_V314, VA_ALL = VA_311 | VA_312 | VA_313,
       VA_TO_312 = VA_311 | VA_312 };

/* A table entry: name, owner kind (0 for functions), module (BM_*),
 * function, then designated fields (.style, .kw, .kw_refused, .kw_fn). */
#define BUILTIN(nm, own, mod, f, ...) {.name = nm, .owner = own, .module = mod, .fn = f, __VA_ARGS__}

enum { BM_BUILTINS, BM_GC, BM_SYS, BM_WEAKREF, BM_ITERTOOLS, BM_MATH, BM_COPY, BM_OPERATOR, BM_FUNCTOOLS,
       BM_COLLECTIONS, BM_DATACLASSES, BM_CONTEXTLIB, BM_RANDOM, BM_STRING, BM_TIME, BM_ABC, BM_ENUM, BM_JSON, BM_PPRINT, BM_TYPING,
       BM_ARRAY, BM_IO, BM_REPRLIB, BM_THREADING, BM_TRACEMALLOC, BM_ASYNCIO, BM_QUEUE, BM_FUTURES, BM_HEAPQ,
       BM_BISECT, BM_TEXTWRAP, BM_FRACTIONS, BM_MULTIPROCESSING, BM_TRACEBACK, BM_STATISTICS, BM_DATETIME };

/* The builtins module's functions (modules/builtins.c) and each module's
 * (modules/gc.c, sys.c, weakref.c). */
extern const BuiltinDef function_defs[], gc_functions[], sys_functions[], weakref_functions[],
    itertools_functions[];
extern const int function_ndefs, gc_nfunctions, sys_nfunctions, weakref_nfunctions, itertools_nfunctions;
/* modules/copy.c: copy() and deepcopy(); the module's first import
 * (modules/stdlib_import.c) */
/* modules/builtins_base.c: hex(), oct(), bin() */
SimId builtin_hex(PyRun *I, SimId *args, int nargs, SimId kw);
SimId builtin_oct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId builtin_bin(PyRun *I, SimId *args, int nargs, SimId kw);
extern const BuiltinDef copy_functions[];
extern const int copy_nfunctions;
void copy_module_init(PyRun *I, SimId dict);
void copy_on_import(PyRun *I);
/* modules/collections.c: the module (the deque type) and deque's methods */
extern const BuiltinDef collections_functions[], deque_methods[];
extern const int collections_nfunctions, deque_nmethods;
void collections_module_init(PyRun *I, SimId dict);
void collections_on_import(PyRun *I);

/* modules/tracemalloc.c: the module, its first import, its state's end */
extern const BuiltinDef tracemalloc_functions[];
extern const int tracemalloc_nfunctions;
void tracemalloc_module_init(PyRun *I, SimId dict);
void tracemalloc_on_import(PyRun *I);
void tracemalloc_free(PyRun *I);

/* An importable module: its functions and the init that adds its data
 * attributes to its dict. */
typedef struct ModuleDef {
    const char *name;
    const BuiltinDef *functions;
    const int *nfunctions;
    void (*init)(PyRun *I, SimId dict);
    const char *classes;   /* the types its init adds, as docs/MODELLED.md lists them */
    /* NULL: made at start-up (as CPython's sys, or cheaply imported); else
     * made at the first import, which then calls it */
    void (*on_import)(PyRun *I);
} ModuleDef;
extern const ModuleDef py_modules[]; /* ends with {0} */
void gc_module_init(PyRun *I, SimId dict);
/* Calls gc.callbacks with (phase, info), as invoke_gc_callback does. */
void gc_callbacks(PyRun *I, const char *phase, int gen, long collected);
void sys_module_init(PyRun *I, SimId dict);
/* modules/sys_version.c: sys.version_info and sys.hexversion put in the sys
 * dict; is v sys.version_info; its repr; its fields (a new reference, *found
 * false for another name); a write to one (false with CPython's error) */
void sys_version_init(PyRun *I, SimId sysdict);
bool sys_version_is(PyRun *I, SimId v);
/* how many references I->version_info stands for (roots.c) */
int sys_version_startup_refs(const PyRun *I);
/* and I->sys_text[k] (sys.byteorder, sys.platform) */
int sys_text_startup_refs(const PyRun *I);
bool sys_version_repr(PyRun *I, SimId v, Buf *out);
SimId sys_version_attr(PyRun *I, SimId v, SimId name, bool *found);
bool sys_version_setattr(PyRun *I, SimId v, SimId name);
/* type(sys.version_info)(...): CPython's TypeError; false */
bool sys_version_no_new(PyRun *I);
void weakref_module_init(PyRun *I, SimId dict);
/* modules/itertools.c: the module; the itertools function a type of it is
 * called as ("itertools.count" -> index in itertools_functions, or -1);
 * chain.from_iterable (0 for any other attribute of an iterator type). */
void itertools_module_init(PyRun *I, SimId dict);
void itertools_on_import(PyRun *I);
int itertools_def_of(const char *tp_name);
SimId itertools_type_attr(PyRun *I, SimId type, const char *name);
SimId weakref_construct(PyRun *I, SimId *a, int n, SimId kw);
/* modules/weakref*.c: the module's import, its finalizers at exit, and
 * where the VM meets its objects: a proxy (its referent, or 0 with
 * ReferenceError), a built-in method of one of its classes (bound like a
 * function), their attributes (handled: the answer, 0 with an error raised;
 * setattr: -1 when not its business), a proxy's repr and call, an operation
 * on a proxy the model refuses (true: refused), its generators' next item. */
void weakref_on_import(PyRun *I);
void weakref_at_exit(PyRun *I);
bool weakref_is_proxy(PyRun *I, SimId v);
SimId weakref_proxy_target(PyRun *I, SimId p);
bool weakref_native_method(PyRun *I, SimId fn);
/* obj's class's own built-in `name` (a method of a model-made class such as
 * fractions.Fraction's __float__) called on obj and the nextra arguments:
 * a new reference, or 0 (raised; *found false: the class has none) */
SimId native_dunder_call(PyRun *I, SimId obj, const char *name, SimId *extra, int nextra, bool *found);
SimId weakref_getattr(PyRun *I, SimId obj, SimId name, bool *handled);
int weakref_setattr(PyRun *I, SimId obj, SimId name, SimId value);
bool weakref_proxy_repr(PyRun *I, SimId p, Buf *out);
SimId weakref_proxy_call(PyRun *I, SimId p, SimId *args, int nargs, SimId kwnames);
bool weakref_proxy_refuse(PyRun *I, SimId a, SimId b, const char *what);
SimId weakref_gen_next(PyRun *I, SimId it);
/* Notes the call of a method of weakref's classes: the first one of each
 * leaves the young count unknown until a full collection. */
void weakref_first_call(PyRun *I, const BuiltinDef *d);
/* Was it a method of weakref's classes (no import) that made the young count unsure? */
bool weakref_made_unsure(const PyRun *I);
/* Calls a method of weakref's classes with self before the arguments. */
SimId weakref_native_call(PyRun *I, SimId fn, SimId self, SimId *args, int nargs, SimId kwnames);
/* modules/math.c: the module (its functions, its constants) */
extern const BuiltinDef math_functions[];
extern const int math_nfunctions;
void math_module_init(PyRun *I, SimId dict);
void math_on_import(PyRun *I);
/* modules/operator.c */
extern const BuiltinDef operator_functions[];
extern const int operator_nfunctions;
void operator_module_init(PyRun *I, SimId dict);
void operator_on_import(PyRun *I);
/* modules/functools.c */
extern const BuiltinDef functools_functions[];
extern const int functools_nfunctions;
void functools_module_init(PyRun *I, SimId dict);
void functools_on_import(PyRun *I);
/* modules/dataclasses*.c: the module, @dataclass and its generated methods */
extern const BuiltinDef dataclasses_functions[];
extern const int dataclasses_nfunctions;
void dataclasses_module_init(PyRun *I, SimId dict);
void dataclasses_on_import(PyRun *I);
/* modules/contextlib.c */
extern const BuiltinDef contextlib_functions[];
extern const int contextlib_nfunctions;
void contextlib_module_init(PyRun *I, SimId dict);
void contextlib_on_import(PyRun *I);
/* modules/random.c, string.c, time.c */
extern const BuiltinDef random_functions[], string_functions[], time_functions[];
extern const int random_nfunctions, string_nfunctions, time_nfunctions;
void random_module_init(PyRun *I, SimId dict);
void random_on_import(PyRun *I);
void string_module_init(PyRun *I, SimId dict);
void string_on_import(PyRun *I);
void time_module_init(PyRun *I, SimId dict);
void time_on_import(PyRun *I);
/* modules/abc.c: the module; is cls abc.ABC or derived from it; the class
 * statement's _abc_init (false with the error raised); object_new's check
 * of abstract methods (false with the TypeError raised); a use of ABCMeta
 * the model refuses (true: refused, what names it); an isinstance() or
 * issubclass() that goes through an ABC's caches */
extern const BuiltinDef abc_functions[];
extern const int abc_nfunctions;
void abc_module_init(PyRun *I, SimId dict);
void abc_on_import(PyRun *I);
bool abc_is_abc_class(PyRun *I, SimId cls);
bool abc_class_made(PyRun *I, SimId cls);
bool abc_instantiable(PyRun *I, SimId cls);
bool abc_refused(PyRun *I, SimId cls, const char *what);
void abc_note_check(PyRun *I);
/* modules/enum*.c: the module; which objects are enum classes and
 * members; the class statement (false with the error raised); what the
 * VM asks of an enum class (iteration, len, in, call, subscript) and of a
 * member (repr, str); a use the model refuses (true: refused) */
extern const BuiltinDef enum_functions[];
extern const int enum_nfunctions;
extern const BuiltinDef enum_flag_methods[]; /* Flag's methods: reached through its class */
extern const int enum_flag_nmethods;
/* modules/datetime*.c: the module, its classes' number methods and
 * comparisons (reached through the classes), tp_name of its objects, a
 * use of its classes themselves that is refused (true: refused) */
extern const BuiltinDef datetime_functions[];
extern const int datetime_nfunctions;
extern const BuiltinDef dt_op_methods[];
extern const int dt_op_nmethods;
void datetime_module_init(PyRun *I, SimId dict);
void datetime_on_import(PyRun *I);
const char *datetime_tp_name(PyRun *I, SimId v);
bool datetime_class_refused(PyRun *I, SimId v, const char *what);
bool datetime_is_class(PyRun *I, SimId cls);
/* A class statement with base b, one of the classes: refused (true) */
bool datetime_subclass_refused(PyRun *I, SimId b);
SimId datetime_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames);
void enum_module_init(PyRun *I, SimId dict);
void enum_on_import(PyRun *I);
bool enum_is_enum_class(PyRun *I, SimId cls);
bool enum_is_member(PyRun *I, SimId v);
bool enum_class_made(PyRun *I, SimId cls);
/* modules/typing_namedtuple.c: is v typing.NamedTuple (a class statement's
 * base that __mro_entries__ replaces); the class NamedTupleMeta makes of
 * the body's namespace (orig_bases: the statement's bases); the functional
 * form NamedTuple(typename, [(name, type), ...]) */
bool typing_is_namedtuple(PyRun *I, SimId v);
SimId typing_namedtuple_class(PyRun *I, SimId typename, SimId ns, SimId orig_bases);
SimId typing_namedtuple_call(PyRun *I, SimId *a, int n, SimId kw);
/* a class body's store of a name it bound before (false: raised) */
bool enum_body_store(PyRun *I, SimId bases, SimId clsname, SimId ns, SimId name, SimId *value);
SimId enum_iter(PyRun *I, SimId cls, bool reversed);
/* its generator's next member (0 at its end), its repr */
SimId enum_gen_next(PyRun *I, SimId g);
void enum_gen_repr(PyRun *I, SimId g, Buf *out);
SimId enum_len(PyRun *I, SimId cls);
int enum_contains(PyRun *I, SimId cls, SimId item);
SimId enum_getitem(PyRun *I, SimId cls, SimId key);
SimId enum_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames);
bool enum_repr(PyRun *I, SimId v, Buf *out);
bool enum_str(PyRun *I, SimId v, Buf *out);
void enum_class_repr(PyRun *I, SimId cls, Buf *out);
bool enum_refused(PyRun *I, SimId v, const char *what);
/* modules/typing.c: the module; is v one of its annotation objects; their
 * repr and subscription; a use of one the model refuses (true: refused) */
extern const BuiltinDef typing_functions[];
extern const int typing_nfunctions;
void typing_module_init(PyRun *I, SimId dict);
void typing_on_import(PyRun *I);
bool typing_is_alias(PyRun *I, SimId v);
bool typing_repr(PyRun *I, SimId v, Buf *out);
SimId typing_getitem(PyRun *I, SimId v, SimId key);
bool typing_refused(PyRun *I, SimId v, const char *what);
/* modules/pprint.c */
extern const BuiltinDef pprint_functions[];
extern const int pprint_nfunctions;
void pprint_module_init(PyRun *I, SimId dict);
void pprint_on_import(PyRun *I);
/* modules/array.c: the module (its type is types/array.c's) */
extern const BuiltinDef array_functions[];
extern const int array_nfunctions;
void array_module_init(PyRun *I, SimId dict);
void array_on_import(PyRun *I);
/* modules/io.c: the module (its StringIO is types/stringio.c's) */
extern const BuiltinDef io_functions[];
extern const int io_nfunctions;
void io_module_init(PyRun *I, SimId dict);
void io_on_import(PyRun *I);
/* 3.11: what io.py's module __getattr__ does when a lookup of nm on io fails
 * (raised: after raising the program's AttributeError; else C code clears it) */
void io_getattr_miss_311(PyRun *I, const char *nm, size_t n, bool raised);
/* modules/reprlib.c */
extern const BuiltinDef reprlib_functions[];
extern const int reprlib_nfunctions;
void reprlib_module_init(PyRun *I, SimId dict);
void reprlib_on_import(PyRun *I);
/* modules/reprlib_class.c: is cls reprlib.Repr or a subclass (its instances' __dict__ is CPython's) */
bool reprlib_owns(PyRun *I, SimId cls);
/* modules/heapq.c, bisect.c */
extern const BuiltinDef heapq_functions[], bisect_functions[];
extern const int heapq_nfunctions, bisect_nfunctions;
void heapq_module_init(PyRun *I, SimId dict);
void heapq_on_import(PyRun *I);
void bisect_module_init(PyRun *I, SimId dict);
void bisect_on_import(PyRun *I);
/* modules/traceback_mod.c */
extern const BuiltinDef traceback_functions[];
extern const int traceback_nfunctions;
void traceback_module_init(PyRun *I, SimId dict);
void traceback_on_import(PyRun *I);
/* modules/statistics.c */
extern const BuiltinDef statistics_functions[];
extern const int statistics_nfunctions;
void statistics_module_init(PyRun *I, SimId dict);
void statistics_on_import(PyRun *I);
/* modules/fractions.c */
extern const BuiltinDef fractions_functions[];
extern const int fractions_nfunctions;
void fractions_module_init(PyRun *I, SimId dict);
void fractions_on_import(PyRun *I);
/* modules/textwrap.c */
extern const BuiltinDef textwrap_functions[];
extern const int textwrap_nfunctions;
void textwrap_module_init(PyRun *I, SimId dict);
void textwrap_on_import(PyRun *I);
/* modules/asyncio.c */
extern const BuiltinDef asyncio_functions[];
extern const int asyncio_nfunctions;
void asyncio_module_init(PyRun *I, SimId dict);
void asyncio_on_import(PyRun *I);
/* modules/json.c */
extern const BuiltinDef threading_functions[];
extern const int threading_nfunctions;
void threading_module_init(PyRun *I, SimId dict);
void threading_on_import(PyRun *I);
extern const BuiltinDef queue_functions[];
extern const int queue_nfunctions;
void queue_module_init(PyRun *I, SimId dict);
void queue_on_import(PyRun *I);
extern const BuiltinDef multiprocessing_functions[];
extern const int multiprocessing_nfunctions;
void multiprocessing_module_init(PyRun *I, SimId dict);
void multiprocessing_on_import(PyRun *I);
void multiprocessing_roots(PyRun *I, SimVisit visit, void *arg);
/* Has a multiprocessing.Queue's put() started its feeder thread, which
 * CPython counts in threading's enumerate() and active_count()?  Then
 * refused (true). */
bool multiprocessing_feeder_refused(PyRun *I);
void multiprocessing_free(PyRun *I);
extern const BuiltinDef futures_functions[];
extern const int futures_nfunctions;
void futures_module_init(PyRun *I, SimId dict);
void futures_on_import(PyRun *I);
extern const BuiltinDef concurrent_functions[], futures_pool_functions[];
extern const int concurrent_nfunctions, futures_pool_nfunctions;
void concurrent_module_init(PyRun *I, SimId dict);
void concurrent_on_import(PyRun *I);
extern const BuiltinDef json_functions[];
extern const int json_nfunctions;
void json_module_init(PyRun *I, SimId dict);
void json_on_import(PyRun *I);
/* Is m one of the comparison methods functools.total_ordering installs? */
bool functools_is_ordering(PyRun *I, SimId m);

/* Is it a slot wrapper of object or type (object.__init__, type.__call__ ...)? */
extern const BuiltinDef slot_methods[], slot_op_methods[];
extern const int slot_nmethods, slot_op_nmethods;
/* types/dunder_methods.c: the special methods that are method descriptors
 * (__sizeof__, __format__, __getitem__ ...) and object's; does a built-in
 * kind inherit object's special method `name`? */
extern const BuiltinDef dunder_methods[], object_slot_methods[];
extern const int dunder_nmethods, object_slot_nmethods;
bool dunder_inherits_object(int kind, const char *name);
/* modules/sys.c: is v's size one the model knows? (false: refused) */
bool sys_size_known(PyRun *I, SimId v);
/* slot_wrappers_ops.c: self's type's tp_richcompare alone (NotImplemented
 * when it does not take other) */
SimId slot_richcompare(PyRun *I, int op, SimId self, SimId other);
/* slot_wrappers.c: check_num_args: a slot wrapper takes exactly `want` arguments after self */
bool slot_num_args(PyRun *I, int n, SimId kw, int want, const char *name);
static inline bool bi_slot_wrapper(const BuiltinDef *d)
{
    static const char *const slots[] = {"__init__", "__call__", "__getattribute__", "__setattr__", "__delattr__"};
    if ((d >= slot_methods && d < slot_methods + slot_nmethods) ||
        (d >= slot_op_methods && d < slot_op_methods + slot_op_nmethods) ||
        (d >= object_slot_methods && d < object_slot_methods + object_slot_nmethods))
        return true; /* types/slot_wrappers.c, slot_wrappers_ops.c, dunder_methods.c */
    if (d->owner != SK_OBJECT && d->owner != SK_TYPE)
        return false;
    for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
        if (strcmp(d->name, slots[i]) == 0)
            return true;
    return false;
}

/* registry.c: the method descriptor of built-in method `index` read on its
 * type (str.lower), a new reference; 0 with the refusal raised for a kind
 * whose descriptors the model does not give out. */
SimId builtins_descriptor(PyRun *I, SimId type, uint32_t index);
bool builtins_refuse_foreign_descriptor(PyRun *I, SimId c, SimId obj);
/* The library a built-in stands for when CPython writes it in Python (its
 * frames show in a traceback), or NULL for C code. */
const char *bi_python_library(const BuiltinDef *d);
/* The global index of the built-in method `name` of objects of kind k, or -1. */
int bi_method_of_kind(int k, const char *name);
/* Does the profile's CPython have method table entry `index` (int.is_integer: 3.12+)? */
bool bi_method_in_profile(PyRun *I, int index);
/* registry.c: the definition with a global index (the builtins module's
 * functions, then the types' methods, then the modules' functions). */
const BuiltinDef *bi_def(uint32_t index);
int bi_count(void);
/* The global indexes of the types' methods: [*first, *end). */
void bi_method_range(int *first, int *end);
/* The module `import name` finds (borrowed), or 0. */
SimId module_find(PyRun *I, const char *name, size_t n);
/* The module `name` when the program imported it already (borrowed), or 0. */
SimId module_find_loaded(PyRun *I, const char *name);
/* The global index of a definition of one of the tables, or -1. */
int bi_index_of(const BuiltinDef *d);
/* d[name] = v, stealing v's reference. */
void bi_dict_put(PyRun *I, SimId d, const char *name, SimId v);

/* modules/builtins_scope.c: globals(), locals(), and the caller's f_locals
 * for vars() (a new reference; 0 refused inside a function; what names the
 * call) */
SimId builtin_globals(PyRun *I, SimId *args, int nargs, SimId kw);
SimId builtin_locals(PyRun *I, SimId *args, int nargs, SimId kw);
SimId builtin_scope_locals(PyRun *I, const char *what);
/* The same for frame f of this thread (frame.f_locals on 3.11 and 3.12). */
SimId builtin_frame_locals(PyRun *I, Frame *f, const char *what);
/* modules/sys_frame.c: sys._getframe(), and the attributes of a frame
 * object whose frame still runs (*found false: not one it answers) */
SimId sys_getframe(PyRun *I, SimId *args, int nargs, SimId kw);
SimId sys_frame_live_attr(PyRun *I, SimId fo, const char *name, bool *found);

/* helpers for implementations */
bool bi_nargs(PyRun *I, const char *name, int nargs, int min, int max);
SimId bi_kwarg(PyRun *I, SimId *args, int nargs, SimId kw, const char *name);
int bi_npos(PyRun *I, int nargs, SimId kw);
bool bi_int_arg(PyRun *I, SimId v, int64_t *out);
/* where seq.pop(index) takes its item (index 0: the last), with CPython's
 * IndexErrors ("pop from empty <what>", "pop index out of range") */
bool bi_pop_position(PyRun *I, SimId seq, SimId index, const char *what, int64_t *out);
SimId bi_list_from(PyRun *I, SimId iterable);
/* PySequence_Fast: an exact list or tuple itself (a new reference), any
 * other iterable's items as a new list; a TypeError from iter() becomes
 * not_iterable (when given) */
SimId bi_seq_fast(PyRun *I, SimId iterable, const char *not_iterable);
SimId bi_none(PyRun *I);
/* 3.11's Argument Clinic makes a parser's keyword tuple the first time a
 * call passes keywords (getargs.c parser_init), and keeps it: `clinic` is
 * "id:names" (BuiltinDef.clinic). Nothing under profiles whose parsers
 * have static tuples. */
void bi_clinic_kwtuple(PyRun *I, const char *clinic);
/* The argument tuple a METH_VARARGS function or tp_call makes (and frees
 * into the tuple free list). */
/* a tuple of n Nones standing for a call's arguments while the callee runs
 * (0 for none: the empty tuple is a singleton); the caller releases it */
SimId bi_held_tuple(PyRun *I, int n);
void bi_args_tuple(PyRun *I, int n);
/* types/subinst.c: the tuples CPython makes on the way to a slot wrapper
 * called with self and n - 1 arguments (wrapperdescr_call, method-wrapper) */
void bi_wrapper_args(PyRun *I, int n, SimId kw);
/* modules/builtins.c: len(v) of a built-in container (a new int) */
SimId builtin_len_of(PyRun *I, SimId v);
SimId builtin_len_fn(PyRun *I, SimId *a, int n, SimId kw); /* len() itself (vm_fastcall.c) */
/* modules/collections_chainview.c: is cls one of collections.abc's mapping
 * view classes the model made for a ChainMap (or a subclass of one)? */
bool chainview_is_class(PyRun *I, SimId cls);
/* the next item of a view's __iter__ generator (SIM_XT_CM_GEN_*): a new
 * reference, 0 at its end or raised */
SimId chainview_gen_next(PyRun *I, SimId g);
/* registry.c: built-in `index` read on self: a method-wrapper for a slot
 * wrapper, else a bound built-in method (self's reference is taken) */
SimId bi_bind(PyRun *I, uint32_t index, SimId self);

/* textio.c: print() and the standard streams' pending buffers */
SimId textio_print(PyRun *I, SimId *args, int nargs, SimId kw);
/* TextIOWrapper.write(text) on sys.stdout (fd 1) or sys.stderr (fd 2): the
 * int it answers; .flush() */
SimId textio_write(PyRun *I, int fd, SimId text);
void textio_flush(PyRun *I, int fd);
/* stdstream.c: sys.stdout and sys.stderr */
extern const BuiltinDef stdstream_methods[];
extern const int stdstream_nmethods;
void stdstream_init(PyRun *I, SimId sys_dict);
/* 1 or 2 when v is CPython's sys.stdout or sys.stderr, else 0 */
int stdstream_fd(PyRun *I, SimId v);
/* sys.stdout (fd 1) or sys.stderr (fd 2) as sys holds it now (borrowed; 0 when deleted) */
SimId stdstream_current(PyRun *I, int fd);
void stdstream_set(PyRun *I, int fd, SimId v);
bool stdstream_repr(PyRun *I, SimId s, Buf *out);
SimId stdstream_attr(PyRun *I, SimId s, const char *name, bool *found);
/* builtins_dir.c */
SimId builtin_dir(PyRun *I, SimId *args, int nargs, SimId kw);
/* builtins_round.c */
SimId builtin_round(PyRun *I, SimId *args, int nargs, SimId kw);
/* builtins_arith.c: abs(), divmod(), pow() */
SimId builtin_abs(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_divmod(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_pow(PyRun *I, SimId *a, int n, SimId kw);
/* hash(v): false with the error raised */
bool builtin_hash_of(PyRun *I, SimId v, int64_t *out);
/* pow(b, e, m) with a modulus */
SimId builtin_pow_mod(PyRun *I, SimId b, SimId e, SimId m);
/* divmod(x, y) */
SimId builtin_divmod_of(PyRun *I, SimId x, SimId y);
/* abs(v) */
SimId builtin_abs_of(PyRun *I, SimId v);

/* the tables of the other files */
SimId type_construct(PyRun *I, int kind, SimId *args, int nargs, SimId kw);
SimId weakref_call(PyRun *I, SimId wr);

/* modules/builtins_reduce.c: the builtins that consume an iterable */
SimId builtin_min(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_max(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_sum(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_any(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_all(PyRun *I, SimId *a, int n, SimId kw);
SimId builtin_sorted(PyRun *I, SimId *a, int n, SimId kw);

#endif
