/*
 * sim_objects: making and reading the heap's objects of each kind (ints,
 * strs, containers, program classes and instances, weak references,
 * generators, free lists), split from sim.h, which includes it after the
 * object table, the references and the events it builds on.  Include
 * sim/sim.h, never this file.
 */
#ifndef PYDIVE_SIM_SIM_OBJECTS_H
#define PYDIVE_SIM_SIM_OBJECTS_H

/* ---- object creation (each returns a new reference) --------------------- */
SimId sim_int(Sim *s, int64_t v);
/* A big int (sub = 1): sign and n base-2^30 digits, little-endian. */
SimId sim_int_big(Sim *s, int sign, const uint32_t *digits, uint32_t n);
/* An int whose block CPython asked `request` bytes for (x_add's and x_mul's
 * spare digits, which long_normalize leaves allocated); a small value is
 * the cached int, its block made and dropped (maybe_small_long). */
SimId sim_int_request(Sim *s, int64_t v, size_t request);
SimId sim_int_big_request(Sim *s, int sign, const uint32_t *digits, uint32_t n, size_t request);
/* a block of n bytes allocated and freed at once */
void sim_block_flash(Sim *s, size_t n);
SimId sim_float(Sim *s, double v);
SimId sim_complex(Sim *s, double re, double im);
SimId sim_bool(Sim *s, bool v);
SimId sim_none(Sim *s);
SimId sim_str(Sim *s, const char *utf8, size_t n);
SimId sim_str_intern(Sim *s, const char *utf8, size_t n);
/* A str CPython keeps as a static object (_Py_ID: bool_repr's "True"):
 * no memory, never traced.  From 3.12 the statics are interned, so this is
 * the interned str of that text; under 3.11 a new static object apart from
 * the interned one, which the caller keeps.  A new reference. */
SimId sim_str_static(Sim *s, const char *utf8, size_t n);
/* The same for a name a code object uses (co_names, its variables):
 * immortal where the profile interns names so (3.13). */
SimId sim_str_intern_name(Sim *s, const char *utf8, size_t n);
/* A new str even of one character (PyUnicode_New: case mappings, padding
 * make one where sim_str would give the latin-1 singleton); "" is shared. */
SimId sim_str_fresh(Sim *s, const char *utf8, size_t n);
/* The interned string equal to str (a new reference): str itself, made the
 * interned one, when none was interned yet (PyUnicode_InternInPlace). */
SimId sim_str_intern_obj(Sim *s, SimId str);
SimId sim_bytes(Sim *s, const uint8_t *data, size_t n); /* data NULL: zeros */
/* PyBytes_FromStringAndSize(data, n): the shared empty bytes, the shared
 * one-byte bytes (data given), else a new object */
SimId sim_bytes_shared(Sim *s, const uint8_t *data, size_t n);
SimId sim_bytearray(Sim *s, const uint8_t *data, size_t n);
/* A list or tuple of n NULL slots.  When the budget refuses one of more than
 * SIM_SMALL_ITEMS items it comes back empty (len 0): a caller that fills
 * the slots itself checks sim_nomem first; smaller ones always have their
 * slots (only their memory block may be refused). */
#define SIM_SMALL_ITEMS 64u
SimId sim_list(Sim *s, size_t n);
SimId sim_tuple(Sim *s, size_t n);          /* fill with sim_tuple_set */
/* A tuple of n items made and dropped at once (_PyObject_MakeTpCall's
 * argument tuple): true when it would come off its free list and go back
 * there with nothing recorded (events off), no collection, no refusal and
 * no deferred dealloc, so that the heap would end as it began: the caller
 * then makes none.  False: the caller makes it and drops it. */
bool sim_tuple_roundtrip(Sim *s, size_t n);
SimId sim_dict(Sim *s);
/* A dict as dict() makes it (dict_new: tp_alloc, never the free list). */
SimId sim_dict_from_type(Sim *s);
/* An empty list as list() makes it (list_vectorcall: tp_alloc, never the free list). */
SimId sim_list_from_type(Sim *s);
/* A dict sized for n entries, as BUILD_MAP / dict literals make it. */
SimId sim_dict_presized(Sim *s, size_t n, bool str_keys);
SimId sim_set(Sim *s);
/* A new int object (never a cached small one) flagged SIM_INT_UNSURE: a
 * reference count that includes references the model does not keep. */
SimId sim_int_unsure(Sim *s, int64_t v);
/* An int CPython makes with _PyLong_New(ndigits) (PyLong_FromSsize_t: len(),
 * hash(), sys.getsizeof(), enumerate's index; PyLong_FromString: int('12345')),
 * without the padding of sim_int's one-digit ints: the same object, a
 * smaller request */
SimId sim_int_digits(Sim *s, int64_t v);
SimId sim_object(Sim *s);
SimId sim_instance(Sim *s, SimId cls);
/* The model's exception classes (static types in CPython, calibrated as
 * part of the start-up heap), or with `program` a subclass of one that the
 * program defines (a heap type: sizeof(PyHeapTypeObject), no cached keys,
 * as BaseException lays out its own __dict__): name, base and dict stolen. */
SimId sim_type_new(Sim *s, SimId name, SimId base, SimId dict, bool program);

/* ---- program classes (type.c) ----------------------------------------- */
/* The payload words of a class (kind SK_TYPE, sub SK_INSTANCE). */
enum {
    SIM_TY_NAME,        /* __name__ (owned str) */
    SIM_TY_MRO,         /* __mro__ (owned tuple; 0 once the collector cleared it) */
    SIM_TY_NENTRIES,    /* the shared keys of its instances' dicts: entries, */
    SIM_TY_USABLE,      /* ... and usable slots left */
    SIM_TY_BASES,       /* __bases__ (owned tuple; 0 for an exception class) */
    SIM_TY_QUALNAME,    /* __qualname__ (owned str) or 0 */
    SIM_TY_SLOTS,       /* ht_slots: its own slot names, sorted (owned tuple) or 0 */
    SIM_TY_SUBCLASSES,  /* tp_subclasses {address: weakref} (owned dict) or 0 */
    SIM_TY_SUBKEY,      /* its entry in a built-in base's subclass dict, which the */
    SIM_TY_SUBREF,      /*   model does not hold: the key int and the weakref (owned) */
    SIM_TY_NSLOTS,      /* slot values per instance, the bases' first */
    SIM_TY_BASICSIZE,   /* tp_basicsize of its instances */
    SIM_TY_FLAGS,       /* SIM_TYF_* */
    SIM_TY_KIND,        /* the built-in kind its instances are laid out as (SK_LIST, SK_DICT,
                         * SK_TUPLE: a subclass of that type, subinst.c) or 0 (SK_INSTANCE) */
    SIM_TY_NWORDS
};
#define SIM_TYF_HEAP 1u    /* a program's class (sim_class_new), object at the root */
#define SIM_TYF_DICT 2u    /* its instances have a __dict__ */
#define SIM_TYF_WEAK 4u    /* its instances can be weakly referenced */
#define SIM_TYF_GETATTR 8u /* it or a base defines __getattribute__ or __getattr__ */
#define SIM_TYF_SETATTR 16u /* ... __setattr__ or __delattr__ (pyrun sets both) */
#define SIM_TYF_EXC_HEAP 32u /* an exception class the program made (sim_type_new) */
#define SIM_TYF_NATIVE 64u  /* made by a module of the model (weakref's classes): its methods are built-ins */
#define SIM_TYF_VARDICT 128u /* 3.11, a tuple's subclass: the __dict__ pointer ends the variable-size
                              * object (tp_dictoffset < 0), not the managed pre-header */
#define SIM_TYF_ABCMETA 256u /* abc.ABC or a class deriving from it (pyrun/modules/abc.c sets it) */
#define SIM_TYF_ENUM 512u    /* enum.Enum or a class deriving from it: its instances hash as their _name_ */
#define SIM_TYF_TYPING 1024u /* typing's class of annotation objects (pyrun/modules/typing.c) */
#define SIM_TYF_ODICT 4096u /* collections.OrderedDict or a class deriving from it: its nodes are odict.c's,
                               * its __dict__ and weakref list inside tp_basicsize (no pre-header) */
#define SIM_TYF_NAMEDTUPLE 2048u /* made by collections.namedtuple (pyrun/modules/collections_namedtuple.c) */
#define SIM_TYF_FROZEN 8192u /* laid out as a frozenset (SIM_TY_KIND SK_SET): its instances are frozen */
#define SIM_TYF_LOCAL 16384u /* threading.local or a class deriving from it: its instances' __dict__ is the
                              * running thread's (pyrun/modules/threading_local.c swaps it) */
#define SIM_TYF_NOGC 32768u /* made by a module of the model for a C type whose objects have no GC header and
                             * are never tracked (datetime's): tp_basicsize is the whole object (less
                             * SIM_TY_USABLE bytes allocated: they have no dict), and its slot words (no
                             * slot names) hold raw data, not references */
#define SIM_TYF_KEYSFULL 65536u /* an instance wanted a name its shared keys had no room for: that
                                * instance's dict went combined in CPython, which the model does
                                * not follow (sys.getsizeof of its instances' dicts is refused) */

/* What type_new has decided before it allocates the class. */
typedef struct SimClassSpec {
    SimId name, qualname;  /* stolen */
    SimId bases;           /* stolen: __bases__, never empty ((object,) for none) */
    SimId dict;            /* stolen: the copy of the class namespace */
    SimId best;            /* borrowed: tp_base, the program class whose layout it
                            * extends, or 0 for object */
    const SimId *mro;      /* the linearisation after the class itself (borrowed) */
    size_t nmro;
    bool merged;           /* several bases: the C3 merge builds a list first */
    SimId slots;           /* stolen: its own slot names, sorted, or 0 (no __slots__) */
    bool add_dict, add_weak; /* it gives its instances __dict__ / __weakref__ */
    SimKind layout;        /* SK_LIST, SK_DICT, SK_TUPLE, SK_FLOAT, SK_INT, SK_STR, SK_SET,
                            * SK_BYTES: a subclass of that built-in type (directly or through
                            * `best`); SK_TYPE: a metaclass; 0: of object */
    bool frozen;           /* layout SK_SET: of frozenset */
    SimId meta;            /* borrowed: its metaclass, a program's subclass of type (the class
                            * holds a reference in SimObj.type), or 0 for type itself */
} SimClassSpec;
/* type_new from the allocation of the class on (Objects/typeobject.c): the
 * class (tracked), its __mro__, the member descriptors of its slots, the
 * __dict__ / __weakref__ getset descriptors, __doc__, its weakref in each
 * base's subclass dict.  A new reference. */
SimId sim_class_new(Sim *s, const SimClassSpec *spec);
/* A word of a class's payload (0 for a built-in type). */
uint32_t sim_type_word(const Sim *s, SimId cls, int word);
/* The slot values of a program class's instance (NULL when it has none). */
SimId *sim_inst_slots(const Sim *s, SimId inst);
/* A function; its payload holds these (owned, 0 when absent; the dict and
 * the annotations are made on first use). */
enum { SIM_FN_NAME, SIM_FN_DEFAULTS, SIM_FN_CLOSURE, SIM_FN_DICT, SIM_FN_ANNOTATIONS, SIM_FN_KWDEFAULTS,
       /* set once the program assigns them (functools.update_wrapper does); the docstring
        * from the start: 0 means None, "__main__", the code's name, () */
       SIM_FN_DOC, SIM_FN_MODULE, SIM_FN_FUNCNAME, SIM_FN_TYPEPARAMS,
       SIM_FN_NPARTS };
SimId sim_func(Sim *s, uint32_t code, SimId name, SimId globals, SimId defaults, SimId closure);
SimId sim_method(Sim *s, SimId func, SimId self);
SimId sim_builtin(Sim *s, uint32_t index, SimId self);
/* A method-wrapper: a slot wrapper bound to self (smaller than a built-in method) */
SimId sim_method_wrapper(Sim *s, uint32_t index, SimId self);
#define SIM_BUILTIN_WRAPPER 1 /* SimObj.sub of an SK_BUILTIN that is a method-wrapper */
SimId sim_cell(Sim *s, SimId content);
/* ghost.c: a cell and a tuple the model needs where CPython 3.12+ makes
 * nothing (an inlined comprehension's variables and closure): their memory
 * untraced by tracemalloc, never counted towards a collection nor tracked,
 * the tuple never from or to the free list. */
SimId sim_cell_ghost(Sim *s, SimId content);
SimId sim_tuple_ghost(Sim *s, size_t n);
/* A super object (40 bytes and a GC header, tracked); it holds no references here. */
SimId sim_super(Sim *s);
SimId sim_module(Sim *s, SimId name, SimId dict);
SimId sim_range(Sim *s, int64_t start, int64_t stop, int64_t step);
/* A slice object (PySlice_New: the cached one when there is one, tracked);
 * start, stop and step stolen (None where absent). */
SimId sim_slice(Sim *s, SimId start, SimId stop, SimId step);
SimId sim_iter(Sim *s, SimId over);         /* NULL if not iterable */
/* A range_iterator from start by step up to stop (range.__reversed__ makes one too). */
SimId sim_range_iter(Sim *s, int64_t start, int64_t stop, int64_t step);
/* Next item (new reference) or 0 when exhausted (a simple iterator). */
SimId sim_iter_next(Sim *s, SimId it);
/* iter.c: a composite iterator of type xt (its size and GC header from the
 * type) with nrefs reference slots (0, filled by the caller, owned), nints
 * int64 counters (0) and room for nblocks PyMem blocks of its own
 * (sim_iter_block); tracked at once when `track` (PyType_GenericAlloc), else
 * the caller tracks it once filled (PyObject_GC_New + Track).  A refused one
 * comes back without payload (sim_nomem says so). */
SimId sim_iter_composite(Sim *s, SimXType xt, uint32_t nrefs, uint32_t nints, uint32_t nblocks, bool track);
static inline SimId *sim_iter_refs(const Sim *s, SimId it) { return slab_ptr(&s->slab, s->obj[it].data); }
int64_t sim_iter_int(const Sim *s, SimId it, uint32_t k);
/* An lru_cache wrapper's (SIM_XT_FT_LRU_WRAPPER) counter holding its first
 * link, and a link's (SIM_XT_FT_LRU_ELEM: refs key, result) holding the next:
 * lru_cache_tp_traverse visits each link's result and key (functools_lru.c). */
enum { SIM_LRU_FIRST = 3, SIM_LRU_ELEM_NEXT = 1 };
void sim_iter_set_int(Sim *s, SimId it, uint32_t k, int64_t v);
/* Block k of an iterator: b (`nbytes` from pm_alloc, PyMem_Malloc's), owned
 * by it from now on, freed with it and counted by its __sizeof__
 * (itertools' index arrays). */
void sim_iter_set_block(Sim *s, SimId it, uint32_t k, PmPtr b, size_t nbytes);
/* The SimXType of an iterator or view (SIM_XT_NONE for other objects). */
SimXType sim_xtype_of(const Sim *s, SimId id);
/* Is it one of the standard modules' composite objects that are not
 * iterators (a partial, an itemgetter ...)? */
static inline bool sim_is_native(const Sim *s, SimId id)
{
    SimXType xt = s->obj[id].kind == SK_ITER ? sim_xtype_of(s, id) : SIM_XT_NONE;
    return xt >= SIM_XT_NATIVE_FIRST && xt <= SIM_XT_NATIVE_LAST;
}
/* tp_name of a built-in type object ("list_iterator", "itertools.count",
 * "weakref.ReferenceType"); NULL for a program's class. */
const char *sim_type_obj_name(const Sim *s, SimId type);
SimId sim_dictview(Sim *s, SimId dict, int view);
/* descr.c: property(fget, fset, fdel, doc) (each may be 0; references
 * stolen; payload [fget, fset, fdel, doc]); classmethod / staticmethod of
 * func with its attribute dict (kind SK_CLASSMETHOD or SK_STATICMETHOD;
 * both stolen, dict may be 0). */
SimId sim_property(Sim *s, SimId fget, SimId fset, SimId fdel, SimId doc);
SimId sim_method_descr(Sim *s, SimKind kind, SimId func, SimId dict);
/* A weak reference to obj (NULL if obj cannot be weakly referenced). */
SimId sim_weakref(Sim *s, SimId obj, SimId callback);
/* A weak reference of kind sub (SIM_WR_*) to obj with callback (borrowed,
 * may be 0) and, for SIM_WR_KEYED, key (borrowed; the ref owns it).  A
 * callback-less ref or proxy is the object's shared one.  NULL if obj
 * cannot be weakly referenced. */
SimId sim__weakref_new(Sim *s, SimId obj, SimId callback, uint8_t sub, SimId key);

/* ---- accessors ---------------------------------------------------------- */
static inline SimId *sim_items(const Sim *s, SimId id) { return slab_ptr(&s->slab, s->obj[id].data); }
/* Does p point into the payload array?  (Such a pointer dies at the next
 * allocation, which may move the array.) */
static inline bool sim_in_slab(const Sim *s, const void *p)
{
    uintptr_t w = (uintptr_t)s->slab.words, c = (uintptr_t)p;
    return c >= w && c < w + s->slab.cap * sizeof *s->slab.words;
}
const char *sim_str_data(const Sim *s, SimId id, size_t *n);
bool sim_str_equals(const Sim *s, SimId str, const char *text);
/* id(): the address CPython's object would have; reading it is one of
 * gc_timing.c's channels (sim_timing_seen).  sim__id_address: the same
 * without the note, for the hashes whose orders are refused anyway. */
uint64_t sim_id_address(Sim *s, SimId id);
uint64_t sim__id_address(const Sim *s, SimId id);
SimId sim_type_of(const Sim *s, SimId id);      /* borrowed */
const char *sim_type_name(const Sim *s, SimId id);   /* of the object's type */
const char *sim_kind_name(SimKind k);
bool sim_is_gc_type(const Sim *s, SimId id);
/* the bytes of its block before the object: the GC header and the managed
 * pre-header (what sys.getsizeof adds to __sizeof__) */
size_t sim_header_size(const Sim *s, SimId id);
/* getsizeof() */
size_t sim_sizeof(const Sim *s, SimId id);
static inline bool sim_is_tracked(const Sim *s, SimId id) { return (s->obj[id].flags & SIM_F_TRACKED) != 0; }
void sim_track(Sim *s, SimId id);
void sim_untrack(Sim *s, SimId id);
/* May the object be tracked (dict tracking rule, _PyObject_GC_MAY_BE_TRACKED)? */
static inline bool sim_may_be_tracked(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (o->flags & SIM_F_STATIC)
        return false;
    if (o->kind == SK_TUPLE) /* only tuples answer by their tracking state */
        return (o->flags & SIM_F_TRACKED) != 0;
    return (o->flags & SIM_F_GCTYPE) != 0;
}

/* ---- lists and tuples --------------------------------------------------- */
/* steals item (released when the budget refuses the growth) */
void sim_list_append(Sim *s, SimId list, SimId item);
void sim_list_set(Sim *s, SimId list, size_t i, SimId item); /* steals; drops old */
/* CPython list_resize; false (the list unchanged) when the budget refuses. */
bool sim_list_resize(Sim *s, SimId list, size_t n);
/* Exactly n slots of room (list_preallocate_exact, list_new_prealloc). */
void sim_list_reserve_exact(Sim *s, SimId list, size_t n);
SimId sim_list_pop(Sim *s, SimId list, size_t i);      /* returns the reference */
void sim_list_clear(Sim *s, SimId list);
void sim_list_del(Sim *s, SimId list, size_t i);
/* del list[i]: as sim_list_del to 3.12; 3.13 moves the items down and keeps
 * the allocation (list_ass_item never shrinks) */
void sim_list_del_item(Sim *s, SimId list, size_t i);
void sim_list_insert(Sim *s, SimId list, size_t i, SimId item);
void sim_tuple_set(Sim *s, SimId t, size_t i, SimId item); /* steals, fills a new tuple */
/* _PyTuple_Resize of a tuple only the caller holds: *t gets n slots (the new
 * ones 0), its block reallocated as PyObject_GC_Resize does (or a new tuple
 * in place of an empty one); false (*t as it was) when the budget refuses. */
bool sim_tuple_resize(Sim *s, SimId *t, size_t n);
/* PyByteArray_Resize to n bytes (ob_alloc grows and shrinks as CPython's);
 * on a refusal the bytearray stays as it was (sim_nomem tells). */
void sim_bytearray_resize(Sim *s, SimId ba, size_t n);
/* array.array (array.c): the item size of a typecode (0: not one the
 * model has); a new array of n zeroed items allocated exactly (tracked);
 * array_resize to n items. */
unsigned sim_array_itemsize(char typecode);
SimId sim_array(Sim *s, char typecode, size_t n);
void sim_array_resize(Sim *s, SimId a, size_t n);
/* io.StringIO (stringio.c): a new one reading and writing by newline (its
 * reference is taken), tracked, its text empty (code points in its slab
 * payload, SimObj.len of them); room for n code points (false: refused). */
SimId sim_stringio(Sim *s, SimId newline);
bool sim_stringio_reserve(Sim *s, SimId sio, size_t n);
/* Item i of an array as Python reads it: an int, or a float ('f' widened). */
SimId sim_array_get(Sim *s, SimId a, size_t i);
/* A deletion of the first k bytes: the logical start advances, then the
 * resize (bytearray_setslice_linear with lo == 0). */
void sim_bytearray_drop_front(Sim *s, SimId ba, size_t k);

/* ---- dicts and sets (dict.c); keys must be hashable ---------------------- */
/* Returns false (and does nothing) when the key is unhashable. */
bool sim_hashable(const Sim *s, SimId key);
/* _Py_HashPointer of the object's address: object.__hash__ */
uint64_t sim_pointer_hash(const Sim *s, SimId k);
uint64_t sim_hash(const Sim *s, SimId key);
bool sim_equal(const Sim *s, SimId a, SimId b);
/* float_richcompare's exact int/float comparison: -1, 0, 1 as int iv is
 * below, equal to, above d; 2 when d is a NaN (hash.c) */
int sim_int_float_cmp(const Sim *s, SimId iv, double d);
/* range_equals: two ranges are equal when their items are (hash.c) */
bool sim_range_equal(const Sim *s, SimId a, SimId b);
/* dictresize: a keys table of 2^log2 slots (all-str keys or not) holding
 * the live entries; false (the dict as it was) when the budget refuses. */
bool sim_dict_resize(Sim *s, SimId d, unsigned log2, bool str_keys);
/* clone_combined_dict_keys: a table of that size, always freshly allocated (never the free list's) */
bool sim_dict_clone_table(Sim *s, SimId d, unsigned log2, bool str_keys);
/* calculate_log2_keysize: the log2 size of a table with minsize slots. */
unsigned sim_dict_log2_for(size_t minsize);
SimId sim_dict_get(const Sim *s, SimId d, SimId key);           /* borrowed or 0 */
SimId sim_dict_get_str(const Sim *s, SimId d, const char *name); /* borrowed or 0 */
void sim_dict_set(Sim *s, SimId d, SimId key, SimId value);     /* steals both */
bool sim_dict_del(Sim *s, SimId d, SimId key);                  /* false if absent */
/* dict.pop's one lookup: the value's reference (the entry gone), 0 if absent. */
SimId sim_dict_pop(Sim *s, SimId d, SimId key);
/* dict.setdefault's one lookup: the value now under key (borrowed), value
 * stored when key was absent; key and value stolen; 0 when a program's
 * __eq__ raised or the budget refused. */
SimId sim_dict_setdefault(Sim *s, SimId d, SimId key, SimId value);
/* Removes the entry whose key is this very object (popitem: no lookup). */
bool sim_dict_del_identical(Sim *s, SimId d, SimId key);
void sim_dict_clear(Sim *s, SimId d);
/* For caches of where a key lies (pyrun's name lookups): the entry index of
 * key, or -1; an entry's key and value are sim_items(s, d)[2 * i] and
 * [2 * i + 1] while i < v.dict.used (a deleted entry's key is 0).  The
 * version changes whenever a key is added to d, and no two dicts ever
 * share one but 0 (a dict no key was ever added to): a key absent at one
 * version is absent while the version stays. */
int64_t sim_dict_index(const Sim *s, SimId d, SimId key);
static inline uint64_t sim_dict_version(const Sim *s, SimId d) { return SIM_V(s, d, SK_DICT, dict.version); }
/* The last version any dict took; it also moves when a class is made or
 * cleared, so that while it stays, no class dict along any __mro__ gained a
 * key and every class still has the dict it had (the attribute caches' type
 * version tag). */
static inline uint64_t sim_dict_versions(const Sim *s) { return s->dict_versions; }
/* Replaces the value of entry i (value stolen), as sim_dict_set does for a
 * key already there. */
void sim_dict_replace_at(Sim *s, SimId d, uint32_t i, SimId value);
/* i-th live entry in insertion order (an OrderedDict's: its list's), from *pos; false at the end. Borrowed. */
bool sim_dict_next(const Sim *s, SimId d, uint32_t *pos, SimId *key, SimId *value);
/* The same in the order of the entries, whatever an OrderedDict's list says
 * (PyDict_Next: dict_dealloc, dict_traverse). */
bool sim__dict_next_raw(const Sim *s, SimId d, uint32_t *pos, SimId *key, SimId *value);
/* ---- instances and types ------------------------------------------------- */
SimId sim_attr_get(const Sim *s, SimId inst, SimId name);       /* borrowed or 0 */
SimId sim_attr_get_str(const Sim *s, SimId inst, const char *name); /* borrowed or 0 */
void sim_attr_set(Sim *s, SimId inst, SimId name, SimId value); /* steals value */
bool sim_attr_del(Sim *s, SimId inst, SimId name);
/* The instance's __dict__ (materialised on first request, as 3.11 does; on
 * 3.13 it is a view of the inline values, flagged SIM_F_EMBEDDED until a
 * resize makes it own them). */
SimId sim_instance_dict(Sim *s, SimId inst);                    /* borrowed */
/* Looks `name` up along the class and its bases; borrowed or 0. */
SimId sim_type_lookup(const Sim *s, SimId cls, const char *name);
/* strhash.c: CPython's hash of a str (given as UTF-8) and of bytes under
 * PYTHONHASHSEED=0; what sim_hash() gives them */
uint64_t sim_str_hash(const char *utf8, size_t n);
uint64_t sim_bytes_hash(const uint8_t *p, size_t n);
/* The same for a name the program holds (a str): hashed, any bytes. */
SimId sim_type_lookup_str(const Sim *s, SimId cls, SimId name);
bool sim_is_subtype(const Sim *s, SimId cls, SimId base);

/* ---- weak references -------------------------------------------------- */
/* Clears every weakref to obj and calls the callbacks (PyObject_ClearWeakRefs). */
void sim_clear_weakrefs(Sim *s, SimId obj, bool call_callbacks);

/* ---- generators (gen.c) ------------------------------------------------ */
/* A generator's state (SimObj.sub), as CPython's gi_frame_state. */
enum { SIM_GEN_CREATED, SIM_GEN_SUSPENDED, SIM_GEN_RUNNING, SIM_GEN_CLOSED };
/* What a generator object is (gen.flavor): a generator, or a coroutine
 * (an `async def` function's, type 'coroutine': the same object layout). */
enum { SIM_GEN_PLAIN, SIM_GEN_CORO };
static inline bool sim_is_coro(const Sim *s, SimId id)
{
    return s->obj[id].kind == SK_GEN && s->obj[id].v.gen.flavor == SIM_GEN_CORO;
}
/* A generator object for code `code` whose frame holds `framesize` slots
 * (co_nlocalsplus + co_stacksize: its size depends on them); it takes
 * over func (owned) and is tracked.  Its payload holds the frame the host
 * saves while it is suspended: `len` owned references first (the frame's
 * locals and stack), then words of the host's own.  0 when refused. */
SimId sim_gen_new(Sim *s, uint32_t code, SimId func, uint32_t framesize);
/* The payload of gen with room for `words` words, keeping what it holds;
 * NULL (refusal recorded) when the budget refuses it.  Valid until the
 * next allocation. */
uint32_t *sim_gen_words(Sim *s, SimId gen, size_t words);
/* Drops the saved frame's references (slot order), as _PyFrame_Clear. */
void sim_gen_clear_frame(Sim *s, SimId gen);

/* ---- free lists ------------------------------------------------------- */
/* Empties every type free list (what a full collection does). */
void sim_clear_freelists(Sim *s);
/* How many blocks each free list holds (a state measured on CPython). */
typedef struct SimFreeStock {
    uint8_t dicts, keys, lists, floats;
    uint8_t tuples[SIM_TUPLE_MAXSAVE]; /* by size */
} SimFreeStock;
/* Parks the blocks `st` counts on the free lists, on top of their stock. */
void sim_stock_freelists(Sim *s, const SimFreeStock *st);
/* Takes the blocks `st` counts off the free lists (as far as they hold them). */
void sim_take_freelists(Sim *s, const SimFreeStock *st);
/* Parks or frees blocks until the free lists hold what `st` counts. */
void sim_set_freelists(Sim *s, const SimFreeStock *st);
/* The free lists as CPython's are known after code the model does not
 * replay: each holds at least `lo`'s count and at most `hi`'s.  Where the
 * model's choice could then differ from CPython's (a block wanted from a
 * list that may or may not be empty, one parked on a list that may be
 * full), fl_guess_missed is set. */
void sim_guess_freelists(Sim *s, const SimFreeStock *lo, const SimFreeStock *hi);
/* The free lists' counts and slacks. */
void sim_read_freelists(const Sim *s, SimFreeStock *n, SimFreeStock *slack);
/* Moves the stock of the dict and list free lists (pyrun/gc_timing.c: the
 * stock CPython's compiler leaves at the first line is not modelled). */
void sim_shift_freelists(Sim *s, int dicts, int lists);
/* The free lists set aside while the model makes what CPython made before
 * (a module's objects an earlier import made): nothing comes off them and
 * nothing is parked on them; what was parked meanwhile is freed when they
 * are put back. */
typedef struct SimFreeStash {
    SimFreeList fl_float, fl_list, fl_dict, fl_keys, fl_tuple[SIM_TUPLE_MAXSAVE];
} SimFreeStash;
void sim_freelists_stash(Sim *s, SimFreeStash *st);
void sim_freelists_unstash(Sim *s, SimFreeStash *st);
/* A dict (with its keys table) and a list made before tracing began take the
 * places CPython's would take now: a block off each free list (its trace
 * passing to the object), or a fresh, traced one when the list is empty. */
void sim_adopt_from_freelists(Sim *s, SimId dict, SimId list);

/* Calls fn on every object `id` refers to (tp_traverse order). */
typedef void (*SimVisit)(Sim *s, SimId ref, void *arg);
void sim_traverse(Sim *s, SimId id, SimVisit fn, void *arg);

#endif
