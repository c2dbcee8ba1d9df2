/*
 * pymalloc: the allocator model.  Behaviour follows the prose of
 * cpython-internals.md §1 (which describes Objects/obmalloc.c of 3.11.2):
 * pymalloc_alloc, allocate_from_new_pool, pymalloc_free, insert_to_usedpool,
 * insert_to_freepool, new_arena, pymalloc_realloc.  Written from that
 * description; no obmalloc code is reused.
 */
#include "sim/pymalloc.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/check.h"

#define NOBLOCK PM_NOBLOCK
#define DUMMY_SIZE_IDX 0xffffu
#define MAXBLOCKS PM_MAXBLOCKS
#define INITIAL_ARENA_OBJECTS 16u

uint32_t pm_blocks_per_pool(const PmHeap *h, unsigned c)
{
    return (h->pool_size - PM_POOL_OVERHEAD) / pm_class_size(c);
}

static void emit(PmHeap *h, PmEventKind k, uint32_t arena, uint32_t pool)
{
    if (h->on_event)
        h->on_event(h->event_ctx, k, arena, pool);
}

void pm_init(PmHeap *h, uint32_t arena_size, uint32_t pool_size, bool keep_one_empty,
             uint32_t unaligned_first)
{
    memset(h, 0, sizeof *h);
    h->arena_size = arena_size;
    h->pool_size = pool_size;
    h->pools_per_arena = arena_size / pool_size; /* 64: links_of relies on it */
    h->keep_one_empty = keep_one_empty;
    pm_set_trace(h, NULL, NULL);
    h->unused_arena_objects = PM_NONE;
    h->usable_arenas = PM_NONE;
    h->nfp2lasta = xmalloc((h->pools_per_arena + 1) * sizeof *h->nfp2lasta);
    for (uint32_t i = 0; i <= h->pools_per_arena; i++)
        h->nfp2lasta[i] = PM_NONE;
    for (unsigned c = 0; c < PM_NCLASSES; c++)
        h->usedpools[c] = PM_NONE;
    h->unaligned_budget = unaligned_first;
    h->mmap_next = 0x7ffff7a00000ull;   /* mmaps grow down from below the stack */
    h->raw_brk = 0x555555600000ull;     /* malloc'ed memory grows up */
    h->raw_free_head = PM_NONE;
}

void pm_fini(PmHeap *h)
{
    for (uint32_t i = 0; i < h->narenas_alloc; i++)
        free(h->arenas[i].links);
    free(h->arenas);
    free(h->pools);
    free(h->nfp2lasta);
    free(h->free_addrs);
    free(h->raw_size);
    free(h->raw_addr);
    memset(h, 0, sizeof *h);
}

/* ---- arenas --------------------------------------------------------- */

static uint64_t mmap_arena(PmHeap *h)
{
    if (h->nfree_addrs > 0)
        return h->free_addrs[--h->nfree_addrs];
    h->mmap_next -= h->arena_size;
    uint64_t a = h->mmap_next;
    if (h->unaligned_budget > 0) {
        h->unaligned_budget--;
        a += 4096; /* page-aligned, not pool-aligned: one pool is lost */
        h->mmap_next -= 4096;
    }
    return a;
}

static void grow_arena_records(PmHeap *h)
{
    uint32_t old = h->narenas_alloc;
    uint32_t n = old ? old * 2 : INITIAL_ARENA_OBJECTS;
    h->arenas = xrealloc(h->arenas, n * sizeof *h->arenas);
    h->pools = xrealloc(h->pools, (size_t)n * h->pools_per_arena * sizeof *h->pools);
    for (uint32_t i = old; i < n; i++) {
        memset(&h->arenas[i], 0, sizeof h->arenas[i]);
        h->arenas[i].nextarena = i + 1 < n ? i + 1 : PM_NONE;
    }
    h->unused_arena_objects = old;
    h->narenas_alloc = n;
}

static uint32_t new_arena(PmHeap *h)
{
    if (h->unused_arena_objects == PM_NONE)
        grow_arena_records(h);
    uint32_t i = h->unused_arena_objects;
    PmArena *a = &h->arenas[i];
    h->unused_arena_objects = a->nextarena;
    a->live = true;
    a->address = mmap_arena(h);
    a->ntotalpools = (uint16_t)h->pools_per_arena;
    if (a->address % h->pool_size != 0)
        a->ntotalpools--;
    a->nfreepools = a->ntotalpools;
    a->nextvirgin = 0;
    a->freepools = PM_NONE;
    a->nextarena = a->prevarena = PM_NONE;
    if (!a->links)
        a->links = xmalloc((size_t)h->pools_per_arena * MAXBLOCKS * sizeof *a->links);
    h->ntimes_arena_allocated++;
    h->narenas_current++;
    if (h->narenas_current > h->narenas_highwater)
        h->narenas_highwater = h->narenas_current;
    emit(h, PM_EV_ARENA_NEW, i, 0);
    return i;
}

static void free_arena(PmHeap *h, uint32_t i)
{
    PmArena *a = &h->arenas[i];
    SIM_ASSERT(a->live && h->narenas_current > 0);
    if (h->nfree_addrs == h->cap_free_addrs)
        h->free_addrs = xgrow(h->free_addrs, &h->cap_free_addrs, h->nfree_addrs + 1,
                              sizeof *h->free_addrs);
    h->free_addrs[h->nfree_addrs++] = a->address;
    a->live = false;
    a->nextarena = h->unused_arena_objects;
    h->unused_arena_objects = i;
    h->narenas_current--;
    emit(h, PM_EV_ARENA_FREE, i, 0);
}

/* ---- used-pool lists -------------------------------------------------- */

static void usedpool_unlink(PmHeap *h, uint32_t pid)
{
    PmPool *p = &h->pools[pid];
    if (p->prevpool != PM_NONE)
        h->pools[p->prevpool].nextpool = p->nextpool;
    else
        h->usedpools[p->szidx] = p->nextpool;
    if (p->nextpool != PM_NONE)
        h->pools[p->nextpool].prevpool = p->prevpool;
    p->nextpool = p->prevpool = PM_NONE;
}

static void usedpool_push_front(PmHeap *h, uint32_t pid)
{
    PmPool *p = &h->pools[pid];
    uint32_t head = h->usedpools[p->szidx];
    p->prevpool = PM_NONE;
    p->nextpool = head;
    if (head != PM_NONE)
        h->pools[head].prevpool = pid;
    h->usedpools[p->szidx] = pid;
}

static inline uint16_t *links_of(PmHeap *h, uint32_t pid)
{
    /* pools_per_arena is 64 for every profile: arena and pool sizes scale together */
    return h->arenas[pid >> 6].links + (size_t)(pid & 63u) * MAXBLOCKS;
}

/* ---- allocation -------------------------------------------------------- */

/* After taking a block: keep the free list non-empty by carving the next
 * virgin block, or unlink the pool when it is full. */
static inline void pool_extend(PmHeap *h, uint32_t pid)
{
    PmPool *p = &h->pools[pid];
    if (p->freeblock != NOBLOCK)
        return;
    if (p->nextblock < p->maxblocks) {
        p->freeblock = p->nextblock++;
        links_of(h, pid)[p->freeblock] = NOBLOCK;
    } else {
        usedpool_unlink(h, pid);
    }
}

/* A new arena's tables would stay within the host budget. */
static bool host_room(const PmHeap *h)
{
    uint64_t per_arena = h->pools_per_arena * (sizeof(PmPool) + MAXBLOCKS * 2) + sizeof(PmArena);
    return !h->host_limit || pm_host_bytes(h) + 2 * per_arena <= h->host_limit;
}

static uint32_t take_pool(PmHeap *h)
{
    if (h->usable_arenas == PM_NONE) {
        if (!pm_fits(h, h->arena_size) || !host_room(h))
            return PM_NONE;
        uint32_t n = new_arena(h);
        h->usable_arenas = n;
        h->nfp2lasta[h->arenas[n].nfreepools] = n;
    }
    uint32_t ai = h->usable_arenas;
    PmArena *a = &h->arenas[ai];
    if (h->nfp2lasta[a->nfreepools] == ai)
        h->nfp2lasta[a->nfreepools] = PM_NONE;
    if (a->nfreepools > 1)
        h->nfp2lasta[a->nfreepools - 1] = ai;
    uint32_t pid;
    if (a->freepools != PM_NONE) {
        pid = a->freepools;
        a->freepools = h->pools[pid].nextfree;
    } else {
        uint32_t skip = a->ntotalpools < h->pools_per_arena ? 1 : 0;
        pid = ai * h->pools_per_arena + a->nextvirgin + skip;
        a->nextvirgin++;
        h->pools[pid].szidx = DUMMY_SIZE_IDX;
    }
    SIM_ASSERT(a->nfreepools > 0);
    a->nfreepools--;
    if (a->nfreepools == 0) {
        h->usable_arenas = a->nextarena;
        if (a->nextarena != PM_NONE)
            h->arenas[a->nextarena].prevarena = PM_NONE;
        a->nextarena = a->prevarena = PM_NONE;
    }
    return pid;
}

static uint32_t alloc_from_new_pool(PmHeap *h, unsigned c)
{
    uint32_t pid = take_pool(h);
    if (pid == PM_NONE)
        return PM_NULL;
    PmPool *p = &h->pools[pid];
    bool reuse = p->szidx == c;
    p->szidx = (uint16_t)c;
    p->nextfree = PM_NONE;
    usedpool_push_front(h, pid);
    h->class_pools[c]++;
    emit(h, PM_EV_POOL_INIT, pid / h->pools_per_arena, pid);
    p->count = 1;
    if (reuse) { /* header and free list survive from the last use */
        uint32_t b = p->freeblock;
        p->freeblock = links_of(h, pid)[b];
        pool_extend(h, pid);
        return (pid + 1) << 10 | b;
    }
    p->maxblocks = (uint16_t)pm_blocks_per_pool(h, c);
    p->freeblock = 1;
    p->nextblock = 2;
    links_of(h, pid)[1] = NOBLOCK;
    return (pid + 1) << 10 | 0u;
}

static PmPtr raw_alloc(PmHeap *h, size_t n)
{
    if (n == 0)
        n = 1;
    if (!pm_fits(h, n))
        return PM_NULL;
    uint32_t i;
    if (h->raw_free_head != PM_NONE) {
        i = h->raw_free_head;
        h->raw_free_head = (uint32_t)h->raw_addr[i];
    } else {
        if (h->nraw == h->cap_raw) {
            size_t cap = h->cap_raw;
            h->raw_size = xgrow(h->raw_size, &cap, h->nraw + 1, sizeof *h->raw_size);
            h->raw_addr = xrealloc(h->raw_addr, cap * sizeof *h->raw_addr);
            h->cap_raw = cap;
        }
        i = h->nraw++;
    }
    h->raw_size[i] = n;
    h->raw_addr[i] = h->raw_brk + 16;
    h->raw_brk += (n + 16 + 15) & ~(uint64_t)15;
    h->raw_live_blocks++;
    h->raw_live_bytes += n;
    return PM_RAW_BIT | i;
}

static void raw_free(PmHeap *h, PmPtr p)
{
    uint32_t i = p & ~PM_RAW_BIT;
    SIM_ASSERT(i < h->nraw && h->raw_size[i] != 0 && h->raw_live_blocks > 0); /* no double free */
    h->raw_live_blocks--;
    h->raw_live_bytes -= h->raw_size[i];
    h->raw_size[i] = 0;
    h->raw_addr[i] = h->raw_free_head;
    h->raw_free_head = i;
}

static PmPtr alloc_block(PmHeap *h, size_t n)
{
    if (n == 0 || n > PM_SMALL_REQUEST) {
        PmPtr b = raw_alloc(h, n);
        if (b == PM_NULL)
            pm_refuse(h);
        return b;
    }
    unsigned c = pm_size_class(n);
    uint32_t pid = h->usedpools[c];
    if (pid == PM_NONE) {
        PmPtr b = alloc_from_new_pool(h, c);
        if (b == PM_NULL) {
            pm_refuse(h);
            return PM_NULL;
        }
        h->class_in_use[c]++;
        return b;
    }
    h->class_in_use[c]++;
    PmPool *p = &h->pools[pid];
    uint32_t b = p->freeblock;
    p->freeblock = links_of(h, pid)[b];
    p->count++;
    pool_extend(h, pid);
    return (pid + 1) << 10 | b;
}

/* ---- freeing ------------------------------------------------------------ */

static void usable_unlink(PmHeap *h, uint32_t ai)
{
    PmArena *a = &h->arenas[ai];
    if (a->prevarena == PM_NONE)
        h->usable_arenas = a->nextarena;
    else
        h->arenas[a->prevarena].nextarena = a->nextarena;
    if (a->nextarena != PM_NONE)
        h->arenas[a->nextarena].prevarena = a->prevarena;
}

static void insert_to_freepool(PmHeap *h, uint32_t pid)
{
    PmPool *p = &h->pools[pid];
    uint32_t ai = pid / h->pools_per_arena;
    PmArena *a = &h->arenas[ai];
    usedpool_unlink(h, pid);
    h->class_pools[p->szidx]--;
    emit(h, PM_EV_POOL_EMPTY, ai, pid);
    p->nextfree = a->freepools;
    a->freepools = pid;
    uint32_t nf = ++a->nfreepools;
    SIM_ASSERT(nf <= a->ntotalpools);
    uint32_t lastnf = h->nfp2lasta[nf - 1];
    if (lastnf == ai) {
        uint32_t prev = a->prevarena;
        h->nfp2lasta[nf - 1] =
            (prev != PM_NONE && h->arenas[prev].nfreepools == nf - 1) ? prev : PM_NONE;
    }
    if (nf == a->ntotalpools && (a->nextarena != PM_NONE || !h->keep_one_empty)) {
        usable_unlink(h, ai);
        free_arena(h, ai);
        return;
    }
    if (nf == 1) { /* was full: becomes the head of usable_arenas */
        a->nextarena = h->usable_arenas;
        a->prevarena = PM_NONE;
        if (h->usable_arenas != PM_NONE)
            h->arenas[h->usable_arenas].prevarena = ai;
        h->usable_arenas = ai;
        if (h->nfp2lasta[1] == PM_NONE)
            h->nfp2lasta[1] = ai;
        return;
    }
    if (h->nfp2lasta[nf] == PM_NONE)
        h->nfp2lasta[nf] = ai;
    if (ai == lastnf)
        return;
    /* out of order: move just after lastnf */
    usable_unlink(h, ai);
    PmArena *l = &h->arenas[lastnf];
    a->prevarena = lastnf;
    a->nextarena = l->nextarena;
    if (l->nextarena != PM_NONE)
        h->arenas[l->nextarena].prevarena = ai;
    l->nextarena = ai;
}

static void free_block(PmHeap *h, PmPtr ptr)
{
    if (ptr == PM_NULL)
        return;
    if (pm_is_raw(ptr)) {
        raw_free(h, ptr);
        return;
    }
    uint32_t pid = (ptr >> 10) - 1, b = ptr & 1023u;
    PmPool *p = &h->pools[pid];
    SIM_ASSERT(pid < h->narenas_alloc * h->pools_per_arena && h->arenas[pid >> 6].live);
    SIM_ASSERT(p->count > 0 && b < p->nextblock && p->szidx < PM_NCLASSES);
    SIM_ASSERT(h->class_in_use[p->szidx] > 0);
    uint16_t *links = links_of(h, pid);
    uint16_t lastfree = p->freeblock;
    links[b] = lastfree;
    p->freeblock = (uint16_t)b;
    p->count--;
    h->class_in_use[p->szidx]--;
    if (lastfree == NOBLOCK) { /* was full: back to the front of usedpools */
        usedpool_push_front(h, pid);
        return;
    }
    if (p->count == 0)
        insert_to_freepool(h, pid);
}

/* pm_alloc's and pm_free's other cases.  A tracer (tracemalloc's hooks,
 * sim/trace.c) costs the inline paths no branch of their own: while one
 * is installed, small_limit and slow_mask send every request here
 * (pm_set_trace). */
PmPtr pm__alloc(PmHeap *h, size_t n)
{
    PmPtr b = alloc_block(h, n);
    if (h->trace != NULL && b != PM_NULL)
        h->trace(h->trace_ctx, b, n, PM_NULL);
    return b;
}

void pm__free(PmHeap *h, PmPtr ptr)
{
    if (h->trace != NULL && ptr != PM_NULL)
        h->trace(h->trace_ctx, PM_NULL, 0, ptr);
    free_block(h, ptr);
}

void pm_set_trace(PmHeap *h, PmTraceFn fn, void *ctx)
{
    h->trace = fn;
    h->trace_ctx = ctx;
    h->small_limit = fn ? 0 : PM_SMALL_REQUEST;
    h->slow_mask = fn ? ~(uint32_t)0 : PM_RAW_BIT;
}

static PmPtr realloc_block(PmHeap *h, PmPtr p, size_t n)
{
    if (p == PM_NULL)
        return alloc_block(h, n);
    if (pm_is_raw(p)) { /* a system block is never adopted by pymalloc */
        uint32_t i = p & ~PM_RAW_BIT;
        size_t want = n ? n : 1;
        if (want > h->raw_size[i] && !pm_fits(h, want - h->raw_size[i])) {
            pm_refuse(h);
            return PM_NULL;
        }
        h->raw_live_bytes -= h->raw_size[i];
        h->raw_size[i] = want;
        h->raw_live_bytes += h->raw_size[i];
        return p;
    }
    size_t size = pm_block_size(h, p);
    if (n <= size && 4 * n > 3 * size)
        return p; /* same class, or shrinking by less than a quarter */
    PmPtr q = alloc_block(h, n);
    if (q == PM_NULL)
        return PM_NULL;
    free_block(h, p);
    return q;
}

/* tracemalloc_realloc: the old block's trace goes, the new one's comes with
 * the new requested size (in place too); a failed resize keeps the old. */
PmPtr pm_realloc(PmHeap *h, PmPtr p, size_t n)
{
    PmPtr q = realloc_block(h, p, n);
    if (h->trace != NULL && q != PM_NULL)
        h->trace(h->trace_ctx, q, n, p);
    return q;
}

uint64_t pm_host_bytes(const PmHeap *h)
{
    uint64_t b = (uint64_t)h->narenas_alloc * (sizeof(PmArena) + h->pools_per_arena * sizeof(PmPool));
    b += h->narenas_highwater * h->pools_per_arena * MAXBLOCKS * 2; /* links, kept per record */
    return b + h->cap_raw * 16 + h->cap_free_addrs * 8;
}

uint64_t pm_address(const PmHeap *h, PmPtr p)
{
    if (p == PM_NULL)
        return 0;
    if (pm_is_raw(p))
        return h->raw_addr[p & ~PM_RAW_BIT];
    uint32_t pid = (p >> 10) - 1, b = p & 1023u;
    const PmArena *a = &h->arenas[pid / h->pools_per_arena];
    uint64_t base = a->address & ~(uint64_t)(h->pool_size - 1);
    uint64_t pool = base + (uint64_t)(pid % h->pools_per_arena) * h->pool_size;
    return pool + PM_POOL_OVERHEAD + (uint64_t)b * pm_class_size(h->pools[pid].szidx);
}

void pm_stats(const PmHeap *h, PmStats *s)
{
    memset(s, 0, sizeof *s);
    for (unsigned c = 0; c < PM_NCLASSES; c++) {
        uint32_t bpp = pm_blocks_per_pool(h, c), size = pm_class_size(c);
        s->pools[c] = h->class_pools[c];
        s->in_use[c] = h->class_in_use[c];
        s->avail[c] = (uint64_t)h->class_pools[c] * bpp - h->class_in_use[c];
        s->bytes_allocated += s->in_use[c] * size;
        s->bytes_available += s->avail[c] * size;
        s->bytes_pool_headers += (uint64_t)h->class_pools[c] * PM_POOL_OVERHEAD;
        s->bytes_quantization +=
            (uint64_t)h->class_pools[c] * (h->pool_size - PM_POOL_OVERHEAD - bpp * size);
    }
    for (uint32_t i = 0; i < h->narenas_alloc; i++) {
        const PmArena *a = &h->arenas[i];
        if (!a->live)
            continue;
        s->unused_pools += a->nfreepools;
        if (a->ntotalpools < h->pools_per_arena)
            s->unaligned_arenas++;
    }
    s->arenas_total = h->ntimes_arena_allocated;
    s->arenas_current = h->narenas_current;
    s->arenas_reclaimed = h->ntimes_arena_allocated - h->narenas_current;
    s->arenas_highwater = h->narenas_highwater;
    s->raw_blocks = h->raw_live_blocks;
    s->raw_bytes = h->raw_live_bytes;
}

uint16_t pm_pool_blocks(const PmHeap *h, uint32_t arena, uint32_t pool, bool *in_use,
                        uint16_t *chain, uint16_t max_chain, uint16_t *nchain,
                        uint16_t *next_virgin)
{
    *nchain = 0;
    *next_virgin = 0;
    if (arena >= h->narenas_alloc || !h->arenas[arena].live || pool >= h->pools_per_arena)
        return 0;
    uint32_t pid = arena * h->pools_per_arena + pool;
    const PmPool *p = &h->pools[pid];
    if (pool >= h->arenas[arena].nextvirgin || p->szidx == 0xffff || p->maxblocks == 0)
        return 0;
    const uint16_t *links = h->arenas[arena].links + (size_t)pool * MAXBLOCKS;
    for (uint16_t b = 0; b < p->maxblocks; b++)
        in_use[b] = b < p->nextblock;
    /* Walk the LIFO list; a guard bounds it should the list ever loop. */
    for (uint16_t b = p->freeblock, guard = 0; b != NOBLOCK && guard <= p->maxblocks;
         b = links[b], guard++) {
        if (b >= p->maxblocks)
            break;
        in_use[b] = false;
        if (*nchain < max_chain)
            chain[(*nchain)++] = b;
    }
    *next_virgin = p->nextblock;
    return p->maxblocks;
}

/* ---- audit ---------------------------------------------------------------- */

static bool audit_line(Buf *report, const char *what, uint64_t got, uint64_t want)
{
    buf_printf(report, "allocator: %s: recounted %llu, recorded %llu\n", what,
               (unsigned long long)got, (unsigned long long)want);
    return false;
}

/* Blocks in use in one carved pool, from its free list and virgin mark. */
static uint32_t pool_recount(PmHeap *h, uint32_t pid)
{
    const PmPool *p = &h->pools[pid];
    const uint16_t *links = links_of(h, pid);
    uint32_t nfree = 0;
    for (uint16_t b = p->freeblock; b != NOBLOCK && nfree <= p->maxblocks; b = links[b])
        nfree++;
    return nfree > p->nextblock ? UINT32_MAX : p->nextblock - nfree;
}

bool pm_audit(const PmHeap *ch, Buf *report)
{
    PmHeap *h = (PmHeap *)ch; /* links_of takes a mutable heap; nothing is written */
    bool ok = true;
    uint64_t in_use[PM_NCLASSES] = {0}, pools[PM_NCLASSES] = {0}, live = 0;
    for (uint32_t ai = 0; ai < h->narenas_alloc; ai++) {
        const PmArena *a = &h->arenas[ai];
        if (!a->live)
            continue;
        live++;
        uint32_t skip = a->ntotalpools < h->pools_per_arena ? 1 : 0, used = 0;
        for (uint32_t k = 0; k < a->nextvirgin; k++) {
            uint32_t pid = ai * h->pools_per_arena + k + skip;
            const PmPool *p = &h->pools[pid];
            if (p->count == 0 || p->szidx == DUMMY_SIZE_IDX)
                continue;
            uint32_t n = pool_recount(h, pid);
            if (n != p->count)
                ok = audit_line(report, "blocks in a pool", n, p->count);
            used++;
            pools[p->szidx]++;
            in_use[p->szidx] += p->count;
        }
        if (a->nfreepools != a->ntotalpools - used)
            ok = audit_line(report, "free pools of an arena", a->ntotalpools - used, a->nfreepools);
    }
    if (live != h->narenas_current)
        ok = audit_line(report, "arenas in use", live, h->narenas_current);
    for (unsigned c = 0; c < PM_NCLASSES; c++) {
        if (in_use[c] != h->class_in_use[c])
            ok = audit_line(report, "blocks in use of a size class", in_use[c], h->class_in_use[c]);
        if (pools[c] != h->class_pools[c])
            ok = audit_line(report, "pools of a size class", pools[c], h->class_pools[c]);
    }
    uint64_t raw = 0, raw_bytes = 0;
    for (uint32_t i = 0; i < h->nraw; i++)
        if (h->raw_size[i]) {
            raw++;
            raw_bytes += h->raw_size[i];
        }
    if (raw != h->raw_live_blocks)
        ok = audit_line(report, "system blocks", raw, h->raw_live_blocks);
    if (raw_bytes != h->raw_live_bytes)
        ok = audit_line(report, "system bytes", raw_bytes, h->raw_live_bytes);
    return ok;
}
