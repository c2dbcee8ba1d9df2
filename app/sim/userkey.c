/*
 * userkey: the hashes a program's __hash__ gave, kept beside the heap
 * (userkey.h says why).  One open-addressing table maps a pair of ids to a
 * hash: (0, obj) is the hash obj's class gave last, (c, key) the one
 * container c stored key with, (c, 0) counts the keys c stored so that
 * freeing a container without user keys costs one probe, and (c,
 * SIM_UK_PROBE) holds a dict's probe index (dictprobe.c).
 */
#include "sim/userkey.h"
#include "sim/subinst.h"
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"


static uint64_t pair_of(SimId high, SimId low) { return (uint64_t)high << 32 | low; }

static size_t home(const struct SimUserKeys *u, uint64_t pair)
{
    return (size_t)((pair * 0x9e3779b97f4a7c15ull) >> 17) & (u->cap - 1);
}

static UkSlot *find(const struct SimUserKeys *u, uint64_t pair)
{
    if (!u || !u->n)
        return NULL;
    for (size_t i = home(u, pair);; i = (i + 1) & (u->cap - 1)) {
        if (u->slot[i].pair == pair)
            return &u->slot[i];
        if (!u->slot[i].pair)
            return NULL;
    }
}

static void put(Sim *s, uint64_t pair, uint64_t value);

static void grow(Sim *s)
{
    struct SimUserKeys *u = s->ukeys;
    UkSlot *old = u->slot;
    size_t oldcap = u->cap;
    u->cap = oldcap ? oldcap * 2 : 64;
    u->slot = xcalloc(u->cap, sizeof *u->slot);
    u->n = 0;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].pair)
            put(s, old[i].pair, old[i].value);
    free(old);
}

static void put(Sim *s, uint64_t pair, uint64_t value)
{
    if (!s->ukeys)
        s->ukeys = xcalloc(1, sizeof *s->ukeys);
    struct SimUserKeys *u = s->ukeys;
    if ((u->n + 1) * 2 > u->cap)
        grow(s);
    size_t i = home(u, pair);
    while (u->slot[i].pair && u->slot[i].pair != pair)
        i = (i + 1) & (u->cap - 1);
    if (!u->slot[i].pair)
        u->n++;
    u->slot[i].pair = pair;
    u->slot[i].value = value;
}

/* linear probing's deletion: the slots after the hole move back when their
 * home is not between the hole and them */
static void drop(struct SimUserKeys *u, UkSlot *sl)
{
    size_t mask = u->cap - 1, hole = (size_t)(sl - u->slot);
    u->slot[hole].pair = 0;
    u->n--;
    for (size_t j = (hole + 1) & mask; u->slot[j].pair; j = (j + 1) & mask) {
        size_t h = home(u, u->slot[j].pair);
        if (((j - h) & mask) >= ((j - hole) & mask)) {
            u->slot[hole] = u->slot[j];
            u->slot[j].pair = 0;
            hole = j;
        }
    }
}

void sim_userhash_note(Sim *s, SimId obj, int64_t hash) { put(s, pair_of(0, obj), (uint64_t)hash); }

bool sim_is_user_key(const Sim *s, SimId key)
{
    if (!s->ukeys || !s->ukeys->n)
        return false;
    const SimObj *o = &s->obj[key];
    if (o->kind == SK_INSTANCE)
        return find(s->ukeys, pair_of(0, key)) != NULL;
    if (sim_is_subinst(s, key) && find(s->ukeys, pair_of(0, key))) /* a subclass's __hash__, or its __eq__ */
        return true;
    if (o->kind == SK_TUPLE)
        for (uint32_t i = 0; i < o->len; i++)
            if (sim_is_user_key(s, sim_items(s, key)[i]))
                return true;
    return false;
}

bool sim__userhash_noted(const Sim *s, SimId obj)
{
    return s->ukeys && s->ukeys->n && find(s->ukeys, pair_of(0, obj)) != NULL;
}

uint64_t sim__userhash_current(const Sim *s, SimId obj)
{
    const UkSlot *sl = find(s->ukeys, pair_of(0, obj));
    SIM_ASSERT(sl != NULL); /* the host notes the hash before it uses the key */
    return sl ? sl->value : (uint64_t)obj;
}

uint64_t sim__entry_hash(const Sim *s, SimId c, SimId k)
{
    return s->ukeys ? sim__key_stored_hash(s, c, k) : sim_hash(s, k);
}

uint64_t sim__key_stored_hash(const Sim *s, SimId c, SimId key)
{
    const UkSlot *sl = find(s->ukeys, pair_of(c, key));
    return sl ? sl->value : sim_hash(s, key);
}

void sim__key_stored(Sim *s, SimId c, SimId key)
{
    if (!sim_is_user_key(s, key))
        return;
    uint64_t pair = pair_of(c, key);
    if (!find(s->ukeys, pair)) {
        UkSlot *count = find(s->ukeys, pair_of(c, 0));
        put(s, pair_of(c, 0), count ? count->value + 1 : 1);
    }
    put(s, pair, sim_hash(s, key));
}

void sim__key_removed(Sim *s, SimId c, SimId key)
{
    UkSlot *sl = find(s->ukeys, pair_of(c, key));
    if (!sl)
        return;
    drop(s->ukeys, sl);
    UkSlot *count = find(s->ukeys, pair_of(c, 0));
    if (count && count->value > 0) /* kept at 0: the container's probe index stays until it goes */
        count->value--;
}

bool sim__uk_get(const Sim *s, SimId high, SimId low, uint64_t *value)
{
    const UkSlot *sl = find(s->ukeys, pair_of(high, low));
    if (sl)
        *value = sl->value;
    return sl != NULL;
}

void sim__uk_put(Sim *s, SimId high, SimId low, uint64_t value) { put(s, pair_of(high, low), value); }

bool sim__holds_user_keys(const Sim *s, SimId c) { return find(s->ukeys, pair_of(c, 0)) != NULL; }

void sim__userkey_forget(Sim *s, SimId id)
{
    struct SimUserKeys *u = s->ukeys;
    if (!u || !u->n)
        return;
    UkSlot *sl = find(u, pair_of(0, id));
    if (sl)
        drop(u, sl);
    if (!find(u, pair_of(id, 0)))
        return;
    /* a container: every pair it stored (collected first, as dropping moves slots) */
    uint64_t *gone = xmalloc(u->n * sizeof *gone);
    size_t n = 0;
    for (size_t i = 0; i < u->cap; i++)
        if (u->slot[i].pair && (SimId)(u->slot[i].pair >> 32) == id)
            gone[n++] = u->slot[i].pair;
    for (size_t i = 0; i < n; i++) {
        UkSlot *g = find(u, gone[i]);
        if ((SimId)gone[i] == SIM_UK_PROBE)
            sim__probe_free(g->value);
        drop(u, g);
    }
    free(gone);
}

/* an instance of a program's class (its __eq__, or object's through the
 * host), or a tuple holding one */
static bool eq_is_code(const Sim *s, SimId v)
{
    const SimObj *o = &s->obj[v];
    if (o->kind == SK_INSTANCE)
        return true;
    if (sim_is_subinst(s, v)) { /* a subclass of a built-in with an __eq__ of its own */
        SimId m = sim_type_lookup(s, o->type, "__eq__");
        if (m && s->obj[m].kind == SK_FUNC)
            return true;
    }
    if (o->kind == SK_TUPLE)
        for (uint32_t i = 0; i < o->len; i++)
            if (eq_is_code(s, sim_items(s, v)[i]))
                return true;
    return false;
}

bool sim__eq_runs_code(const Sim *s, SimId a, SimId b) { return eq_is_code(s, a) || eq_is_code(s, b); }

int sim__key_equal(const Sim *s, SimId stored, SimId key)
{
    if (stored == key)
        return 1;
    /* the hook runs the program's __eq__, which may change the heap: the
     * callers hold no pointer into it across this call */
    Sim *m = (Sim *)s;
    if (!m->hooks.key_equal)
        return sim_equal(s, stored, key);
    sim_incref(m, stored); /* the entry may go while its __eq__ runs */
    int r = m->hooks.key_equal(m->hooks.ctx, stored, key);
    sim_decref(m, stored);
    return r;
}

/* ---- lookups (dict.c asks them once a program hashed a key) ---------- */

/* do_lookup's test of entry k against key of hash h when a program's
 * __hash__ is involved: identity, the stored hash, then __eq__; 1 found,
 * 0 not, -1 __eq__ raised, -2 __eq__ changed the dict (look up again) */
static int user_key_match(const Sim *s, SimId d, uint32_t en, SimId key, uint64_t h)
{
    const SimObj *o = &s->obj[d];
    SimId k = slab_ptr(&s->slab, o->data)[2 * en];
    if (k == key)
        return 1;
    if (!k || sim__entry_hash(s, d, k) != h)
        return 0;
    if (!sim__eq_runs_code(s, k, key))
        return sim_equal(s, k, key);
    uint32_t data = o->data;
    int r = sim__key_equal(s, k, key);
    if (r < 0)
        return -1;
    o = &s->obj[d];
    return o->data != data || slab_ptr(&s->slab, o->data)[2 * en] != k ? -2 : r;
}

/* lookup with a key or entries hashed by the program: -1 absent, -2 its
 * __eq__ raised, else the entry */
int64_t sim__user_dict_lookup(const Sim *s, SimId d, SimId key)
{
restart:;
    const SimObj *o = &s->obj[d];
    if (!o->cap)
        return -1;
    uint64_t h = sim_hash(s, key);
    int r;
    if (sim__probe_index(s, d)) { /* CPython's probe over CPython's index */
        size_t mask = ((size_t)1 << o->cap) - 1, i = (size_t)h & mask, perturb = (size_t)h;
        for (;;) {
            const int32_t *ix = sim__probe_index(s, d); /* re-read: __eq__ may have run */
            if (!ix)
                goto restart;
            if (ix[i] == -1)
                return -1;
            if (ix[i] >= 0) {
                if ((r = user_key_match(s, d, (uint32_t)ix[i], key, h)) == 1)
                    return sim__probe_index(s, d)[i];
                if (r == -1)
                    return -2;
                if (r == -2)
                    goto restart;
            }
            perturb >>= 5;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    if (!o->v.dict.index) {
        for (uint32_t i = 0; i < s->obj[d].v.dict.used; i++) {
            if ((r = user_key_match(s, d, i, key, h)) == 1)
                return i;
            if (r == -1)
                return -2;
            if (r == -2)
                goto restart;
        }
        return -1;
    }
    uint32_t mask = (1u << o->cap) - 1, i = (uint32_t)h & mask;
    for (;;) {
        o = &s->obj[d];
        uint32_t ix = ((const uint32_t *)slab_ptr(&s->slab, o->v.dict.index))[i];
        if (!ix)
            return -1;
        if ((r = user_key_match(s, d, ix - 1, key, h)) == 1)
            return ix - 1;
        if (r == -1)
            return -2;
        if (r == -2)
            goto restart;
        i = (i + 1) & mask;
    }
}

void sim__userkey_free(Sim *s)
{
    if (!s->ukeys)
        return;
    free(s->ukeys->slot);
    free(s->ukeys);
    s->ukeys = NULL;
}
