/*
 * snapshot: what the memory and collector views are drawn from.
 *
 * A HeapSnapshot is plain data copied out of the simulated CPython after a
 * step, so a view never reaches into the model and a recorded run can be
 * replayed by keeping snapshots.  Whoever fills one owns its arrays; the
 * views only read.  Sizes are bytes; ids are the model's object ids.
 */
#ifndef PYDIVE_VIEW_SNAPSHOT_H
#define PYDIVE_VIEW_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SNAP_CLASS_NONE 0xFF /* a pool with no size class: never used, or free */

typedef struct SnapPool {
    uint8_t size_class; /* 0..31 (block size 16*(c+1)), or SNAP_CLASS_NONE */
    uint16_t used;      /* blocks in use */
    uint16_t capacity;  /* blocks the pool holds for its class */
} SnapPool;

typedef struct SnapArena {
    bool live;          /* false: returned to the operating system */
    uint32_t id;
    SnapPool *pools;
    uint16_t npools;
} SnapArena;

/* One pool looked at closely (the arena map's zoom). */
typedef struct SnapPoolDetail {
    uint32_t arena, pool;
    uint8_t size_class;
    uint16_t nblocks;    /* blocks the pool holds */
    bool *in_use;        /* [nblocks] */
    uint16_t *free_chain; /* block indices in free-list order */
    uint16_t nfree_chain;
    uint16_t next_virgin; /* first block never handed out (nblocks = none) */
} SnapPoolDetail;

typedef enum SnapObjState {
    SNAP_LIVE,
    SNAP_GARBAGE,     /* nothing outside a cycle holds it: only the collector frees it */
    SNAP_UNREACHABLE, /* the collector found it is garbage */
    SNAP_FINALIZED,   /* its __del__ ran */
    SNAP_FREED,
} SnapObjState;

typedef struct SnapObject {
    uint32_t id;
    char type[24];     /* "list", "dict", "Node" ... */
    char label[40];    /* a short repr: "[1, 2]", "'abc'", "<Node>" */
    int64_t refcount;  /* as sys.getrefcount would count it, minus its argument */
    uint32_t size;     /* sys.getsizeof */
    bool tracked;      /* by the cyclic collector */
    int8_t generation; /* 0..2, -1 untracked, 3 permanent (frozen) */
    int64_t gc_refs;   /* working count during a collection; INT64_MIN outside one */
    SnapObjState state;
} SnapObject;

typedef struct SnapEdge {
    uint32_t from, to;  /* object ids */
    char label[16];     /* "[0]", ".next", "'key'" */
} SnapEdge;

typedef struct SnapName {
    char name[32];      /* a variable of the running program */
    uint32_t obj;       /* the object it names; 0 when that is not drawn (None, a module) */
    char value[16];     /* obj 0: what it names, as text ("None", "True", "<module>") */
} SnapName;

/* A frame of the running program, as Python Tutor shows it: the module's
 * globals first, then each active call, innermost last.  Its names are
 * names[first .. first + count). */
typedef struct SnapFrame {
    char title[40];     /* "Globals", "link", "Node.__init__" */
    uint32_t first, count;
} SnapFrame;

typedef enum SnapPhase {
    SNAP_PHASE_NONE,
    SNAP_PHASE_COPY,      /* gc_refs = refcount */
    SNAP_PHASE_SUBTRACT,  /* minus references from inside the generation */
    SNAP_PHASE_SPLIT,     /* reachable from outside vs unreachable */
    SNAP_PHASE_WEAKREFS,  /* weakrefs to garbage cleared, callbacks run (3.8-3.13) */
    SNAP_PHASE_FINALIZE,  /* __del__ of the unreachable (PEP 442), resurrection check */
    SNAP_PHASE_FREE,      /* what is still unreachable is freed */
    SNAP_PHASE_COUNT
} SnapPhase;

typedef struct SnapGen {
    int count, threshold;
} SnapGen;

typedef struct HeapSnapshot {
    /* allocator */
    SnapArena *arenas;
    size_t narenas;
    int touched_arena, touched_pool; /* the pool the last step used; -1 none */
    uint64_t live_bytes;  /* bytes in live objects */
    uint64_t held_bytes;  /* bytes the allocator holds from the system */
    /* objects reachable from the program's names (and garbage still held) */
    SnapObject *objs;
    size_t nobjs;
    SnapEdge *edges;
    size_t nedges;
    SnapName *names;      /* every frame's names, in frame order */
    size_t nnames;
    SnapFrame *frames;    /* none (a hand-made snapshot): all names are globals */
    size_t nframes;
    size_t frames_hidden; /* calls between the globals and the frames shown (deep recursion) */
    /* collector */
    SnapGen gen[3];
    SnapPhase phase;
    int collecting;       /* generation being collected, -1 none */
} HeapSnapshot;

/* A point of the memory-over-time chart. */
typedef struct MemSample {
    uint32_t step;
    uint64_t live_bytes, held_bytes;
} MemSample;

/* Beside a run's samples, block_max[b] holds the largest live and held
 * bytes of samples b*MEM_BLOCK .. b*MEM_BLOCK+MEM_BLOCK-1, so the memory
 * chart reads about n/MEM_BLOCK values a frame instead of n (a run of a
 * million steps is drawn in well under a millisecond). */
#define MEM_BLOCK 64

const char *snap_phase_name(SnapPhase p);
const SnapObject *snapshot_find(const HeapSnapshot *s, uint32_t id);

#endif
