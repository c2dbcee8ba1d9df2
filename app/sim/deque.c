/*
 * deque: collections.deque as Modules/_collectionsmodule.c lays it out
 * (3.11-3.13): a GC object of 216 bytes holding a doubly linked list of
 * blocks, each 64 item slots and two links (528 bytes, a PyMem block past
 * pymalloc's limit, so the system malloc's), a cache of up to 16 freed
 * blocks, and leftindex/rightindex into the end blocks.  __sizeof__
 * counts the blocks the items span from leftindex, so the size grows in
 * 528-byte steps that depend on where the items started: the center of
 * the first block (an empty deque), its left edge (extend() of an empty
 * deque) or its right edge (extendleft()).
 *
 * Payload (32-bit words): a header, then one record per block from left
 * to right, each the block's PmPtr and its 64 slots.  The rightindex is
 * not stored: it is leftindex + len - 1 - 64 * (nblocks - 1).
 */
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/internal.h"

enum {
    DQ_LEFT,          /* leftindex */
    DQ_MAXLEN_LO,     /* maxlen, -1 for None (two words) */
    DQ_MAXLEN_HI,
    DQ_NFREE,         /* blocks in the free cache */
    DQ_NBLOCKS,       /* blocks in the list */
    DQ_STATE,         /* mutation counter, as the iterators check it */
    DQ_FREE,          /* the free cache: DQ_MAXFREE PmPtrs */
    DQ_HEADER = DQ_FREE + 16,
};
#define DQ_MAXFREE 16u
#define BLOCKLEN SIM_DEQUE_BLOCKLEN
#define CENTER ((BLOCKLEN - 1) / 2)
#define RECORD (1u + BLOCKLEN)
#define BLOCK_BYTES ((size_t)(BLOCKLEN + 2) * 8)

static uint32_t *hdr(const Sim *s, SimId d) { return slab_ptr(&s->slab, s->obj[d].data); }
static uint32_t *record(const Sim *s, SimId d, uint32_t b) { return hdr(s, d) + DQ_HEADER + b * RECORD; }
static uint32_t nblocks(const Sim *s, SimId d) { return hdr(s, d)[DQ_NBLOCKS]; }
static int64_t leftindex(const Sim *s, SimId d) { return hdr(s, d)[DQ_LEFT]; }

static int64_t rightindex(const Sim *s, SimId d)
{
    return leftindex(s, d) + (int64_t)s->obj[d].len - 1 - (int64_t)BLOCKLEN * (nblocks(s, d) - 1);
}

/* the slot of item i (0 = leftmost) */
static SimId *item_slot(const Sim *s, SimId d, size_t i)
{
    size_t at = (size_t)leftindex(s, d) + i;
    return (SimId *)record(s, d, (uint32_t)(at / BLOCKLEN)) + 1 + at % BLOCKLEN;
}

/* newblock: from the cache, else PyMem_Malloc */
static PmPtr new_block(Sim *s, SimId d)
{
    uint32_t *h = hdr(s, d);
    if (h[DQ_NFREE] > 0)
        return h[DQ_FREE + --h[DQ_NFREE]];
    return pm_alloc(&s->pm, BLOCK_BYTES);
}

/* freeblock: into the cache while it has room, else PyMem_Free */
static void free_block(Sim *s, SimId d, PmPtr b)
{
    uint32_t *h = hdr(s, d);
    if (h[DQ_NFREE] < DQ_MAXFREE)
        h[DQ_FREE + h[DQ_NFREE]++] = b;
    else
        pm_free(&s->pm, b);
}

/* room for n block records; false (refusal recorded) when refused */
static bool room_for(Sim *s, SimId d, uint32_t n)
{
    SimObj *o = &s->obj[d];
    size_t want = DQ_HEADER + (size_t)n * RECORD;
    if (want <= o->datacap)
        return true;
    uint32_t cap = o->datacap;
    uint32_t h = slab_resize(&s->slab, o->data, &cap, want * 2, DQ_HEADER + (size_t)nblocks(s, d) * RECORD);
    if (!h) {
        sim_set_nomem(s);
        return false;
    }
    o = &s->obj[d];
    o->data = h;
    o->datacap = cap;
    return true;
}

/* a block at the right (or left) end of the list */
static bool add_block(Sim *s, SimId d, bool left)
{
    uint32_t n = nblocks(s, d);
    if (!room_for(s, d, n + 1))
        return false;
    PmPtr b = new_block(s, d);
    if (left)
        memmove(record(s, d, 1), record(s, d, 0), (size_t)n * RECORD * sizeof(uint32_t));
    uint32_t *r = record(s, d, left ? 0 : n);
    memset(r, 0, RECORD * sizeof *r);
    r[0] = b;
    hdr(s, d)[DQ_NBLOCKS] = n + 1;
    return true;
}

static void drop_block(Sim *s, SimId d, bool left)
{
    uint32_t n = nblocks(s, d);
    PmPtr b = record(s, d, left ? 0 : n - 1)[0];
    if (left)
        memmove(record(s, d, 0), record(s, d, 1), (size_t)(n - 1) * RECORD * sizeof(uint32_t));
    hdr(s, d)[DQ_NBLOCKS] = n - 1;
    free_block(s, d, b);
}

SimId sim_deque(Sim *s, int64_t maxlen)
{
    SimId d = sim__new_obj(s, SK_DEQUE, 216, NULL, true);
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, DQ_HEADER + RECORD, &cap);
    SimObj *o = &s->obj[d];
    o->data = h;
    o->datacap = cap;
    if (!h) {
        sim_set_nomem(s);
        sim_track(s, d);
        return d;
    }
    memset(slab_ptr(&s->slab, h), 0, (DQ_HEADER + RECORD) * sizeof(uint32_t));
    uint32_t *w = hdr(s, d);
    uint64_t m = (uint64_t)maxlen;
    w[DQ_MAXLEN_LO] = (uint32_t)m;
    w[DQ_MAXLEN_HI] = (uint32_t)(m >> 32);
    w[DQ_LEFT] = CENTER + 1;
    w[DQ_NBLOCKS] = 1;
    record(s, d, 0)[0] = pm_alloc(&s->pm, BLOCK_BYTES);
    sim_track(s, d); /* PyType_GenericAlloc */
    return d;
}

int64_t sim_deque_maxlen(const Sim *s, SimId d)
{
    if (!s->obj[d].data)
        return -1;
    const uint32_t *w = hdr(s, d);
    return (int64_t)((uint64_t)w[DQ_MAXLEN_LO] | (uint64_t)w[DQ_MAXLEN_HI] << 32);
}

uint32_t sim_deque_state(const Sim *s, SimId d) { return s->obj[d].data ? hdr(s, d)[DQ_STATE] : 0; }

void sim_deque_touch(Sim *s, SimId d)
{
    if (s->obj[d].data)
        hdr(s, d)[DQ_STATE]++;
}

SimId sim_deque_item(const Sim *s, SimId d, size_t i) { return *item_slot(s, d, i); }

void sim_deque_set_item(Sim *s, SimId d, size_t i, SimId v)
{
    SimId *slot = item_slot(s, d, i);
    SimId old = *slot;
    *slot = v;
    sim_xdecref(s, old);
}

bool sim_deque_push(Sim *s, SimId d, SimId item, bool left)
{
    if (!s->obj[d].data || !sim__len_fits(s, (uint64_t)s->obj[d].len + 1)) {
        sim_decref(s, item);
        return false;
    }
    if (left) {
        if (leftindex(s, d) == 0) {
            if (!add_block(s, d, true)) {
                sim_decref(s, item);
                return false;
            }
            hdr(s, d)[DQ_LEFT] = BLOCKLEN;
        }
        hdr(s, d)[DQ_LEFT]--;
        s->obj[d].len++;
        *item_slot(s, d, 0) = item;
    } else {
        if (rightindex(s, d) == BLOCKLEN - 1 && !add_block(s, d, false)) {
            sim_decref(s, item);
            return false;
        }
        s->obj[d].len++;
        *item_slot(s, d, s->obj[d].len - 1) = item;
    }
    return true;
}

SimId sim_deque_pop(Sim *s, SimId d, bool left)
{
    SimObj *o = &s->obj[d];
    if (!o->data || o->len == 0)
        return 0;
    SimId item;
    if (left) {
        item = *item_slot(s, d, 0);
        hdr(s, d)[DQ_LEFT]++;
        s->obj[d].len--;
        if (leftindex(s, d) == BLOCKLEN) {
            if (s->obj[d].len) {
                drop_block(s, d, true);
                hdr(s, d)[DQ_LEFT] = 0;
            } else {
                hdr(s, d)[DQ_LEFT] = CENTER + 1; /* re-center instead of freeing a block */
            }
        }
    } else {
        item = *item_slot(s, d, o->len - 1);
        s->obj[d].len--;
        if (rightindex(s, d) < 0) {
            if (s->obj[d].len)
                drop_block(s, d, false);
            else
                hdr(s, d)[DQ_LEFT] = CENTER + 1;
        }
    }
    hdr(s, d)[DQ_STATE]++;
    return item;
}

void sim_deque_start_extend(Sim *s, SimId d, bool left)
{
    if (s->obj[d].data && s->obj[d].len == 0) /* the space-saving heuristic: fill from an edge */
        hdr(s, d)[DQ_LEFT] = left ? BLOCKLEN - 1 : 1;
}

/* _deque_rotate, block by block (its spare block `b` included) */
void sim_deque_rotate(Sim *s, SimId d, int64_t n)
{
    int64_t len = s->obj[d].len, half = len >> 1;
    if (len <= 1 || !s->obj[d].data)
        return;
    if (n > half || n < -half) {
        n %= len;
        if (n > half)
            n -= len;
        else if (n < -half)
            n += len;
    }
    hdr(s, d)[DQ_STATE]++;
    PmPtr spare = 0;
    while (n > 0) {
        if (leftindex(s, d) == 0) {
            if (!room_for(s, d, nblocks(s, d) + 1))
                break;
            uint32_t nb = nblocks(s, d);
            PmPtr b = spare ? spare : new_block(s, d);
            spare = 0;
            memmove(record(s, d, 1), record(s, d, 0), (size_t)nb * RECORD * sizeof(uint32_t));
            memset(record(s, d, 0), 0, RECORD * sizeof(uint32_t));
            record(s, d, 0)[0] = b;
            hdr(s, d)[DQ_NBLOCKS] = nb + 1;
            hdr(s, d)[DQ_LEFT] = BLOCKLEN;
        }
        int64_t m = n, ri = rightindex(s, d), li = leftindex(s, d);
        if (m > ri + 1)
            m = ri + 1;
        if (m > li)
            m = li;
        /* the last m items move in front of the first */
        uint32_t nb = nblocks(s, d);
        for (int64_t k = 0; k < m; k++) {
            SimId *src = (SimId *)record(s, d, nb - 1) + 1 + (ri - m + 1 + k);
            SimId *dst = (SimId *)record(s, d, 0) + 1 + (li - m + k);
            *dst = *src;
            *src = 0;
        }
        hdr(s, d)[DQ_LEFT] = (uint32_t)(li - m);
        n -= m;
        if (ri - m < 0) { /* the right block emptied: kept as the spare */
            spare = record(s, d, nb - 1)[0];
            hdr(s, d)[DQ_NBLOCKS] = nb - 1;
        }
    }
    while (n < 0) {
        if (rightindex(s, d) == BLOCKLEN - 1) {
            if (!room_for(s, d, nblocks(s, d) + 1))
                break;
            uint32_t nb = nblocks(s, d);
            PmPtr b = spare ? spare : new_block(s, d);
            spare = 0;
            memset(record(s, d, nb), 0, RECORD * sizeof(uint32_t));
            record(s, d, nb)[0] = b;
            hdr(s, d)[DQ_NBLOCKS] = nb + 1;
        }
        int64_t m = -n, ri = rightindex(s, d), li = leftindex(s, d);
        if (m > BLOCKLEN - li)
            m = BLOCKLEN - li;
        if (m > BLOCKLEN - 1 - ri)
            m = BLOCKLEN - 1 - ri;
        uint32_t nb = nblocks(s, d);
        for (int64_t k = 0; k < m; k++) {
            SimId *src = (SimId *)record(s, d, 0) + 1 + (li + k);
            SimId *dst = (SimId *)record(s, d, nb - 1) + 1 + (ri + 1 + k);
            *dst = *src;
            *src = 0;
        }
        n += m;
        if (li + m == BLOCKLEN) { /* the left block emptied: kept as the spare */
            spare = record(s, d, 0)[0];
            memmove(record(s, d, 0), record(s, d, 1), (size_t)(nb - 1) * RECORD * sizeof(uint32_t));
            hdr(s, d)[DQ_NBLOCKS] = nb - 1;
            hdr(s, d)[DQ_LEFT] = 0;
        } else {
            hdr(s, d)[DQ_LEFT] = (uint32_t)(li + m);
        }
    }
    if (spare)
        free_block(s, d, spare);
}

/* deque_clear: empty at once on a fresh block, then the old blocks go
 * and the items are released left to right */
void sim_deque_clear(Sim *s, SimId d)
{
    SimObj *o = &s->obj[d];
    if (!o->data || o->len == 0)
        return;
    uint32_t n = o->len, nb = nblocks(s, d), left = (uint32_t)leftindex(s, d);
    SimId *items = xmalloc((size_t)n * sizeof *items);
    PmPtr *old = xmalloc((size_t)nb * sizeof *old);
    for (uint32_t i = 0; i < n; i++)
        items[i] = *item_slot(s, d, i);
    for (uint32_t b = 0; b < nb; b++)
        old[b] = record(s, d, b)[0];
    (void)left;
    PmPtr fresh = new_block(s, d);
    memset(record(s, d, 0), 0, RECORD * sizeof(uint32_t));
    record(s, d, 0)[0] = fresh;
    hdr(s, d)[DQ_NBLOCKS] = 1;
    hdr(s, d)[DQ_LEFT] = CENTER + 1;
    hdr(s, d)[DQ_STATE]++;
    s->obj[d].len = 0;
    for (uint32_t b = 0; b < nb; b++)
        free_block(s, d, old[b]);
    for (uint32_t i = 0; i < n; i++)
        sim_decref(s, items[i]);
    free(items);
    free(old);
}

size_t sim__deque_sizeof(const Sim *s, SimId d)
{
    const SimObj *o = &s->obj[d];
    size_t blocks = o->data ? ((size_t)leftindex(s, d) + o->len + BLOCKLEN - 1) / BLOCKLEN : 1;
    return 216 + 16 + blocks * BLOCK_BYTES;
}

void sim__deque_traverse(Sim *s, SimId d, SimVisit fn, void *arg)
{
    const SimObj *o = &s->obj[d];
    if (s->prof->version != SIM_V311) /* 3.12+: a heap type, visited first */
        fn(s, s->types[SK_DEQUE], arg);
    for (uint32_t i = 0; o->data && i < s->obj[d].len; i++)
        fn(s, *item_slot(s, d, i), arg);
}

void sim__deque_owned(Sim *s, SimId d, SimVisit fn, void *arg)
{
    for (uint32_t i = 0; s->obj[d].data && i < s->obj[d].len; i++)
        fn(s, *item_slot(s, d, i), arg);
}

uint32_t sim__deque_blocks(const Sim *s, SimId d)
{
    return s->obj[d].data ? nblocks(s, d) + hdr(s, d)[DQ_NFREE] : 0;
}

/* deque_dealloc after the weakrefs: the items (deque_clear), the blocks,
 * the cache; the caller frees the object */
void sim__deque_dealloc(Sim *s, SimId d)
{
    if (!s->obj[d].data)
        return;
    sim_deque_clear(s, d);
    uint32_t nb = nblocks(s, d);
    for (uint32_t b = 0; b < nb; b++)
        pm_free(&s->pm, record(s, d, b)[0]);
    hdr(s, d)[DQ_NBLOCKS] = 0;
    uint32_t *h = hdr(s, d);
    for (uint32_t i = 0; i < h[DQ_NFREE]; i++)
        pm_free(&s->pm, h[DQ_FREE + i]);
    h[DQ_NFREE] = 0;
}
