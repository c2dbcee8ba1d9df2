/*
 * types: what the files of pyrun/types/ share — each built-in type's
 * constructor, method table and the helpers other files call. Internal
 * to pyrun.
 */
#ifndef PYDIVE_PYRUN_TYPES_H
#define PYDIVE_PYRUN_TYPES_H

#include "pyrun/builtins.h"

/* Constructors: what calling the type does. args/nargs/kw as BuiltinFn;
 * return a new reference, or 0 with I->ts->err set. */
SimId type_construct(PyRun *I, int kind, SimId *args, int nargs, SimId kw);
/* type(v) and v.__class__ (a new reference; 0 refused) */
SimId type_of_object(PyRun *I, SimId v);
/* builtin_attr.c: __name__, __qualname__, __module__, __self__, __objclass__
 * of a built-in function, method, descriptor or method-wrapper (*found false:
 * one the model does not answer) */
SimId builtin_callable_attr(PyRun *I, SimId v, const char *name, bool *found);
/* type_static.c: __mro__, __bases__, __base__, __qualname__, __module__ of
 * a built-in type or exception class (*found false: not one the model
 * answers); is v one of the tuples so read (or an exception class's
 * __mro__); the flags of such a tuple (static, untracked, immortal where
 * the profile has immortals). */
typedef struct StaticTypeTuples { SimId type, mro, bases; } StaticTypeTuples;
SimId static_type_attr(PyRun *I, SimId t, const char *name, bool *found);
bool static_type_tuple_is(PyRun *I, SimId v);
void static_type_tuple_mark(PyRun *I, SimId t);
SimId int_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId float_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId str_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId bytes_construct(PyRun *I, int kind, SimId *args, int nargs, SimId kw);
/* bytes_new_impl on the exact type, the call's arguments already packed */
SimId bytes_value(PyRun *I, SimId *args, int nargs, SimId kw);
SimId list_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId tuple_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId dict_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId set_construct(PyRun *I, SimId *args, int nargs, SimId kw);
SimId frozenset_construct(PyRun *I, SimId *args, int nargs, SimId kw);
/* mappingproxy.c: Cls.__dict__ (a dict view of kind SIM_VIEW_PROXY).  New
 * references, or 0 / false / -1 with the error raised; proxy_attr sets
 * *found false for a name it does not have. */
bool proxy_is(PyRun *I, SimId v);
/* dictview_ops.c: a & | - ^ b with a keys or items view on a side
 * (dictview_setlike says so): a new set, or 0 with the error raised. */
bool dictview_setlike(PyRun *I, SimId a, SimId b);
SimId dictview_binary(PyRun *I, int op, SimId a, SimId b);
/* `item in view` of an items view (dictitems_contains) or a values view
 * (a walk of its iterator); 1, 0, -1 on error */
int dictview_contains(PyRun *I, SimId view, SimId item);
/* dictview_richcompare's == of a keys or items view with a set or such a
 * view: 1, 0, -1 on error; -2 when it has no say (NotImplemented) */
int dictview_equal(PyRun *I, SimId a, SimId b);
SimId proxy_new(PyRun *I, SimId dict);
SimId proxy_getitem(PyRun *I, SimId proxy, SimId key);
SimId proxy_attr(PyRun *I, SimId proxy, const char *name, bool *found);
bool proxy_repr(PyRun *I, SimId proxy, Buf *out);
int proxy_equal(PyRun *I, SimId a, SimId b);
/* set.c, set_algebra.c: setobject.c's operations on a set or frozenset so
 * (borrowed): a new set of so's type (0 with the error raised), or so
 * changed in place (false with the error raised); the tests give 1, 0 or
 * -1 on error. */
bool set_is_frozen(PyRun *I, SimId v);
/* descr.c: SimObj.sub of a property: its doc is its getter's (getter_doc),
 * or its getter is not a Python function and has a __doc__ not modelled */
enum { PROP_GETTER_DOC = 1, PROP_DOC_UNKNOWN = 2 };
SimId set_new_like(PyRun *I, SimId like);
SimId set_copy_of(PyRun *I, SimId so);
bool set_update(PyRun *I, SimId so, SimId other);
SimId set_intersection(PyRun *I, SimId so, SimId other);
SimId set_intersection_multi(PyRun *I, SimId so, SimId *others, int n);
SimId set_difference(PyRun *I, SimId so, SimId other);
bool set_difference_update(PyRun *I, SimId so, SimId other);
SimId set_symmetric_difference(PyRun *I, SimId so, SimId other);
bool set_symmetric_difference_update(PyRun *I, SimId so, SimId other);
int set_issubset(PyRun *I, SimId so, SimId other);
int set_issuperset(PyRun *I, SimId so, SimId other);
int set_isdisjoint(PyRun *I, SimId so, SimId other);
/* a | b, a & b, a - b, a ^ b of two sets, in place when asked and a is a set */
SimId set_binary(PyRun *I, int op, SimId a, SimId b, bool inplace);
/* True (with the refusal made) when showing set's order would show the
 * model's addresses: two keys or more, one hashed by identity. */
bool set_order_refused(PyRun *I, SimId set, const char *what);
bool set_method_of_frozenset(const char *name);
SimId range_construct(PyRun *I, SimId *args, int nargs, SimId kw);
/* range[slice]: a new range (compute_slice), or 0 with the error raised */
SimId range_slice(PyRun *I, SimId range, SimId sl);
/* range.start (0), stop (1) or step (2): a new reference */
SimId range_member(PyRun *I, SimId range, int which);
extern const BuiltinDef range_methods[];
extern const int range_nmethods;

/* class.c: the end of a class statement (type_new): name, namespace and
 * bases borrowed; the new class, or 0 with the error raised.  Before the
 * body runs, class_prepare_transient makes and drops what __prepare__'s
 * lookup makes (a bound method). */
SimId class_build(PyRun *I, SimId name, SimId ns, SimId bases);
/* The same with the class statement's keywords (borrowed dict, `metaclass`
 * taken out; 0: none), which go to __init_subclass__. */
SimId class_build_kw(PyRun *I, SimId name, SimId ns, SimId bases, SimId kw);
/* The same with a metaclass (borrowed; 0: type), the new class's type. */
SimId class_build_meta(PyRun *I, SimId name, SimId ns, SimId bases, SimId kw, SimId meta);

/* metaclass.c: the program's subclasses of type.  metaclass_is: is c one?
 * metaclass_winner: _PyType_CalculateMetaclass of *meta (owned, 0: type)
 * and the bases' types, the winner in *meta (owned, 0 for type), false
 * with the error raised.  metaclass_call: type_call of metaclass meta
 * (args as a call gives them, kwnames borrowed); metaclass_build:
 * meta(name, bases, ns, **kw) at the end of a class statement (all
 * borrowed).  metaclass_takes_call: is calling cls a metaclass's business
 * (cls is one, or its metaclass defines __call__)? metaclass_dispatch then
 * calls it.  metaclass_attr: a class's attribute found on its metaclass
 * (the data descriptors, or with data false the others; *found false:
 * none), a new reference or 0 with the error raised.  The type methods
 * __new__, __init__ and __call__ (builtins, a[0] the bound type). */
bool metaclass_is(PyRun *I, SimId c);
/* the program's metaclass of class cls (borrowed), or 0: its special
 * methods (__len__, __iter__, __getitem__ ...) act on cls (dunder.c) */
SimId metaclass_of_class(PyRun *I, SimId cls);
bool metaclass_winner(PyRun *I, SimId *meta, SimId bases);
SimId metaclass_call(PyRun *I, SimId meta, SimId *args, int nargs, SimId kwnames);
SimId metaclass_build(PyRun *I, SimId meta, SimId name, SimId bases, SimId ns, SimId kw);
bool metaclass_takes_call(PyRun *I, SimId cls);
SimId metaclass_dispatch(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames);
SimId metaclass_attr(PyRun *I, SimId cls, SimId name, bool data, bool *found);
SimId metaclass_type_new_fn(PyRun *I, SimId *a, int n, SimId kw);
SimId metaclass_type_init_fn(PyRun *I, SimId *a, int n, SimId kw);
SimId metaclass_type_call_fn(PyRun *I, SimId *a, int n, SimId kw);
/* class_hooks.c: the keywords of a class statement before its body runs
 * (bases and kw owned, replaced by __build_class__'s own; `metaclass=type`
 * taken out, another metaclass refused: false with both released); ex:
 * CALL_FUNCTION_EX's tuple of (None, None, *bases) and keyword dict;
 * type_new's __init_subclass__ steps. */
bool class_keywords(PyRun *I, SimId *bases, SimId *kw, bool ex, SimId hold[3], SimId *metaout);
/* After the class is made (or the body failed): the keywords (owned) and
 * what the call held, released in CPython's order. */
void class_keywords_release(PyRun *I, SimId kw, SimId hold[3]);
void class_init_subclass_classmethod(PyRun *I, SimId cls);
/* type.__call__ with keywords: what the call makes before its argument
 * tuple (begin: the names' tuple), after it (the keyword dict type_new
 * gets, 0 for none), and their release (end). */
SimId class_call_keywords_begin(PyRun *I, SimId kw);
SimId class_call_keywords_dict(PyRun *I, SimId kw);
void class_call_keywords_end(PyRun *I, SimId kw, SimId names, SimId tpdict);
bool class_init_subclass(PyRun *I, SimId cls, SimId kw);
/* A program class's __qualname__ (its __name__ when it has none), as C text. */
const char *class_qualname(PyRun *I, SimId cls);
void class_prepare_transient(PyRun *I);
/* type(name, bases, dict), all borrowed: a new class or 0 with the error raised. */
SimId class_from_type_call(PyRun *I, SimId name, SimId bases, SimId dict);
/* Marks the class whose MRO has __getattr__/__getattribute__ or
 * __setattr__/__delattr__ (SIM_TYF_GETATTR, SIM_TYF_SETATTR). */
void class_set_hooks(PyRun *I, SimId cls);
/* The builtin index of object's slot wrapper `name` (__getattribute__,
 * __setattr__, __delattr__), or -1. */
int class_object_slot(PyRun *I, const char *name);

/* member.c: the member descriptors of __slots__ and the getset descriptors
 * of __dict__ / __weakref__ read (a new reference, or 0 with the error
 * raised), set or deleted (value 0) through an instance; whether an
 * instance has a __dict__; the AttributeError of setting a name on one
 * that has none; their repr and own attributes (*found false: none). */
SimId member_get(PyRun *I, SimId d, SimId obj);
bool member_set(PyRun *I, SimId d, SimId obj, SimId value);
bool member_has_dict(PyRun *I, SimId inst);
bool member_no_dict(PyRun *I, SimId obj, SimId name);
void member_repr(PyRun *I, SimId d, Buf *out);
SimId member_attr(PyRun *I, SimId d, SimId name, bool *found);

/* slice.c: the slice type.  slice_bounds_of gives PySlice_Unpack and
 * PySlice_AdjustIndices over len items; slice_compare 1 / 0, -1 on error,
 * 2 when unordered (error raised); the others as the ones above. */
typedef enum SlicePart { SLICE_START, SLICE_STOP, SLICE_STEP } SlicePart;
bool slice_is(PyRun *I, SimId v);
SimId slice_part(PyRun *I, SimId sl, SlicePart which); /* borrowed */
SimId slice_new(PyRun *I, SimId start, SimId stop, SimId step); /* steals; 0 = None */
SimId slice_construct(PyRun *I, SimId *args, int nargs, SimId kw);
bool slice_repr(PyRun *I, SimId sl, Buf *out);
bool slice_bounds_of(PyRun *I, SimId sl, int64_t len, int64_t *start, int64_t *stop, int64_t *step);
SimId slice_attr(PyRun *I, SimId sl, const char *name, bool *found);
int slice_compare(PyRun *I, int op, SimId a, SimId b);
extern const BuiltinDef slice_methods[];
extern const int slice_nmethods;
/* genericalias.c: types.GenericAlias.  galias_origin_ok: does the class
 * make one when subscripted (list, dict, ... and subclasses)?  galias_new:
 * origin[key] (both borrowed), a new reference or 0 raised; galias_equal
 * 1 / 0, -1 raised; the others as the slice's. */
bool galias_is(PyRun *I, SimId v);
bool galias_origin_ok(PyRun *I, SimId cls);
SimId galias_new(PyRun *I, SimId origin, SimId key);
bool galias_repr(PyRun *I, SimId ga, Buf *out);
SimId galias_attr(PyRun *I, SimId ga, const char *name, bool *found);
int galias_equal(PyRun *I, SimId a, SimId b);
bool galias_hash(PyRun *I, SimId ga, int64_t *out);
/* isinstance()/issubclass() against an alias: its TypeError raised (true) */
bool galias_check_raised(PyRun *I, SimId t, const char *fn);
/* alias(*args): the origin's result (ga_vectorcall), 0 raised */
SimId galias_call(PyRun *I, SimId ga, SimId *args, int nargs, SimId kwnames);
/* list.c, dict.c: list___init__ on l from an iterable (l emptied first by
 * the caller); dict_update_common on d from (args, n, kw) as a call gives
 * them: false with the error raised */
bool list_fill(PyRun *I, SimId l, SimId iterable);
/* `l *= n`: l repeated in place (a new reference to l, 0 on MemoryError) */
SimId list_inplace_repeat(PyRun *I, SimId list, int64_t n);
bool dict_fill(PyRun *I, SimId d, SimId *args, int nargs, SimId kw);

/* subinst.c: instances of a program's subclass of list or dict (a kind
 * SK_LIST / SK_DICT whose SimObj.type is the class).  subinst_new: an empty
 * one (a new reference); subinst_init: list.__init__ / dict.__init__ on it
 * with a call's arguments (false with the error raised); the attribute
 * protocol (get: a new reference or 0; set with value 0 deletes; method:
 * as attr_method); subinst_super_method: the built-in's method `name` that
 * super() after cls reaches on an instance of obj_type (a builtin index,
 * or -1); subinst_missing: type(d).__missing__(d, key) when the class has
 * one (*found), a new reference or 0 with the error raised. */
SimId subinst_new(PyRun *I, SimId cls);
/* tuple.c: tuple_subtype_new: a new instance of cls, a program's subclass
 * of tuple, holding the items tuple(iterable) gives (0: none); 0 with the
 * error raised.  tuplesub_keywords_refused: tuple_new's "takes no keyword
 * arguments" when cls has no __init__ of its own (true: raised). */
SimId tuplesub_new(PyRun *I, SimId cls, SimId iterable);
/* int.c, str.c: int(...) and str(...) once the call's arguments are packed
 * (int_new_impl / unicode_new_impl on the exact type) */
SimId int_from_args(PyRun *I, SimId *a, int n, SimId kw);
SimId str_of(PyRun *I, SimId *a, int n, int np);
/* scalarsub.c: a program's subclass of float, int, str, bytes or
 * frozenset.  The exact value the base's tp_new makes of the call's
 * arguments, copied into an instance of cls (float_subtype_new ...; a
 * frozenset's is filled in place, make_new_set); is cls's layout one of them */
SimId scalarsub_new(PyRun *I, SimId cls, SimId *args, int nargs, SimId kw);
bool scalarsub_layout(PyRun *I, SimId cls);
extern const BuiltinDef scalarsub_methods[];
extern const int scalarsub_nmethods;
/* the same (or tuple() when cls is tuple) as tuple.__new__(cls, ...)
 * reaches it: tp_new_wrapper's argument tuple of nargs items and its slice
 * after cls alive meanwhile */
SimId tuplesub_new_wrapped(PyRun *I, SimId cls, SimId iterable, int nargs);
bool tuplesub_keywords_refused(PyRun *I, SimId cls, int nkw);
/* the built-in layout (SK_LIST, SK_DICT ... or 0) a class with these bases
 * gets; false with CPython's lay-out conflict raised.  subinst_frozen_of:
 * is the SK_SET one frozenset's */
bool subinst_layout_of(PyRun *I, SimId bases, SimKind *out);
bool subinst_frozen_of(PyRun *I, SimId bases);
bool subinst_init(PyRun *I, SimId inst, SimId *args, int nargs, SimId kw);
SimId subinst_attr_get(PyRun *I, SimId obj, SimId name);
bool subinst_attr_set(PyRun *I, SimId obj, SimId name, SimId value);
bool subinst_method(PyRun *I, SimId obj, SimId name, SimId *a, SimId *b);
int subinst_super_method(PyRun *I, SimId obj_type, SimId cls, const char *name);
SimId subinst_missing(PyRun *I, SimId d, SimId key, bool *found);

/* Method tables, numbered by the registry in modules/registry.c. */
extern const BuiltinDef list_methods[], dict_methods[], set_methods[], bytearray_methods[], bytes_methods[], bytes_split_methods[], array_methods[], stringio_methods[],
    str_methods[], tuple_methods[], property_methods[], generator_methods[], type_methods[],
    object_methods[], exception_methods[], subinst_methods[], int_methods[], complex_methods[],
    number_methods[];
extern const int list_nmethods, dict_nmethods, set_nmethods, bytearray_nmethods, bytes_nmethods, bytes_split_nmethods, array_nmethods, stringio_nmethods, str_nmethods,
    tuple_nmethods, property_nmethods, generator_nmethods, type_nmethods, object_nmethods,
    exception_nmethods, subinst_nmethods, int_nmethods, complex_nmethods,
    number_nmethods;
/* bytes_methods lists each shared method for bytes, then for bytearray:
 * bytes_nshared of each */
extern const int bytes_nshared, bytes_split_nshared;
/* exc_object.c: BaseException's method `name` bound to self (0: unbound,
 * as read on a class), a new reference; 0 when it has none. Traceback and
 * frame attributes (*found false when not one of theirs). */
SimId exc_method(PyRun *I, SimId self, const char *name);
/* exc_group.c: BaseExceptionGroup and ExceptionGroup; the steps of except*
 * (CHECK_EG_MATCH: *match and *rest new references, None for none;
 * _PyExc_PrepReraiseStar: what the statement raises, None for nothing). */
bool exc_is_group_class(PyRun *I, SimId cls);
bool exc_is_group(PyRun *I, SimId v);
SimId exc_group_excs(PyRun *I, SimId e);
SimId exc_group_call(PyRun *I, SimId cls, SimId *args, int nargs, SimId kwnames);
SimId exc_group_call_tuple(PyRun *I, SimId cls, SimId args, bool kw); /* the call's own tuple (CALL_FUNCTION_EX) */
SimId exc_group_str(PyRun *I, SimId e);
void exc_group_text(PyRun *I, SimId e, Buf *b);
SimId exc_group_split(PyRun *I, SimId *a, int n, SimId kw);
SimId exc_group_subgroup(PyRun *I, SimId *a, int n, SimId kw);
SimId exc_group_derive(PyRun *I, SimId *a, int n, SimId kw);
bool exc_group_match(PyRun *I, SimId exc, SimId type, SimId *match, SimId *rest);
SimId exc_group_prep_reraise(PyRun *I, SimId orig, SimId excs);
SimId tb_attr(PyRun *I, SimId v, const char *name, bool *found);

/* descr.c: calling property, classmethod or staticmethod (kind SK_PROPERTY,
 * SK_CLASSMETHOD, SK_STATICMETHOD); the descriptor protocol: what
 * reading d through obj (0 when read on the class cls) gives (a new
 * reference, or 0 with the error raised), and a property's set (value) or
 * delete (value 0) on obj. */
SimId descr_construct(PyRun *I, int kind, SimId *args, int nargs, SimId kw);
SimId descr_get(PyRun *I, SimId d, SimId obj, SimId cls);
bool descr_set(PyRun *I, SimId prop, SimId obj, SimId value);

/* user_descr.c: descriptors written in Python. udescr_kind: what instance
 * d is as a class attribute (UDESCR_REFUSED: its class's __get__, __set__
 * or __delete__ is not a plain function); udescr_is_data: it has __set__
 * or __delete__. udescr_get: d.__get__(obj or None, type) (d itself when it
 * has no __get__), a new reference or 0 with the error raised; udescr_set:
 * d.__set__(obj, value), or d.__delete__(obj) for value 0. udescr_set_names:
 * type_new_set_names, __set_name__(cls, name) of each value in cls's dict
 * that has one; false with the error raised. */
enum { UDESCR_NONE, UDESCR_NONDATA, UDESCR_DATA, UDESCR_DATA_NOGET, UDESCR_REFUSED };
int udescr_kind(PyRun *I, SimId d);
bool udescr_is_data(PyRun *I, SimId d);
SimId udescr_get(PyRun *I, SimId d, SimId obj, SimId type);
bool udescr_set(PyRun *I, SimId d, SimId obj, SimId value);
bool udescr_set_names(PyRun *I, SimId cls, SimId dict);
/* generator.c: a generator's data attributes (__name__, gi_running ...);
 * *found false when it has no such one here. */
SimId generator_attr(PyRun *I, SimId g, const char *name, bool *found);
/* code.c: code index ci's code object (a new reference), its attributes
 * (*found false: none of that name), its repr */
SimId code_object(PyRun *I, uint32_t ci);
SimId code_attr(PyRun *I, SimId code, const char *name, bool *found);
void code_repr(PyRun *I, SimId code, Buf *out);

/* bytearray.c and bytes_ops.c: bytes and bytearray. bytes_like: an exact
 * bytes or bytearray (what the model reads as a buffer); bytes_byte_value:
 * _getbytevalue, an int in range(256) (false with CPython's error);
 * bytearray_fill: bytearray(iterable) into the empty ba; bytearray's
 * subscription and item/slice assignment (v 0: deletion); bytes_binary:
 * + and * (and += *=) when a bytes-like operand makes them its business
 * (*handled false: not its case); bytes_contains: `item in c` (1, 0, -1
 * with the error raised); bytes_order: memcmp order of two bytes-likes. */
bool bytes_like(PyRun *I, SimId v);
/* true (refused) when v is an object whose buffer CPython would read as bytes (an array) */
bool bytes_buffer_refused(PyRun *I, SimId v);
bool bytes_byte_value(PyRun *I, SimId v, int *out);
bool bytearray_fill(PyRun *I, SimId ba, SimId src);
SimId bytearray_getitem(PyRun *I, SimId ba, SimId key);
bool bytearray_setitem(PyRun *I, SimId ba, SimId key, SimId v);
SimId bytes_binary(PyRun *I, int op, SimId a, SimId b, bool inplace, bool *handled);
int bytes_contains(PyRun *I, SimId c, SimId item);
int bytes_order(PyRun *I, SimId a, SimId b);

/* array.c and array_ops.c: array.array. array_construct: array(typecode[,
 * initializer]); subscription and assignment (v 0: deletion); array_binary:
 * + and * (and += *=) when an array makes them its business (*handled
 * false: not its case); array_contains: 1, 0, -1 with the error raised;
 * array_order: -1/0/1 of two arrays item by item (eq_only: 0 equal, 1 not),
 * -2 with the error raised; array_repr: false with the error raised. */
SimId array_construct(PyRun *I, SimId *a, int n, SimId kw);
SimId array_getitem(PyRun *I, SimId a, SimId key);
bool array_setitem(PyRun *I, SimId a, SimId key, SimId v);
SimId array_binary(PyRun *I, int op, SimId a, SimId b, bool inplace, bool *handled);
int array_contains(PyRun *I, SimId a, SimId v);
int array_order(PyRun *I, SimId a, SimId b, bool eq_only);
bool array_repr(PyRun *I, SimId a, Buf *out);

/* stringio.c: io.StringIO(initial_value); its next line for iteration (0
 * at the end, or with the error raised); print()'s write of a str to it
 * (false with the error raised). */
SimId stringio_construct(PyRun *I, SimId *a, int n, SimId kw);
/* bytesio.c: io.BytesIO(initial_bytes), its methods (a class's, out of the
 * method index), its attributes (*found false: none of that name) and the
 * bound __enter__/__exit__ of a BytesIO (0 for other objects) */
SimId bytesio_construct(PyRun *I, SimId *a, int n, SimId kw);
extern const BuiltinDef bytesio_methods[];
extern const int bytesio_nmethods;
SimId bytesio_native_attr(PyRun *I, SimId b, const char *name, bool *found);
SimId bytesio_special(PyRun *I, SimId b, const char *name);
SimId stringio_next(PyRun *I, SimId s);
bool stringio_write(PyRun *I, SimId s, SimId str);

/* seq_compare.c: a < b (<=, >, >=) of two lists or two tuples, item by
 * item as CPython compares them; a new reference, or 0 raised */
SimId seq_richcompare(PyRun *I, int op, SimId a, SimId b);
/* Methods several types share (list.c). */
SimId meth_append(PyRun *I, SimId *args, int nargs, SimId kw); /* list */
SimId dict_get_fn(PyRun *I, SimId *a, int n, SimId kw); /* dict.get */
SimId meth_index(PyRun *I, SimId *args, int nargs, SimId kw);  /* list, tuple */
SimId meth_count(PyRun *I, SimId *args, int nargs, SimId kw);  /* list, tuple */
SimId meth_clear(PyRun *I, SimId *args, int nargs, SimId kw);  /* list, dict, set */
SimId meth_copy(PyRun *I, SimId *args, int nargs, SimId kw);   /* list */

/* list_slice.c: a[start:stop:step] = v (v 0: del a[start:stop:step]) on
 * list a, the bounds already adjusted to its length (PySlice_AdjustIndices);
 * false with the error raised. */
bool list_slice_store(PyRun *I, SimId a, int64_t start, int64_t stop, int64_t step, SimId v);
/* list.c: the stable sort of a list in place, by key(item) when key is
 * given (0 or None: the items); false with I->ts->err set. */
bool bi_sort_list(PyRun *I, SimId list, SimId key, bool reverse);
/* dict.c: a | b (a new dict) and a |= b (a itself, b any update
 * argument) for a dict a; 0 with the error raised. */
SimId dict_or(PyRun *I, SimId a, SimId b, bool inplace);
/* dict.c: true when k can be a key, else TypeError "unhashable type". */
bool dict_check_key(PyRun *I, SimId k);
/* dict.c: dict_merge of dict `src` into dict `d` (both borrowed), sized as
 * CPython sizes it (a clone of a clean source's table into an empty dict,
 * else one resize up front). DICT_MERGE_KEEP keeps d's value for a key in
 * both, _SET replaces it, _FAIL stops at it: false with *dup = the key. */
enum { DICT_MERGE_KEEP, DICT_MERGE_SET, DICT_MERGE_FAIL };
bool dict_merge(PyRun *I, SimId d, SimId src, int override, SimId *dup);
/* dict.c: PyDict_Copy of dict src (borrowed): a new dict, sized as CPython
 * sizes it. */
SimId dict_copy(PyRun *I, SimId src);

/* int_parse.c: int(text, base) of a str, bytes or bytearray (base 0: from
 * its prefix), a new int or 0 with CPython's ValueError raised. */
SimId int_from_text(PyRun *I, SimId text, int base);
/* False with CPython's ValueError when dec, the decimal text of the int v,
 * has more digits than int_max_str_digits lets str() make */
bool int_dec_limit_ok(PyRun *I, SimId v, const Buf *dec);
/* int.c: arithmetic; int_small_op takes the values of two small ints. */
SimId int_big_op(PyRun *I, int op, SimId a, SimId b);
SimId int_small_op(PyRun *I, int op, SimId sa, SimId sb, int64_t a, int64_t b);
/* ~a of an int */
SimId int_invert(PyRun *I, SimId a);
/* str.c: the str that str(v) / repr(v) / f"{v}" return for the text b of v
 * (an int's is always a new object, one digit too) */
SimId str_of_text(PyRun *I, SimId v, const Buf *b);
/* The str CPython's formatting hands back as it is where a unicode writer
 * gets one str and nothing else (PyObject_Format with an empty spec, "%s",
 * "{}", f"{v}", a one-item join): an exact str itself, True's and False's
 * static text; 0 for any other object.  A new reference. */
SimId str_as_is(PyRun *I, SimId v);
/* set.c: the key a set looks up for `key in s`, discard and remove: a set
 * as a frozenset of its items (set_contains's retry), any other hashable
 * key itself; 0 with TypeError for an unhashable one.  A new reference. */
SimId set_lookup_key(PyRun *I, SimId key);
/* int.c: PyLong_FromDouble, an int of x truncated toward zero (big when it
 * must be); CPython's errors for inf and nan */
SimId int_from_double(PyRun *I, double x);
/* _PyUnicode_TransformDecimalAndSpaceToASCII: s's text for int() and
 * float(), Unicode spaces as ' ', decimal digits as ASCII ones, any other
 * non-ASCII character as '?' (malloc'd, n characters) */
char *str_ascii_number(PyRun *I, SimId s, size_t *n);
/* format(v, spec) of an exact str whose spec neither pads nor cuts it
 * (format_string_internal's fast path): v itself when b, the formatted
 * text, is v's own; 0 otherwise.  A new reference. */
SimId str_if_unchanged(PyRun *I, SimId v, const Buf *b);
/* ascii(v): its repr with every non-ASCII character escaped (backslash x,
 * u or U and the code point in hex), appended to out; false with the error
 * raised. str_ascii_escape: the escaping alone, of UTF-8 text in. */
bool op_ascii(PyRun *I, SimId v, Buf *out);
void str_ascii_escape(const Buf *in, Buf *out);
/* int.c: the refusal to show an unsure count (SIM_INT_UNSURE); false. */
bool int_unsure_refused(PyRun *I);
/* int.c: long_long (_PyLong_Copy): an exact int of v's value, v itself
 * when it is one; a bool's value as an int.  A new reference, 0 refused. */
SimId int_exact(PyRun *I, SimId v);
/* float.c */
SimId float_binary(PyRun *I, int op, double a, double b);
void float_repr(double x, Buf *out);
/* types/complex.c: complex numbers.  complex_binary: a op b with a complex
 * operand (+ - * / **; S->notimpl, borrowed, when the other is no number);
 * complex_unary: - and +; complex_abs: abs(); complex_equal: == with a
 * number (1/0, -1 not a number, -2 an int too large for a float: the caller
 * refuses); complex_attr: .real / .imag (*found); complex(). */
SimId complex_binary(PyRun *I, int op, SimId a, SimId b);
SimId complex_unary(PyRun *I, int op, SimId a);
SimId complex_abs(PyRun *I, SimId a);
int complex_equal(PyRun *I, SimId a, SimId b);
void complex_repr(PyRun *I, SimId v, Buf *out);
SimId complex_attr(PyRun *I, SimId v, const char *name, bool *found);
/* number_methods.c: an int's, bool's or float's real, imag, numerator,
 * denominator (*found false for any other name) */
SimId number_attr(PyRun *I, SimId v, const char *name, bool *found);
SimId complex_construct(PyRun *I, SimId *args, int nargs, SimId kw);
/* format_spec.c: format(v, spec) of a built-in object (int, bool, float
 * and str read the whole mini-language; others only ''), appended to out;
 * false with CPython's error raised. */
bool format_builtin(PyRun *I, SimId v, const char *spec, Buf *out);
/* What Python/formatter_unicode.c makes besides the result (tracemalloc's
 * peak; format_object.c): a float's digit buffer (buf bytes), the digits'
 * str of the slow paths (tmp characters), an int's decimal scratch. */
typedef struct FormatScratch {
    enum { FS_NONE, FS_FLOAT_FAST, FS_FLOAT_SLOW, FS_INT_FAST, FS_INT_SLOW, FS_INT_POW2, FS_UNKNOWN } how;
    size_t buf, tmp;
} FormatScratch;
bool format_builtin_scratch(PyRun *I, SimId v, const char *spec, Buf *out, FormatScratch *fs);
/* format_object.c: PyObject_Format(v, spec), a new str or 0 with the error
 * raised; does it bind __format__ (an exact int, float, bool or str other
 * than an exact str or int without a spec)? */
SimId format_object(PyRun *I, SimId v, const char *spec);
bool format_binds_method(PyRun *I, SimId v, bool spec_given);
/* Under tracemalloc: the peak is not followed past str() of such a v */
void format_text_note(PyRun *I, SimId v);
/* PyObject_Format(b, '') of a bool b: its bound __format__ around str(b) */
void format_bool_text(PyRun *I);
/* str_format.c: str.format (the method's BuiltinFn) */
SimId str_format(PyRun *I, SimId *args, int nargs, SimId kw);
SimId str_format_map(PyRun *I, SimId *args, int nargs, SimId kw);
/* str.c: a str's or bytes' repr with CPython's quote choice */
/* repr of a str's UTF-8 (or bytes): ucd is the profile's Unicode database
 * (0: 3.11, 1: 3.12, 2: 3.13), which says what a str's repr escapes */
void str_repr(const char *data, size_t n, bool bytes, int ucd, Buf *out);

/* iter.c: iter(obj) and next(it) for the VM and the builtins: dict and set
 * iterators raise RuntimeError when the container changes size (or keys)
 * under them, as CPython's do. iter_next returns 0 at the end (no error
 * set) or on error (I->ts->err set). */
SimId iter_new(PyRun *I, SimId obj);
SimId iter_next(PyRun *I, SimId it);
/* One step of iterator `it`: 1 with the item in *out (new reference), 0 at
 * the end, -1 when it raised (an exception being handled by an enclosing
 * except clause, still set meanwhile, is not mistaken for one). */
int iter_step(PyRun *I, SimId it, SimId *out);
/* iter.c: the __length_hint__ of a composite iterator (dflt when it has
 * none, -1 on error); iter(callable, sentinel). */
int64_t iter_length_hint(PyRun *I, SimId it, int64_t dflt);
/* list.c: PyObject_LengthHint(v, dflt): its length, its __length_hint__,
 * else dflt; -1 with the error set. */
int64_t py_length_hint(PyRun *I, SimId v, int64_t dflt);
SimId iter_callable(PyRun *I, SimId callable, SimId sentinel);
/* iter_lazy.c: the builtins enumerate, zip, map, filter, reversed (BuiltinFn),
 * their next item, reversed() of a dict or one of its views */
SimId iter_enumerate(PyRun *I, SimId *args, int nargs, SimId kw);
SimId iter_zip(PyRun *I, SimId *args, int nargs, SimId kw);
SimId iter_map(PyRun *I, SimId *args, int nargs, SimId kw);
SimId iter_filter(PyRun *I, SimId *args, int nargs, SimId kw);
SimId iter_reversed(PyRun *I, SimId *args, int nargs, SimId kw);
SimId lazy_next(PyRun *I, SimId it, SimXType xt);
/* What the iterator objects share (iter_lazy.c): a composite iterator (0
 * with MemoryError raised when refused); PyObject_GetIter with CPython's
 * TypeError; a tuple of n Nones; the result tuple to fill again (`held`
 * when only its iterator holds it, else a new one; a new reference). */
SimId iter_composite(PyRun *I, SimXType xt, uint32_t nrefs, uint32_t nints, uint32_t nblocks, bool track);
SimId iter_get(PyRun *I, SimId v);
SimId iter_nones(PyRun *I, size_t n);
SimId iter_reuse_result(PyRun *I, SimId held, size_t n, bool *reused);
SimId lazy_reversed_dict(PyRun *I, SimId dict_or_view);
SimId lazy_reversed_dict_next(PyRun *I, SimId it, SimXType xt);
/* modules/itertools.c: the next item of an itertools object */
SimId itertools_next(PyRun *I, SimId it, SimXType xt);

#endif
