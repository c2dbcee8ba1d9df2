/*
 * set: set and frozenset tables as Objects/setobject.c keeps them (3.11 to
 * 3.13 alike), because the order a set prints in and the size getsizeof
 * reports both follow the table: 8 inline slots, a probe of the next 9
 * slots before a perturbed jump, entries that remember their hash, a
 * deleted key left behind as a dummy that still counts in `fill` (an add
 * takes the first dummy on its probe path), growth to used*4 once fill
 * reaches 3/5 of the mask, and a pop that walks from a moving finger.
 *
 * The payload chunk holds `slots` keys (0: unused or dummy) followed by
 * `slots` 64-bit hashes as word pairs (a dummy's hash is -1, an unused
 * slot's 0), so code that only walks the keys reads the first `slots`
 * words.  mem2 is the table CPython allocates once it outgrows the inline
 * one (16 bytes a slot).
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/userkey.h"

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define DUMMY_HASH UINT64_MAX

static SimId *keys_of(const Sim *s, SimId set) { return slab_ptr(&s->slab, s->obj[set].data); }

static uint64_t hash_at(const Sim *s, SimId set, uint32_t i)
{
    const uint32_t *w = keys_of(s, set) + s->obj[set].v.set.slots + 2 * (size_t)i;
    return (uint64_t)w[0] | (uint64_t)w[1] << 32;
}

static void put(const Sim *s, SimId set, uint32_t i, SimId key, uint64_t hash)
{
    uint32_t *w = keys_of(s, set);
    w[i] = key;
    w += s->obj[set].v.set.slots + 2 * (size_t)i;
    w[0] = (uint32_t)hash;
    w[1] = (uint32_t)(hash >> 32);
}

size_t sim__set_sizeof(const Sim *s, SimId d)
{
    uint32_t slots = SIM_V(s, d, SK_SET, set.slots);
    return 216 + (slots > MINSIZE ? (size_t)slots * 16 : 0);
}

/* A zeroed table of `slots` for set, its old one left to the caller. */
static bool new_table(Sim *s, SimId set, uint32_t slots)
{
    if (!sim_mem_room(s, slots > MINSIZE ? (uint64_t)slots * 16 : 0, (uint64_t)slots * 3))
        return false;
    uint32_t cap;
    uint32_t data = slab_alloc(&s->slab, (size_t)slots * 3, &cap);
    if (!data) {
        sim_set_nomem(s);
        return false;
    }
    memset(slab_ptr(&s->slab, data), 0, (size_t)slots * 3 * sizeof(uint32_t));
    SimObj *o = &s->obj[set];
    o->data = data;
    o->datacap = cap;
    o->v.set.slots = slots;
    /* PyMem_NEW of the new table comes before the old one is freed */
    o->mem2 = slots > MINSIZE ? pm_alloc(&s->pm, (size_t)slots * 16) : PM_NULL;
    return true;
}

/* The probe sequence from hash: at i, the slots i..i+9 when they stay
 * below the mask, then a jump perturbed by the hash's higher bits.
 * `k` counts the linear steps taken from the run's start. */
static uint32_t probe_next(uint32_t i, uint32_t mask, uint64_t *perturb, int *k)
{
    if (*k < LINEAR_PROBES && (size_t)i - (size_t)*k + LINEAR_PROBES <= mask) {
        ++*k;
        return i + 1;
    }
    uint32_t base = i - (uint32_t)*k;
    *k = 0;
    *perturb >>= PERTURB_SHIFT;
    return (uint32_t)(((uint64_t)base * 5 + 1 + *perturb) & mask);
}

/* set_insert_clean: into a table without dummies, at the first free slot */
static void insert_clean(Sim *s, SimId set, SimId key, uint64_t hash)
{
    uint32_t mask = s->obj[set].v.set.slots - 1, i = (uint32_t)hash & mask;
    uint64_t perturb = hash;
    int k = 0;
    const SimId *t = keys_of(s, set);
    while (t[i])
        i = probe_next(i, mask, &perturb, &k);
    put(s, set, i, key, hash);
}

/* set_lookkey: the slot holding key, or -1 (dummies are probed past);
 * -2 when a program's __eq__ raised (userkey.h), after which a changed
 * table is probed again as CPython restarts */
static int64_t find(const Sim *s, SimId set, SimId key, uint64_t hash)
{
restart:;
    const SimObj *o = &s->obj[set];
    if (!o->v.set.slots)
        return -1;
    uint32_t mask = o->v.set.slots - 1, i = (uint32_t)hash & mask;
    uint64_t perturb = hash;
    int k = 0;
    for (;;) {
        uint64_t h = hash_at(s, set, i);
        SimId t = keys_of(s, set)[i];
        if (!t && h == 0)
            return -1;
        if (t && h == hash) {
            if (t == key)
                return i;
            if (s->ukeys && sim__eq_runs_code(s, t, key)) { /* the entry's __eq__, held while it runs */
                uint32_t data = s->obj[set].data;
                int r = sim__key_equal(s, t, key);
                if (r < 0)
                    return -2;
                if (s->obj[set].data != data || keys_of(s, set)[i] != t)
                    goto restart;
                if (r)
                    return i;
            } else if (sim_equal(s, t, key)) {
                return i;
            }
        }
        i = probe_next(i, mask, &perturb, &k);
    }
}

static uint32_t table_size_for(size_t minused)
{
    size_t slots = MINSIZE;
    while (slots <= minused && slots < ((size_t)1 << 31))
        slots <<= 1;
    return slots <= minused ? 0 : (uint32_t)slots;
}

/* set_table_resize: the smallest power of two above minused; the live
 * entries re-inserted in table order, the dummies dropped */
void sim_set_presize(Sim *s, SimId set, size_t minused)
{
    uint32_t slots = table_size_for(minused);
    if (!slots) {
        sim_set_nomem(s);
        return;
    }
    SimObj *o = &s->obj[set];
    if (o->data && slots == MINSIZE && o->v.set.slots == MINSIZE && o->v.set.fill == o->len)
        return; /* the inline table, no dummies: nothing to do */
    uint32_t old = o->data, oldcap = o->datacap, oldslots = o->v.set.slots;
    PmPtr oldmem = o->mem2;
    if (!new_table(s, set, slots))
        return;
    const uint32_t *ot = old ? slab_ptr(&s->slab, old) : NULL;
    for (uint32_t i = 0; i < oldslots; i++)
        if (ot[i]) {
            const uint32_t *h = ot + oldslots + 2 * (size_t)i;
            insert_clean(s, set, ot[i], (uint64_t)h[0] | (uint64_t)h[1] << 32);
        }
    o = &s->obj[set];
    o->v.set.fill = o->len;
    if (oldmem)
        pm_free(&s->pm, oldmem);
    if (old)
        slab_free(&s->slab, old, oldcap);
}

/* set_merge's and the dict update's one resize up front, for n new keys */
void sim_set_reserve(Sim *s, SimId set, size_t n)
{
    const SimObj *o = &s->obj[set];
    uint32_t slots = o->v.set.slots ? o->v.set.slots : MINSIZE;
    if (((size_t)o->v.set.fill + n) * 5 >= (size_t)(slots - 1) * 3)
        sim_set_presize(s, set, ((size_t)o->len + n) * 2);
}

static bool ensure_table(Sim *s, SimId set)
{
    return s->obj[set].v.set.slots || new_table(s, set, MINSIZE);
}

bool sim_set_add_hash(Sim *s, SimId set, SimId key, uint64_t hash)
{
    if (!ensure_table(s, set) || find(s, set, key, hash) != -1) { /* present, or its __eq__ raised */
        sim_decref(s, key);
        return false;
    }
    SimObj *o = &s->obj[set];
    uint32_t mask = o->v.set.slots - 1;
    if (o->v.set.fill >= mask) { /* a refused resize left no free slot */
        sim_decref(s, key);
        sim_set_nomem(s);
        return false;
    }
    /* set_add_entry: the first dummy on the probe path, else the unused
     * slot that ends it (which alone counts in fill and may grow the table) */
    uint32_t i = (uint32_t)hash & mask;
    int64_t freeslot = -1;
    uint64_t perturb = hash;
    int k = 0;
    const SimId *t = keys_of(s, set);
    while (t[i] || hash_at(s, set, i) == DUMMY_HASH) {
        if (!t[i] && freeslot < 0)
            freeslot = i;
        i = probe_next(i, mask, &perturb, &k);
    }
    o->len++;
    if (freeslot >= 0) {
        put(s, set, (uint32_t)freeslot, key, hash);
        return true;
    }
    put(s, set, i, key, hash);
    o->v.set.fill++;
    if ((size_t)o->v.set.fill * 5 >= (size_t)mask * 3)
        sim_set_presize(s, set, o->len > 50000 ? (size_t)o->len * 2 : (size_t)o->len * 4);
    return true;
}

bool sim_set_add(Sim *s, SimId set, SimId key) { return sim_set_add_hash(s, set, key, sim_hash(s, key)); }

bool sim_set_contains(const Sim *s, SimId set, SimId key) { return find(s, set, key, sim_hash(s, key)) >= 0; }

/* set_discard_entry: the slot becomes a dummy; the table keeps its size */
bool sim_set_discard(Sim *s, SimId set, SimId key)
{
    int64_t i = find(s, set, key, sim_hash(s, key));
    if (i < 0)
        return false;
    SimId old = keys_of(s, set)[i];
    put(s, set, (uint32_t)i, 0, DUMMY_HASH);
    s->obj[set].len--;
    sim_decref(s, old);
    return true;
}

/* set_pop: from the finger, the first live slot (wrapping round) */
SimId sim_set_pop(Sim *s, SimId set)
{
    SimObj *o = &s->obj[set];
    if (!o->len)
        return 0;
    uint32_t mask = o->v.set.slots - 1, i = o->v.set.finger & mask;
    const SimId *t = keys_of(s, set);
    while (!t[i])
        i = i == mask ? 0 : i + 1;
    SimId key = t[i];
    put(s, set, i, 0, DUMMY_HASH);
    o->len--;
    o->v.set.finger = i + 1;
    return key;
}

/* set_clear_internal: back to the empty inline table, then the keys
 * dropped in table order */
void sim_set_clear(Sim *s, SimId set)
{
    SimObj *o = &s->obj[set];
    if (!o->v.set.slots || (!o->v.set.fill && o->v.set.slots == MINSIZE))
        return;
    uint32_t old = o->data, oldcap = o->datacap, oldslots = o->v.set.slots;
    PmPtr oldmem = o->mem2;
    SimId *keys = xmalloc((size_t)oldslots * sizeof *keys);
    memcpy(keys, slab_ptr(&s->slab, old), (size_t)oldslots * sizeof *keys);
    if (!new_table(s, set, MINSIZE)) { /* the budget refused even 8 slots: empty in place */
        o = &s->obj[set];
        o->data = old, o->datacap = oldcap, o->v.set.slots = oldslots, o->mem2 = oldmem;
        memset(slab_ptr(&s->slab, old), 0, (size_t)oldslots * 3 * sizeof(uint32_t));
        old = 0, oldmem = PM_NULL;
    }
    o = &s->obj[set];
    o->len = o->v.set.fill = 0;
    if (oldmem)
        pm_free(&s->pm, oldmem);
    if (old)
        slab_free(&s->slab, old, oldcap);
    for (uint32_t i = 0; i < oldslots; i++)
        if (keys[i])
            sim_decref(s, keys[i]);
    free(keys);
}

/* set_merge of set `other` into `set`: one resize up front; an empty
 * table of the same size as a dummy-free other takes its slots as they
 * are, an empty one any other size re-inserts them clean, a used one adds
 * them one by one */
void sim_set_merge(Sim *s, SimId set, SimId other)
{
    if (other == set || !s->obj[other].len || !ensure_table(s, set))
        return;
    sim_set_reserve(s, set, s->obj[other].len);
    SimObj *o = &s->obj[set];
    const SimObj *src = &s->obj[other];
    uint32_t n = src->v.set.slots;
    const SimId *ot = keys_of(s, other);
    if (o->v.set.fill == 0) {
        bool same = o->v.set.slots == n && src->v.set.fill == src->len;
        for (uint32_t i = 0; i < n; i++)
            if (ot[i]) {
                sim_incref(s, ot[i]);
                if (same)
                    put(s, set, i, ot[i], hash_at(s, other, i));
                else
                    insert_clean(s, set, ot[i], hash_at(s, other, i));
            }
        o = &s->obj[set];
        o->len = src->len;
        o->v.set.fill = same ? src->v.set.fill : src->len;
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        SimId k = keys_of(s, other)[i];
        if (k) {
            sim_incref(s, k);
            sim_set_add_hash(s, set, k, hash_at(s, other, i));
        }
    }
}

/* set_swap_bodies: a and b trade tables (set &= other keeps the new one) */
void sim_set_swap(Sim *s, SimId a, SimId b)
{
    SimObj *x = &s->obj[a], *y = &s->obj[b];
    SimObj t = *x;
    x->data = y->data, x->datacap = y->datacap, x->len = y->len, x->mem2 = y->mem2, x->v.set = y->v.set;
    y->data = t.data, y->datacap = t.datacap, y->len = t.len, y->mem2 = t.mem2, y->v.set = t.v.set;
}

bool sim_set_next(const Sim *s, SimId set, uint32_t *pos, SimId *key, uint64_t *hash)
{
    const SimObj *o = &s->obj[set];
    while (*pos < o->v.set.slots) {
        uint32_t i = (*pos)++;
        SimId k = keys_of(s, set)[i];
        if (k) {
            *key = k;
            *hash = hash_at(s, set, i);
            return true;
        }
    }
    return false;
}
