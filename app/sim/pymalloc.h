/*
 * pymalloc: a model of CPython's small-object allocator (Objects/obmalloc.c).
 *
 * It owns arenas, pools and blocks, exactly as obmalloc lays them out:
 * requests of 1..512 bytes go to one of 32 size classes of 16-byte steps;
 * pools of one class are carved lazily and keep a LIFO list of free blocks;
 * `usedpools` lists per class, free-pool lists per arena, and the
 * `usable_arenas` list sorted by free pools (kept with nfp2lasta);
 * a wholly free arena is unmapped unless it is the last usable one (3.9+).
 * Other requests go to a modelled system malloc.  No memory of the model is
 * handed out: a PmPtr is a handle, and pm_address() gives the address the
 * block would have, for id().
 *
 * Nothing here allocates per block; per arena the model keeps one array of
 * 16-bit free-list links.
 */
#ifndef PYDIVE_SIM_PYMALLOC_H
#define PYDIVE_SIM_PYMALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "sim/check.h"

#define PM_NULL 0u
#define PM_RAW_BIT 0x80000000u
#define PM_NCLASSES 32
#define PM_SMALL_REQUEST 512
#define PM_POOL_OVERHEAD 48
#define PM_NONE 0xffffffffu

/* The size classes, written once: a small request of n bytes (1 to
 * PM_SMALL_REQUEST) goes to class (n - 1) >> 4, whose blocks are
 * 16 * (class + 1) bytes (Objects/obmalloc.c, ALIGNMENT 16 on 64-bit). */
static inline unsigned pm_size_class(size_t n) { return (unsigned)((n - 1) >> 4); }
static inline uint32_t pm_class_size(unsigned c) { return 16u * (c + 1u); }

/* A block handle: 0 is NULL; pymalloc blocks are ((pool + 1) << 10 | block);
 * system-malloc blocks have PM_RAW_BIT set. */
typedef uint32_t PmPtr;

typedef enum PmEventKind {
    PM_EV_ARENA_NEW, PM_EV_ARENA_FREE, PM_EV_POOL_INIT, PM_EV_POOL_EMPTY
} PmEventKind;

typedef void (*PmEventFn)(void *ctx, PmEventKind kind, uint32_t arena, uint32_t pool);
/* A tracer of requested sizes (tracemalloc): `fresh` (n bytes asked for)
 * replaces `gone`; either may be PM_NULL (an allocation, a free). */
typedef void (*PmTraceFn)(void *ctx, uint32_t fresh, size_t n, uint32_t gone);

typedef struct PmPool {
    uint16_t szidx;      /* size class; 0xffff when never used */
    uint16_t count;      /* blocks allocated (ref.count) */
    uint16_t freeblock;  /* head of the LIFO free list, 0xffff = empty */
    uint16_t nextblock;  /* next never-used block (nextoffset) */
    uint16_t maxblocks;  /* blocks per pool for szidx */
    uint32_t nextpool, prevpool; /* usedpools list of the class */
    uint32_t nextfree;   /* the arena's freepools list */
} PmPool;

typedef struct PmArena {
    bool live;
    uint64_t address;        /* simulated mmap address */
    uint16_t ntotalpools;    /* 64, or 63 when not pool-aligned */
    uint16_t nfreepools;     /* free + never-used pools */
    uint16_t nextvirgin;     /* pools carved so far (pool_address) */
    uint32_t freepools;      /* head pool id of freed pools */
    uint32_t nextarena, prevarena; /* usable_arenas, or unused records */
    uint16_t *links;         /* free-list links: [pool][block] */
} PmArena;

typedef struct PmStats {
    uint32_t pools[PM_NCLASSES];     /* pools with at least one block in use */
    uint64_t in_use[PM_NCLASSES];    /* blocks in use */
    uint64_t avail[PM_NCLASSES];     /* pools*blocks_per_pool - in_use */
    uint64_t arenas_total, arenas_reclaimed, arenas_highwater, arenas_current;
    uint64_t unused_pools, unaligned_arenas;
    uint64_t bytes_allocated, bytes_available, bytes_pool_headers, bytes_quantization;
    uint64_t raw_blocks, raw_bytes;
} PmStats;

typedef struct PmHeap {
    uint32_t arena_size, pool_size, pools_per_arena;
    bool keep_one_empty;
    PmArena *arenas;
    uint32_t narenas_alloc;          /* records allocated (16, 32, 64, ...) */
    uint32_t unused_arena_objects;   /* record list without an arena */
    uint32_t usable_arenas;          /* sorted by increasing nfreepools */
    uint32_t *nfp2lasta;             /* [nfreepools] -> rightmost arena */
    PmPool *pools;                   /* [arena * pools_per_arena + k] */
    uint32_t usedpools[PM_NCLASSES];
    uint32_t class_pools[PM_NCLASSES];
    uint64_t class_in_use[PM_NCLASSES];
    uint64_t ntimes_arena_allocated, narenas_current, narenas_highwater;
    uint32_t unaligned_budget;       /* next mmaps that come back unaligned */
    /* address model of mmap */
    uint64_t mmap_next;
    uint64_t *free_addrs;
    size_t nfree_addrs, cap_free_addrs;
    /* modelled system malloc */
    uint64_t *raw_size;              /* by raw index; 0 = free slot */
    uint64_t *raw_addr;
    uint32_t nraw, raw_free_head;
    size_t cap_raw;
    uint64_t raw_live_blocks, raw_live_bytes, raw_brk;
    PmEventFn on_event;
    void *event_ctx;
    PmTraceFn trace;                 /* NULL unless a tracer is installed (pm_set_trace) */
    void *trace_ctx;
    size_t small_limit;              /* requests n with n - 1 below it may take the inline path:
                                      * PM_SMALL_REQUEST, 0 while tracing */
    uint32_t slow_mask;              /* blocks with a bit of it free the out-of-line way:
                                      * PM_RAW_BIT, all bits while tracing */
    /* the modelled address space: arenas plus system-malloc bytes may not
     * pass `limit` (0 = no limit); a request that would is refused */
    uint64_t limit;
    uint64_t refused;                /* requests refused since the sim last took them
                                      * (and the sim's own refusals: sim_set_nomem) */
    void (*refuse_hook)(void *ctx);  /* called at each refusal, or NULL: the VM's step
                                      * count, so that its next instruction looks (vm_loop.c) */
    void *refuse_ctx;
    uint64_t host_limit;             /* bytes of this computer for the tables (0 = none) */
} PmHeap;

/* Sets up an empty heap; `unaligned_first` of the first mmaps lose a pool to
 * alignment, later ones are pool-aligned. */
void pm_init(PmHeap *h, uint32_t arena_size, uint32_t pool_size, bool keep_one_empty,
             uint32_t unaligned_first);
void pm_fini(PmHeap *h);

/* PyObject_Malloc / PyObject_Free / PyObject_Realloc.  n = 0 or n > 512
 * goes to the system allocator.  They fail (PM_NULL, and pm_realloc leaves
 * the old block as it was, as realloc does) only when the request would take
 * the heap past its limit; `refused` counts those. */
PmPtr pm__alloc(PmHeap *h, size_t n); /* pymalloc.c: every case */
/* A request refused: counted, and the host told (refuse_hook). */
static inline void pm_refuse(PmHeap *h)
{
    h->refused++;
    if (h->refuse_hook)
        h->refuse_hook(h->refuse_ctx);
}
void pm__free(PmHeap *h, PmPtr p);

/* The free-list links of pool pid (64 pools an arena, PM_MAXBLOCKS each). */
#define PM_MAXBLOCKS 1024u
#define PM_NOBLOCK 0xffffu
static inline uint16_t *pm__links(PmHeap *h, uint32_t pid)
{
    return h->arenas[pid >> 6].links + (size_t)(pid & 63u) * PM_MAXBLOCKS;
}

/* Inline, the common cases (one per object made and freed): a small block
 * from a used pool that keeps a free block after it (one on its free list,
 * or the next virgin one carved, as pool_extend does), and a block
 * returned to a pool that stays neither full nor empty.  They do exactly
 * what pm__alloc and pm__free do for them. */
static inline PmPtr pm_alloc(PmHeap *h, size_t n)
{
    if (n - 1 < h->small_limit) { /* 1..512, and no tracer */
        unsigned c = pm_size_class(n) & (PM_NCLASSES - 1); /* the mask changes no class of 1..512 */
        uint32_t pid = h->usedpools[c];
        if (pid != PM_NONE) {
            PmPool *p = &h->pools[pid];
            uint16_t *links = pm__links(h, pid);
            uint32_t b = p->freeblock;
            uint16_t next = links[b];
            if (next == PM_NOBLOCK && p->nextblock < p->maxblocks) { /* carve a virgin block */
                next = p->nextblock++;
                links[next] = PM_NOBLOCK;
            }
            if (next != PM_NOBLOCK) {
                h->class_in_use[c]++;
                p->freeblock = next;
                p->count++;
                return (pid + 1) << 10 | b;
            }
        }
    }
    return pm__alloc(h, n);
}
static inline void pm_free(PmHeap *h, PmPtr ptr)
{
    if (ptr != PM_NULL && !(ptr & h->slow_mask)) { /* a pymalloc block, and no tracer */
        uint32_t pid = (ptr >> 10) - 1, b = ptr & 1023u;
        PmPool *p = &h->pools[pid];
        SIM_ASSERT(pid < h->narenas_alloc * h->pools_per_arena && h->arenas[pid >> 6].live);
        SIM_ASSERT(p->count > 0 && b < p->nextblock && p->szidx < PM_NCLASSES);
        if (p->freeblock != PM_NOBLOCK && p->count > 1) {
            pm__links(h, pid)[b] = p->freeblock;
            p->freeblock = (uint16_t)b;
            p->count--;
            h->class_in_use[p->szidx]--;
            return;
        }
    }
    pm__free(h, ptr);
}
PmPtr pm_realloc(PmHeap *h, PmPtr p, size_t n);
/* Installs the tracer fn (NULL: none), told of every block given out or taken back. */
void pm_set_trace(PmHeap *h, PmTraceFn fn, void *ctx);
/* Bytes of the modelled address space in use: live arenas and system blocks. */
static inline uint64_t pm_mapped(const PmHeap *h)
{
    return h->narenas_current * h->arena_size + h->raw_live_bytes;
}
/* Would n more mapped bytes stay within the limit? */
static inline bool pm_fits(const PmHeap *h, uint64_t n)
{
    if (!h->limit)
        return true;
    uint64_t used = pm_mapped(h);
    return used <= h->limit && n <= h->limit - used;
}
/* Host bytes the model itself holds for this heap (its tables). */
uint64_t pm_host_bytes(const PmHeap *h);

/* The address the block would have in CPython's process. */
uint64_t pm_address(const PmHeap *h, PmPtr p);
static inline bool pm_is_raw(PmPtr p) { return (p & PM_RAW_BIT) != 0; }
/* Size of the block (its class size, or the raw request). */
static inline size_t pm_block_size(const PmHeap *h, PmPtr p)
{
    if (p == PM_NULL)
        return 0;
    if (pm_is_raw(p))
        return h->raw_size[p & ~PM_RAW_BIT];
    return pm_class_size(h->pools[(p >> 10) - 1].szidx);
}

void pm_stats(const PmHeap *h, PmStats *out);
/* One pool up close: which blocks are in use (in_use gets maxblocks
 * entries), the free list in the order blocks will be handed out (at most
 * max_chain of them), and the first block never carved.  Returns the pool's
 * block count, 0 when the pool holds no size class. */
uint16_t pm_pool_blocks(const PmHeap *h, uint32_t arena, uint32_t pool, bool *in_use,
                        uint16_t *chain, uint16_t max_chain, uint16_t *nchain,
                        uint16_t *next_virgin);
/* Recounts blocks per pool and class, pools per arena and class, arenas in
 * use and system blocks, against the running totals; true when all match,
 * else one line per difference appended to report. */
bool pm_audit(const PmHeap *h, Buf *report);
/* Blocks per pool of class c. */
uint32_t pm_blocks_per_pool(const PmHeap *h, unsigned c);

#endif
