/*
 * sim: the simulated CPython heap — objects, types, reference counts,
 * free lists, weak references, and the event ring a view reads.
 *
 * Every Python object of a pyrun program is a record in one compact table
 * (SimObj, addressed by a SimId); its memory is a pymalloc block (or a
 * modelled malloc) of the size CPython would allocate, and its refcount
 * moves where CPython's moves.  Payloads (items, entries, characters) live
 * in a shared slab.  The heap performs no I/O; where CPython would run
 * Python code (a __del__ method, a weakref callback) it calls the hooks the
 * host installed.  The collector is in gc.h, statistics in stats.h.
 */
#ifndef PYDIVE_SIM_SIM_H
#define PYDIVE_SIM_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/check.h"
#include "sim/profile.h"
#include "sim/pymalloc.h"
#include "sim/slab.h"

typedef uint32_t SimId; /* 0 = NULL */

typedef enum SimKind {
    SK_FREE, SK_SENTINEL, SK_NONE, SK_BOOL, SK_INT, SK_FLOAT, SK_STR, SK_BYTES,
    SK_BYTEARRAY, SK_LIST, SK_TUPLE, SK_DICT, SK_SET, SK_OBJECT, SK_TYPE,
    SK_INSTANCE, SK_FUNC, SK_METHOD, SK_BUILTIN, SK_WEAKREF, SK_CELL, SK_MODULE,
    SK_RANGE, SK_ITER, SK_DICTVIEW, SK_NOTIMPL, SK_SUPER, SK_GEN,
    SK_PROPERTY, SK_CLASSMETHOD, SK_STATICMETHOD, /* descr.c */
    SK_ELLIPSIS,
    SK_MEMBER_DESCR, SK_GETSET_DESCR, /* type.c: a class's slots, its __dict__ / __weakref__ */
    SK_TRACEBACK, SK_FRAME, /* exc.c */
    SK_DEQUE, /* deque.c: collections.deque */
    SK_ARRAY, /* array.c: array.array */
    SK_STRINGIO, /* stringio.c: io.StringIO */
    SK_CODE,  /* a code object: pyrun's, made static on first use (sim_code_new) */
    SK_COMPLEX, /* objects.c: two doubles, 32 bytes, no free list, never tracked */
    SK_COUNT
} SimKind;

/* flags */
#define SIM_F_TRACKED 0x01u
#define SIM_F_FINALIZED 0x02u   /* __del__ already ran (PEP 442) */
#define SIM_F_COLLECTING 0x04u
#define SIM_F_UNREACHABLE 0x08u
#define SIM_F_STATIC 0x10u      /* no memory of its own (startup/static object) */
#define SIM_F_IMMORTAL 0x20u    /* PEP 683: refcount never moves */
#define SIM_F_SPECIAL 0x40u     /* str: interned; type: defines __del__ */
#define SIM_F_EMBEDDED SIM_F_SPECIAL /* dict: values inline in its instance (3.13) */
#define SIM_F_GCTYPE 0x80u      /* allocated with a GC header */

#define SIM_GEN_PERMANENT 3

/* iterator kinds (SimObj.sub of SK_ITER) and view kinds (SK_DICTVIEW).  The
 * sim walks the first ones itself (sim_iter_next); a composite iterator
 * (enumerate, zip, map ...: iter.c) holds SimObj.len owned references in its
 * payload, then int64 counters, and pyrun walks it by its type (SimXType). */
enum { SIM_IT_LIST, SIM_IT_TUPLE, SIM_IT_RANGE, SIM_IT_STR, SIM_IT_DICT, SIM_IT_SET, SIM_IT_BYTES,
       SIM_IT_COMPOSITE, SIM_IT_ARRAY };
enum { SIM_VIEW_KEYS, SIM_VIEW_VALUES, SIM_VIEW_ITEMS,
       SIM_VIEW_PROXY /* a mappingproxy of a class's dict (Cls.__dict__): read-only, iterates as keys */ };
/* SimObj.sub of an SK_INSTANCE that is an exception (exc.c): of a built-in
 * exception class, or of a class the program made */
enum { SIM_INST_PLAIN, SIM_INST_EXC, SIM_INST_EXC_HEAP };
/* SimObj.sub of SK_WEAKREF: weakref.ref, weakref.KeyedRef (its payload holds
 * the key, owned), weakref.proxy of an object that is not / is callable */
enum { SIM_WR_REF, SIM_WR_KEYED, SIM_WR_PROXY, SIM_WR_CALLABLE_PROXY };
/* SimObj.sub of SK_FRAME: its frame still runs, or it owns the slots */
enum { SIM_FRAME_LIVE, SIM_FRAME_OWNED };

/* The built-in types beyond one per kind: the iterators' and the views'
 * (sim_xtype_name gives their tp_name).  An iterator's type object is in
 * SimObj.type (static, not owned); a type object of these has sub = its
 * kind and cap = its SimXType. */
typedef enum SimXType {
    SIM_XT_NONE,
    SIM_XT_DICT_KEYS, SIM_XT_DICT_VALUES, SIM_XT_DICT_ITEMS,
    SIM_XT_SEQ_ITER, /* "iterator": the old sequence protocol (types[SK_ITER]) */
    SIM_XT_LIST_ITER, SIM_XT_LIST_REVITER, SIM_XT_TUPLE_ITER, SIM_XT_RANGE_ITER,
    SIM_XT_STR_ASCII_ITER, SIM_XT_STR_ITER, SIM_XT_BYTES_ITER, SIM_XT_BYTEARRAY_ITER,
    SIM_XT_SET_ITER, SIM_XT_DICT_KEYITER, SIM_XT_DICT_VALUEITER, SIM_XT_DICT_ITEMITER,
    SIM_XT_DICT_REVKEYITER, SIM_XT_DICT_REVVALUEITER, SIM_XT_DICT_REVITEMITER,
    SIM_XT_CALL_ITER, SIM_XT_REVERSED, SIM_XT_ENUMERATE, SIM_XT_ZIP, SIM_XT_MAP, SIM_XT_FILTER,
    /* itertools */
    SIM_XT_IT_COUNT, SIM_XT_IT_REPEAT, SIM_XT_IT_CYCLE, SIM_XT_IT_CHAIN, SIM_XT_IT_ISLICE,
    SIM_XT_IT_ACCUMULATE, SIM_XT_IT_STARMAP, SIM_XT_IT_TAKEWHILE, SIM_XT_IT_DROPWHILE,
    SIM_XT_IT_FILTERFALSE, SIM_XT_IT_COMPRESS, SIM_XT_IT_ZIP_LONGEST, SIM_XT_IT_PAIRWISE,
    SIM_XT_IT_PRODUCT, SIM_XT_IT_PERMUTATIONS, SIM_XT_IT_COMBINATIONS, SIM_XT_IT_CWR,
    SIM_XT_IT_GROUPBY, SIM_XT_IT_GROUPER, SIM_XT_IT_BATCHED, SIM_XT_IT_TEE, SIM_XT_IT_TEEDATA,
    /* collections.deque's */
    SIM_XT_DEQUE_ITER, SIM_XT_DEQUE_REVITER,
    SIM_XT_ODICT_KEYS, SIM_XT_ODICT_VALUES, SIM_XT_ODICT_ITEMS, /* an OrderedDict's views (SK_DICTVIEW) */
    SIM_XT_ODICT_ITER, /* odict_iterator: refs [od, di_current, di_result], ints [kind, size, state] */
    SIM_XT_ARRAY_ITER, /* array.arrayiterator */
    /* weakref's proxies (kind SK_WEAKREF) */
    SIM_XT_WR_PROXY, SIM_XT_WR_CALLABLE_PROXY,
    /* the generators of weakref's containers: keys/values, items (kind SK_ITER) */
    SIM_XT_WR_GEN, SIM_XT_WR_GEN_ITEMS,
    /* the generators of a ChainMap's views' __iter__ (collections.abc's KeysView,
     * ItemsView, ValuesView: chainview.c's order): refs [view, iterator over the
     * keys once started] */
    SIM_XT_CM_GEN_KEYS, SIM_XT_CM_GEN_ITEMS, SIM_XT_CM_GEN_VALUES,
    /* the generator of EnumType.__iter__ / __reversed__ (a generator expression
     * over cls._member_names_): refs [cls, the names' iterator], ints [reversed] */
    SIM_XT_ENUM_GEN,
    /* the standard modules' objects that are not iterators, composite all the
     * same (refs and counters): pyrun/types/native.c calls them */
    SIM_XT_OP_ITEMGETTER, SIM_XT_OP_ATTRGETTER, SIM_XT_OP_METHODCALLER, SIM_XT_FT_PARTIAL,
    SIM_XT_FT_LRU_WRAPPER, SIM_XT_FT_LRU_ELEM, SIM_XT_FT_CACHEINFO,
    SIM_XT_CL_HELPER, SIM_XT_CL_GENCM, SIM_XT_CL_SUPPRESS, SIM_XT_CL_CLOSING, SIM_XT_CL_NULLCONTEXT,
    SIM_XT_CL_EXITSTACK, SIM_XT_CL_REDIRECT_OUT, SIM_XT_CL_REDIRECT_ERR, /* contextlib_exit.c */
    SIM_XT_CL_CBWRAP, /* ExitStack.callback's _exit_wrapper: refs [callback, args, kwds, __wrapped__] */
    SIM_XT_IO_BYTESIO, /* io.BytesIO: refs [buf]; ints [pos, string_size] */
    SIM_XT_IO_TEXT, /* sys.stdout / sys.stderr (_io.TextIOWrapper): ints [fd]; pyrun/stdstream.c */
    SIM_XT_IO_MBUF, SIM_XT_IO_MEMVIEW, /* a buffered write's memoryview over its buffer (transient) */
    SIM_XT_MAIN_LOADER, /* __main__.__loader__, a SourceFileLoader: pyrun.c */
    SIM_XT_STR_TEMPLATE, /* string.Template: refs [template] */
    SIM_XT_TM_SNAPSHOT, SIM_XT_TM_STATISTIC, SIM_XT_TM_STATDIFF, SIM_XT_TM_TRACEBACK,
    SIM_XT_TM_FRAME, /* tracemalloc's objects (pyrun/modules/tracemalloc_stats.c) */
    SIM_XT_GENERIC_ALIAS, /* types.GenericAlias (list[int]): refs [origin, args], pyrun/types/genericalias.c */
    SIM_XT_SLICE, /* a slice object (sim_slice): refs [step, start, stop], pyrun/types/slice.c */
    SIM_XT_FROZENSET, /* the frozenset type (its instances are SK_SET, sub SIM_SET_FROZEN) */
    SIM_XT_MAPPINGPROXY, /* types.MappingProxyType (SK_DICTVIEW, sub SIM_VIEW_PROXY) */
    SIM_XT_COROUTINE, /* the coroutine type (its instances are SK_GEN, gen.flavor SIM_GEN_CORO) */
    SIM_XT_METHOD_WRAPPER, /* the method-wrapper type (SK_BUILTIN, sub SIM_BUILTIN_WRAPPER) */
    SIM_XT_COUNT
} SimXType;
#define SIM_XT_NATIVE_FIRST SIM_XT_OP_ITEMGETTER
#define SIM_XT_NATIVE_LAST SIM_XT_SLICE
/* SimObj.sub of SK_INT: 1 a big int (digits in the payload); SIM_INT_UNSURE
 * a count the model cannot state exactly (sim_int_unsure) */
#define SIM_INT_UNSURE 2

/* SimObj.sub of SK_SET: a frozenset (only constants make one: compile_fold.c) */
#define SIM_SET_FROZEN 1

typedef struct SimObj {
    uint8_t kind;        /* SimKind */
    uint8_t flags;       /* SIM_F_* */
    uint8_t gen;         /* GC generation 0..2 or SIM_GEN_PERMANENT */
    uint8_t sub;         /* per kind: str width, iterator kind, type's instance kind */
    SimId type;          /* class of an instance (owned reference); 0 for built-in kinds
                          * (a list, dict or tuple of a program's subclass: its class; a
                          * class whose metaclass the program made: that metaclass) */
    int64_t refcnt;
    PmPtr mem;           /* the object's own block */
    PmPtr mem2;          /* its second allocation: items, keys, values, buffer, table */
    uint32_t len;        /* items / bytes / entries / attributes */
    uint32_t cap;        /* allocated items (list), keys log2 size (dict), ... */
    uint32_t data;       /* slab chunk of the payload */
    uint32_t datacap;    /* words in that chunk */
    SimId weaklist;      /* first weak reference to this object */
    uint32_t gc_prev, gc_next; /* generation list */
    SimId ext;           /* an instance of a program class built on a built-in kind (`type`
                          * set: subinst.c): its __dict__ (owned) or 0; an exact dict that is
                          * an instance's split __dict__: the class whose shared keys size it
                          * (borrowed) */
    int64_t gc_refs;     /* working count during a collection */
    union {                  /* per kind; SIM_V reads them with the kind checked */
        int64_t i;           /* int, bool: the value (a big int: its sign) */
        double f;            /* float */
        struct { double re, im; } c;               /* complex */
        struct { uint64_t hash; } str;             /* its hash, made with it (0: not yet) */
        struct { uint32_t used, index; uint64_t version; } dict; /* entries used (deleted too);
                                                   * index chunk; version: see sim_dict_version */
        struct { uint32_t slots, fill, finger; } set; /* table slots; live + dummy slots;
                                                   * where pop() looks first */
        struct { SimId dict; uint32_t slots; } instance; /* its __dict__ once asked for (owned);
                                                   * slab chunk of its __slots__ values */
        struct { SimId dict, base; } type;         /* class dict and tp_base, the base whose
                                                   * layout it extends (both owned) */
        struct { SimId type, name; } member;       /* member / getset descriptor: d_type,
                                                   * d_name (owned); cap: the slot index */
        struct { uint32_t code; SimId globals; } func; /* code index; globals (owned) */
        struct { SimId func, self; } method;       /* both owned */
        struct { uint32_t index; SimId self; } builtin; /* table index; bound self (owned) */
        struct { SimId ref; } cell;                /* the contents (owned) or 0 */
        struct { uint32_t start; } bytearray;      /* ob_start - ob_bytes */
        struct { SimId nl, accu; int64_t pos; } stringio; /* its newline str, 3.11's _PyAccu list (owned) */
        struct { SimId dict, name; } module;       /* both owned */
        struct { SimId seq; uint32_t yielded; } iter; /* what it walks (owned, 0 once
                                                   * exhausted); items given (pyrun) */
        struct { SimId dict; } view;               /* the dict a keys/values/items view shows */
        struct { SimId func, dict; } descr;        /* classmethod / staticmethod: both owned */
        struct { SimId obj, callback; } weakref;   /* referent (not owned), callback (owned) */
        struct { SimId func; uint32_t code, flavor; } gen; /* its frame's function (owned); code
                                                   * index; SIM_GEN_PLAIN or SIM_GEN_CORO */
        struct { SimId next, frame; uint32_t lasti; } tb; /* tb_next, tb_frame (owned), the failing
                                                         * instruction; len: tb_lineno, cap: code */
        struct { SimId back, func; uint32_t code; } frame; /* f_back, the function once it owns its
                                                   * frame (owned); pyrun's code index + 1 */
        struct { uint32_t index; } code;           /* pyrun's code index */
        struct { uint32_t next; } free;            /* SK_FREE: the next free record */
    } v;
} SimObj;

typedef struct SimHooks {
    void *ctx;
    /* Runs type(obj).__del__(obj); obj has a borrowed reference. */
    void (*finalize)(void *ctx, SimId obj);
    /* Calls fn(arg) and drops the result; fn and arg are borrowed. */
    void (*call1)(void *ctx, SimId fn, SimId arg);
    /* Tells the host a function object died (to drop its code). */
    void (*func_freed)(void *ctx, uint32_t code);
    /* Around an automatic collection of generation `gen` (stop = false
     * before it, true after it with the number collected): gc.callbacks. */
    void (*collecting)(void *ctx, bool stop, int gen, long collected);
    /* PyObject_RichCompareBool(a, b, Py_EQ) of a dict key or set item a
     * program hashes itself (userkey.h): 1, 0, or -1 with the exception
     * held by the host. */
    int (*key_equal)(void *ctx, SimId a, SimId b);
} SimHooks;

typedef enum SimEventKind {
    SE_ALLOC, SE_FREE, SE_ARENA_NEW, SE_ARENA_FREE, SE_POOL_INIT, SE_POOL_EMPTY,
    SE_GC_START, SE_GC_PHASE, SE_GC_DONE, SE_FINALIZE, SE_WEAKREF_CB, SE_RESURRECT,
    SE_TRACK, SE_UNTRACK, SE_FREELIST_PUT, SE_FREELIST_TAKE
} SimEventKind;

typedef struct SimEvent {
    uint64_t seq;
    uint8_t kind;   /* SimEventKind */
    uint8_t okind;  /* SimKind of obj, when there is one */
    uint16_t gen;
    SimId obj;
    uint32_t a, b;  /* per kind: block size, arena, pool, phase, counts */
} SimEvent;

#define SIM_EVENT_RING 4096u

typedef struct SimGen {
    uint32_t head;       /* sentinel id */
    int threshold;
    int count;
} SimGen;

typedef struct SimGcState {
    SimGen gen[3];
    uint32_t permanent;  /* sentinel of gc.freeze()'s generation */
    /* `scheduled`: the next eval-breaker check must look (3.12+), because a
     * collection is `due` or because releases are `watching`ed (below) */
    bool enabled, collecting, scheduled, due;
    uint64_t long_lived_total, long_lived_pending;
    uint64_t startup_tracked; /* interpreter objects not modelled one by one */
    uint64_t startup_frozen;  /* of those, the ones in the permanent generation */
    uint8_t startup_full;     /* full collections that untracked some of them (0..2) */
    unsigned foreign_garbage; /* cyclic garbage an import left that the model does not hold:
                               * the next collection counts it (gc_note_foreign's imports) */
    unsigned debug;      /* DEBUG_SAVEALL = 32 */
    SimId garbage;       /* gc.garbage list */
    SimId callbacks;     /* gc.callbacks list */
    uint64_t collections[3], collected[3], uncollectable[3];
    int run_gen, run_phase;   /* the collection being stepped */
    long run_m, run_n;        /* collected, uncollectable so far */
    bool ran_code;            /* a finalizer or callback ran in this collection */
    bool un_weak, un_final;   /* the trash has weakrefs / objects with __del__ */
    size_t un_count;          /* objects in the trash */
    /* CPython's young count at a program's first line depends on what its
     * compiler allocated, which the model does not replay: until the program
     * pins the count (an explicit full collection), the true count
     * may lie up to `unpinned_slack` above the model's.  `timing_exposed`
     * records that an automatic collection could have run, or the count was
     * read, while it was unknown; `timing_sensitive` that what the program
     * saw may depend on it (pyrun/gc_timing.c then re-runs and compares). */
    bool count_pinned, timing_exposed, timing_sensitive;
    int unpinned_slack;
    /* For gc_timing.c's quiet collections: `run_touched` records that the
     * frees of the collection being run reached a weak reference or ran a
     * finalizer, `run_foreign` that it counted an import's garbage;
     * `point_mark` is the young generation's last object at the latest
     * moment an automatic collection could have run while the count was
     * unpinned (3.11: each GC allocation; the list head when it was empty) */
    bool run_touched, run_foreign;
    uint32_t point_mark;
    /* `garbage_moved`: an automatic collection found garbage, quietly, while
     * the count was unpinned (or the pin found garbage): from other start
     * counts that garbage went at other moments.  `timing_seen`: since the
     * run was exposed, the program read something such moves change
     * (addresses, memory figures, reference counts, the collector's
     * state).  Both together make the run sensitive (sim_timing_seen). */
    bool garbage_moved, timing_seen;
    /* Exposed and unpinned (gc_quiet.c): the objects a name let go since
     * the last moment an automatic collection could run (3.11: a GC
     * allocation, which forgets them; 3.12+: an eval-breaker check, which
     * looks and forgets them), at most GC_RELEASED_MAX.  Every start
     * count's pin finds them if they are garbage then: they were live
     * after any run's last automatic collection. */
    bool watching;
    uint8_t nreleased;
    SimId released[16];
    /* The generation of the run's first collection (-1 before one), and for
     * interpreter exit's first collection (gc_shutdown_collect) __main__'s
     * dict, how its module's reference is reached (GC_EXIT_*) and where. */
    int8_t first_gen;
    uint8_t exit_mode;
    SimId exit_dict;
    uint32_t exit_boundary;
} SimGcState;
#define GC_RELEASED_MAX 16

#define SIM_TUPLE_MAXSAVE 21

typedef struct SimFreeList {
    PmPtr *blocks;
    uint32_t n, max;
    /* how many blocks more CPython's list may hold (0: n is its count):
     * after Python code the model does not replay, the stock is known only
     * within a range (sim_guess_freelists) */
    uint32_t slack;
} SimFreeList;

typedef struct Sim {
    const SimProfile *prof;
    PmHeap pm;
    SimSlab slab;
    SimObj *obj;
    uint32_t nobj, capobj, free_head, nlive;
    /* singletons and caches */
    SimId none, true_, false_, notimpl, ellipsis, empty_tuple, empty_str, empty_bytes;
    SimId byte_chars[256];  /* the one-byte bytes, static singletons made on first use */
    SimId small_int[262];        /* -5 .. 256 */
    SimId char1[256];            /* 1-character latin-1 strings */
    SimId char1_interned[256];   /* their interned twins (SimProfile.char1_interned) */
    SimId byte1[256];
    SimId types[SK_COUNT];       /* built-in type objects */
    SimId type_type, type_object;
    SimId xtypes[SIM_XT_COUNT];  /* iterator and view types (0 for SIM_XT_NONE) */
    /* interned strings: open addressing on content */
    SimId *interned;
    uint32_t ninterned, capinterned;
    /* free lists (blocks stay "in use" for pymalloc) */
    SimFreeList fl_float, fl_list, fl_dict, fl_keys, fl_tuple[SIM_TUPLE_MAXSAVE];
    SimFreeList fl_slice;        /* the interpreter's one cached slice (slice_cache) */
    bool fl_guess_missed;        /* a free list's range decided something (sim_guess_freelists) */
    SimGcState gc;
    SimEvent ring[SIM_EVENT_RING];
    uint64_t nevents;
    bool events_off;             /* no one reads the ring (sim_set_events) */
    bool static_alloc;           /* objects made now are the interpreter's static ones (a built-in
                                  * exception class made on first use): no heap block, no GC
                                  * count, no free-list stock */
    SimHooks hooks;
    uint32_t dealloc_depth;      /* trashcan */
    SimId *deferred;
    size_t ndeferred, capdeferred;
    uint64_t tracked_count;      /* objects currently tracked */
    /* the memory budget (see "memory budget" below) */
    uint64_t host_limit;         /* bytes of this computer the model may hold */
    bool nomem;                  /* an allocation was refused since the last take */
    uint64_t startup_blocks;     /* blocks of the start-up heap that no record holds */
    struct SimUserKeys *ukeys;   /* userkey.c: hashes from programs' __hash__ (NULL until one) */
    struct SimOdicts *odicts;    /* odict.c: the OrderedDicts' linked lists (NULL until one) */
    uint64_t dict_versions;      /* the last version a dict took (sim_dict_version) */
    struct SimTracer *tracer;    /* trace.c: tracemalloc's traces (NULL until started) */
    struct SimBrc *brc;          /* brc.c: 3.13t's biased counting costs (NULL until a thread runs) */
} Sim;

/* ---- lifecycle ---------------------------------------------------------- */
/* Builds the startup heap of `prof` (allocator state, singletons, types).
 * Returns a heap the caller frees with sim_free. */
Sim *sim_new(const SimProfile *prof);
void sim_free(Sim *s);
void sim_set_hooks(Sim *s, const SimHooks *h);

/* ---- memory budget ---------------------------------------------------- */
/* The program's memory is a modelled address space of `limit` bytes
 * (arenas plus system-malloc blocks, as the kernel would count them); the
 * model's own tables on this computer are bounded by a host limit as well.
 * A request past either is refused: constructors then return an empty
 * object of the kind asked for, resizes leave the container as it was,
 * an item that could not be stored is released, and the refusal is
 * remembered until the host takes it (sim_take_nomem) and raises
 * MemoryError, as CPython raises where its malloc returns NULL. */
#define SIM_DEFAULT_MEMORY ((uint64_t)16 << 30)
#define SIM_DEFAULT_HOST_MEMORY ((uint64_t)4 << 30)
void sim_set_memory_limit(Sim *s, uint64_t bytes);   /* 0: no limit */
void sim_set_host_limit(Sim *s, uint64_t bytes);
/* Would `bytes` more of the modelled space and `words` more payload words
 * fit?  When not, records the refusal (as an allocation would) and says no. */
bool sim__mem_room(Sim *s, uint64_t bytes, uint64_t words);
static inline bool sim_mem_room(Sim *s, uint64_t bytes, uint64_t words)
{
    if (slab_fits_quick(&s->slab, words) && pm_fits(&s->pm, bytes)) /* a small payload: room */
        return true;
    return sim__mem_room(s, bytes, words);
}
/* gc_timing.c's channels.  The program read something that depends on when
 * automatic collections freed garbage: an address, a memory figure, the
 * collector's state (sim_timing_seen); a reference count, which garbage
 * holds only until the count is pinned (sim_timing_seen_refcount).  Both
 * count only once the run is exposed. */
static inline void sim_timing_seen(Sim *s)
{
    if (s->gc.timing_exposed) {
        s->gc.timing_seen = true;
        if (s->gc.garbage_moved)
            s->gc.timing_sensitive = true;
    }
}
static inline void sim_timing_seen_refcount(Sim *s)
{
    if (!s->gc.count_pinned)
        sim_timing_seen(s);
}
/* Garbage went at a moment that depends on the start count (see above). */
static inline void sim_garbage_moved(Sim *s)
{
    s->gc.garbage_moved = true;
    if (s->gc.timing_seen)
        s->gc.timing_sensitive = true;
}
/* A name's old value, let go by a store or a delete (gc_quiet.c). */
static inline void sim_gc_released(Sim *s, SimId v)
{
    SimGcState *g = &s->gc;
    if (g->watching && v && g->nreleased < GC_RELEASED_MAX)
        g->released[g->nreleased++] = v;
}
/* Was an allocation refused since the last call?  Clears the record. */
bool sim_take_nomem(Sim *s);
/* A refusal by the model itself: pm.refused counts it with the heap's own,
 * so that sim_nomem (asked where the VM looks, vm_loop.c) reads one word. */
static inline void sim_set_nomem(Sim *s)
{
    s->nomem = true;
    pm_refuse(&s->pm);
}
static inline bool sim_nomem(const Sim *s) { return s->pm.refused > 0; }
/* What the model holds of this computer's memory, in bytes. */
uint64_t sim_host_bytes(const Sim *s);

static inline SimObj *sim_obj(const Sim *s, SimId id)
{
    SIM_ASSERT(id < s->nobj);
    return &s->obj[id];
}
static inline SimKind sim_kind(const Sim *s, SimId id)
{
    SIM_ASSERT(id < s->nobj);
    return (SimKind)s->obj[id].kind;
}
/* An object that must be of kind k (checked in SIM_CHECKS builds). */
static inline SimObj *sim__of_kind(const Sim *s, SimId id, SimKind k)
{
    SIM_ASSERT(id < s->nobj && s->obj[id].kind == k);
    (void)k;
    return &s->obj[id];
}
/* A per-kind field with its kind checked: SIM_V(s, cell, SK_CELL, cell.ref). */
#define SIM_V(s, id, kind, field) (sim__of_kind((s), (id), (kind))->v.field)

/* ---- references ---------------------------------------------------------- */
/* Inline: they run several times per instruction. */
/* brc.c: a count change under 3.13t's biased counting (only while s->brc) */
void sim__brc_touch(Sim *s, SimId id);
static inline void sim_incref(Sim *s, SimId id)
{
    SIM_ASSERT(id > 0 && id < s->nobj && s->obj[id].kind != SK_FREE); /* never a freed record */
    SimObj *o = &s->obj[id];
    if (!(o->flags & SIM_F_IMMORTAL)) {
        o->refcnt++;
        if (s->brc)
            sim__brc_touch(s, id);
    }
}
/* The count reached zero (heap.c): a static object stays, others go. */
void sim__refcnt_zero(Sim *s, SimId id);
/* Drops a reference; at zero the object is deallocated as CPython would
 * (finalizer, weakref callbacks, contents in CPython's order, memory). */
static inline void sim_decref(Sim *s, SimId id)
{
    SIM_ASSERT(id > 0 && id < s->nobj && s->obj[id].kind != SK_FREE);
    SimObj *o = &s->obj[id];
    if (o->flags & SIM_F_IMMORTAL)
        return;
    if (s->brc)
        sim__brc_touch(s, id);
    SIM_ASSERT(o->refcnt > 0); /* a count never goes below zero */
    if (--o->refcnt > 0)
        return;
    sim__refcnt_zero(s, id);
}
static inline void sim_xdecref(Sim *s, SimId id) { if (id) sim_decref(s, id); }
/* What sys.getrefcount reports for an object held by `extra` temporaries. */
int64_t sim_refcount(const Sim *s, SimId id);

/* ---- events --------------------------------------------------------------- */
/* Records an event in the ring the views read (inline: one per allocation
 * and per free), unless no one reads them (sim_set_events). */
static inline void sim_event(Sim *s, SimEventKind k, SimId obj, uint32_t a, uint32_t b)
{
    if (s->events_off)
        return;
    SimEvent *e = &s->ring[s->nevents % SIM_EVENT_RING];
    e->seq = s->nevents++;
    e->kind = (uint8_t)k;
    e->okind = obj ? s->obj[obj].kind : 0;
    e->gen = obj ? s->obj[obj].gen : 0;
    e->obj = obj;
    e->a = a;
    e->b = b;
}
/* Events are recorded from sim_new on; a host that shows none (a plain
 * `pydive run`) turns them off, which changes nothing but their ring. */
static inline void sim_set_events(Sim *s, bool on) { s->events_off = !on; }
/* Copies up to `max` events with seq >= since into out; returns how many. */
size_t sim_events_since(const Sim *s, uint64_t since, SimEvent *out, size_t max);

#include "sim/sim_objects.h" /* creation and accessors of each kind */

/* The parts of the interface kept in files of their own */
#include "sim/set.h"
#include "sim/subinst.h"
#include "sim/odict.h"
#include "sim/deque.h"
#include "sim/exc.h"

#endif
