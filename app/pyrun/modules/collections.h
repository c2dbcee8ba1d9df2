/*
 * collections: what the rest of pyrun calls of the collections module's
 * deque (modules/collections.c, modules/deque_ops.c).  Each returns a new
 * reference, or 0 (false, -1) with the error raised.
 */
#ifndef PYDIVE_PYRUN_MODULES_COLLECTIONS_H
#define PYDIVE_PYRUN_MODULES_COLLECTIONS_H

#include "pyrun/builtins.h"

/* deque(iterable=(), maxlen=None), as type_call makes it */
SimId deque_construct(PyRun *I, SimId *a, int n, SimId kw);
/* iter(d) and reversed(d): a _deque_iterator / _deque_reverse_iterator */
SimId deque_iter(PyRun *I, SimId d, bool reverse);
SimId deque_iter_next(PyRun *I, SimId it, SimXType xt);
/* d[i], d[i] = v (v borrowed), del d[i] */
SimId deque_getitem(PyRun *I, SimId d, SimId key);
bool deque_setitem(PyRun *I, SimId d, SimId key, SimId v);
bool deque_delitem(PyRun *I, SimId d, SimId key);
/* x in d: 1, 0 or -1 */
int deque_contains(PyRun *I, SimId d, SimId x);
/* d == e, d < e ...: a bool, or S->notimpl (borrowed) when e is no deque */
SimId deque_compare(PyRun *I, int op, SimId d, SimId e);
/* d + e, d += e (extend) */
SimId deque_concat(PyRun *I, SimId d, SimId e, bool inplace);
/* d.copy() (and copy.copy(d), through __copy__) */
SimId deque_copy(PyRun *I, SimId d);
/* d * n, d *= n */
SimId deque_repeat(PyRun *I, SimId d, int64_t n, bool inplace);
/* repr(d) into out, inside repr.c's recursion guard */
bool deque_repr(PyRun *I, SimId d, Buf *out);
/* d.maxlen and the other data attributes (*found false when none) */
SimId deque_attr(PyRun *I, SimId d, const char *name, bool *found);
/* deque.extend(iterable) / extendleft: false with the error raised */
bool deque_extend(PyRun *I, SimId d, SimId iterable, bool left);

/* collections_defaultdict.c: the defaultdict type (made once, at import,
 * without moving the collector's counts: a new reference); is obj one of
 * its instances; defdict_init on dd with a call's arguments (false with
 * the error raised); d[key] missing (a new reference, or 0 with KeyError
 * or the factory's error); the default_factory attribute (get: *found;
 * set or delete (value 0): 1 done, 0 not it, -1 error); its repr; the
 * builtin index of its copy / __copy__ for name (-1: not one) */
SimId defaultdict_make_type(PyRun *I);
bool defaultdict_is(PyRun *I, SimId obj);
bool defaultdict_init(PyRun *I, SimId dd, SimId *args, int nargs, SimId kw);
SimId defaultdict_missing(PyRun *I, SimId dd, SimId key);
SimId defaultdict_attr(PyRun *I, SimId dd, SimId name, bool *found);
int defaultdict_attr_set(PyRun *I, SimId dd, SimId name, SimId value);
bool defaultdict_repr(PyRun *I, SimId dd, Buf *out);
int defaultdict_method(PyRun *I, SimId dd, SimId name);
extern const BuiltinDef defaultdict_methods[];
extern const int defaultdict_nmethods;

/* collections_odict.c and odict_ops.c: collections.OrderedDict.  The type
 * (quietly, a new reference); is obj one of its instances; odict_init
 * (OrderedDict(mapping_or_pairs=(), **kw)); mutablemapping_update_arg's
 * merge of arg into od; an empty instance of cls as cls() makes it
 * (refused, 0, for a program's subclass with its own __init__/__new__;
 * `what` names the operation); its iterator over a view kind
 * (SIM_VIEW_*), reversed or not, and the next item; its repr (inside
 * repr.c's recursion guard); the order of two of them compared (1, 0,
 * -1 raised); od | x, x | od and od |= x (S->notimpl, a new reference,
 * when the other side is no dict).  All false / 0 with the error raised. */
SimId odict_make_type(PyRun *I);
bool odict_is(PyRun *I, SimId obj);
bool odict_init(PyRun *I, SimId od, SimId *args, int nargs, SimId kw);
bool odict_update_arg(PyRun *I, SimId od, SimId arg);
SimId odict_new_like(PyRun *I, SimId cls, const char *what);
SimId odict_iter(PyRun *I, SimId od, int view, bool reversed);
SimId odict_iter_next(PyRun *I, SimId it);
bool odict_repr(PyRun *I, SimId od, Buf *out);
int odict_keys_equal(PyRun *I, SimId a, SimId b);
SimId odict_or(PyRun *I, SimId a, SimId b, bool inplace);
/* PyMapping_Keys(od) as a new list; dict_merge's generic path of od into d */
SimId odict_keys_list(PyRun *I, SimId od);
bool odict_merge_into(PyRun *I, SimId d, SimId od, int override, SimId *dup);
extern const BuiltinDef odict_methods[];
extern const int odict_nmethods;

/* A module's type made at import without moving the collector's counts or
 * the free lists (std_import.c replays what CPython's import costs, the
 * type's own objects included): begin, make it, end. */
typedef struct CollQuiet {
    int count;
    bool collecting;
    uint64_t tracked;
    uint32_t lists, dicts, tuples[SIM_TUPLE_MAXSAVE];
} CollQuiet;
void coll_quiet_begin(PyRun *I, CollQuiet *q);
void coll_quiet_end(PyRun *I, CollQuiet *q);

/* collections_counter.c and counter_ops.c: collections.Counter, a class
 * CPython writes in Python (class Counter(dict)), as the model's dict
 * subclass whose methods are built-ins.  counter_make_type: the class
 * (quietly, a new reference); counter_is: one of its instances;
 * counter_init: Counter(iterable=None, /, **kwds) on c (false with the
 * error raised); counter_missing: c[key] missing (0, with the bound
 * __missing__ CPython makes); counter_setitem_cost / counter_delitem: what
 * c[k] = v costs beyond dict's (the slot wrapper's tuples) and del c[k]
 * (no KeyError); counter_repr; counter_binary / counter_unary /
 * counter_compare: the operators (S->notimpl, a new reference, when
 * Counter's method answers NotImplemented).  Every one that runs Python
 * code in CPython marks the young count unsure (counter_note). */
SimId counter_make_type(PyRun *I);
bool counter_is(PyRun *I, SimId obj);
bool counter_init(PyRun *I, SimId c, SimId *args, int nargs, SimId kw);
SimId counter_missing(PyRun *I, SimId c, SimId key);
void counter_setitem_cost(PyRun *I);
bool counter_delitem(PyRun *I, SimId c, SimId key);
bool counter_repr(PyRun *I, SimId c, Buf *out);
SimId counter_binary(PyRun *I, int op, SimId a, SimId b, bool inplace);
SimId counter_unary(PyRun *I, int op, SimId a);
SimId counter_compare(PyRun *I, int op, SimId a, SimId b);
void counter_note(PyRun *I);
/* counter_ops.c: most_common's list (n 0: all; a new reference) */
SimId counter_most_common(PyRun *I, SimId c, SimId n);
SimId counter_new(PyRun *I);
/* Counter.elements (a BuiltinFn of counter_methods) */
SimId counter_elements(PyRun *I, SimId *a, int n, SimId kw);
/* collections_namedtuple.c, namedtuple_methods.c: namedtuple() (a
 * BuiltinFn); the namedtuple class along cls's MRO (0: none); is v an
 * instance of one; the index of `name` among cls's namedtuple fields (-1:
 * not one); is v one of the built-ins its classes hold; namedtuple_note:
 * the young count unsure after `what` */
SimId namedtuple_make(PyRun *I, SimId *a, int n, SimId kw);
SimId namedtuple_class_of(PyRun *I, SimId cls);
bool namedtuple_is(PyRun *I, SimId v);
int namedtuple_field(PyRun *I, SimId cls, SimId name);
bool namedtuple_builtin(PyRun *I, SimId v);
void namedtuple_note(PyRun *I, const char *what);
extern const BuiltinDef namedtuple_methods[];
extern const int namedtuple_nmethods;
/* collections_chainmap.c: the ChainMap class (a new reference) and its
 * methods, read through it (registry.c numbers them) */
SimId chainmap_make_type(PyRun *I);
extern const BuiltinDef chainmap_methods[];
extern const int chainmap_nmethods;
/* collections_chainview.c: KeysView(m), ItemsView(m), ValuesView(m) for
 * kind 0, 1, 2 (a new reference); their methods (registry.c numbers them);
 * chainview_is_class is builtins.h's */
SimId chainview_new(PyRun *I, SimId mapping, int kind);
extern const BuiltinDef chainview_methods[];
extern const int chainview_nmethods;
/* Counter's methods, read through its class (registry.c numbers them) */
extern const BuiltinDef counter_methods[];
extern const int counter_nmethods;

#endif
