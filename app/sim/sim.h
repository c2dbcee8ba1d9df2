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
 * so that sim_nomem (asked before every instruction) reads one word. */
static inline void sim_set_nomem(Sim *s)
{
    s->nomem = true;
    s->pm.refused++;
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

/* The parts of the interface kept in files of their own */
#include "sim/set.h"
#include "sim/subinst.h"
#include "sim/odict.h"
#include "sim/deque.h"
#include "sim/exc.h"

#endif
