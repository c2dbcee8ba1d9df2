/*
 * odict: what collections.OrderedDict keeps beside its dict, as
 * Objects/odictobject.c lays it out (3.11-3.13): a doubly linked list of
 * nodes, one per key, each a 32-byte PyMem block holding a reference to
 * its key (so a key of an OrderedDict has one reference more than in a
 * dict), its hash and two links; and od_fast_nodes, a PyMem array of one
 * pointer per slot of the dict's keys object, reallocated (new block, then
 * the old one freed) when a node is looked up or added after the dict's
 * keys object changed (_odict_resize).  odict_sizeof counts the array and
 * the nodes on top of the dict: sys.getsizeof(OrderedDict()) is 128, with
 * one int key 384 (224 for the dict, 64 for eight slots, 32 for the node).
 * odict_clear drops the dict's entries, then frees the array and the nodes.
 *
 * The model keeps one record per OrderedDict in a table beside the heap
 * (like userkey.c's): the keys in the list's order with each node's block.
 * dict.c calls the hooks below on every insertion and deletion, so the
 * list follows the dict whatever path changed it.
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define NODE_BYTES 32 /* _ODictNode: key, hash, next, prev */

typedef struct OdRec {
    SimId od;          /* 0: a free record */
    uint32_t n, cap;   /* nodes, room in the arrays */
    SimId *keys;       /* in the list's order; each a node's reference (owned) */
    PmPtr *nodes;      /* each node's block */
    PmPtr fast;        /* od_fast_nodes, or 0 */
    uint32_t fast_size;
    uint32_t sentinel_cap; /* the keys object the array was made for (od_resize_sentinel) */
    PmPtr sentinel_mem;
    bool have_sentinel;
    bool reordered;    /* move_to_end changed the order against the entries' */
    uint32_t state;    /* od_state */
} OdRec;

struct SimOdicts {
    OdRec *rec;
    size_t n, cap;
    size_t last; /* the record found last */
};

static OdRec *find_rec(const Sim *s, SimId od)
{
    struct SimOdicts *t = s->odicts;
    if (!t)
        return NULL;
    if (t->last < t->n && t->rec[t->last].od == od)
        return &t->rec[t->last];
    for (size_t i = 0; i < t->n; i++)
        if (t->rec[i].od == od) {
            t->last = i;
            return &t->rec[i];
        }
    return NULL;
}

static OdRec *get_rec(Sim *s, SimId od)
{
    OdRec *r = find_rec(s, od);
    if (r)
        return r;
    if (!s->odicts)
        s->odicts = xcalloc(1, sizeof *s->odicts);
    struct SimOdicts *t = s->odicts;
    for (size_t i = 0; i < t->n; i++)
        if (!t->rec[i].od) {
            r = &t->rec[i];
            break;
        }
    if (!r) {
        if (t->n == t->cap) {
            t->cap = t->cap ? 2 * t->cap : 8;
            t->rec = xrealloc(t->rec, t->cap * sizeof *t->rec);
        }
        r = &t->rec[t->n++];
    }
    memset(r, 0, sizeof *r);
    r->od = od;
    return r;
}

/* the dict's keys object: its log2 size (Py_EMPTY_KEYS has 8 slots) and block */
static unsigned keys_log2(const Sim *s, SimId od) { return s->obj[od].cap ? s->obj[od].cap : 3; }

/* _odict_get_index's check: a new array when the keys object changed */
static void sync_fast(Sim *s, SimId od, OdRec *r)
{
    unsigned log2 = keys_log2(s, od);
    PmPtr mem = s->obj[od].mem2;
    if (r->have_sentinel && r->sentinel_cap == s->obj[od].cap && r->sentinel_mem == mem &&
        r->fast_size == (1u << log2))
        return;
    PmPtr fresh = pm_alloc(&s->pm, (size_t)8 << log2); /* PyMem_NEW, then the old one freed */
    if (r->fast)
        pm_free(&s->pm, r->fast);
    r->fast = fresh;
    r->fast_size = 1u << log2;
    r->sentinel_cap = s->obj[od].cap;
    r->sentinel_mem = mem;
    r->have_sentinel = true;
}

static void room(OdRec *r)
{
    if (r->n < r->cap)
        return;
    r->cap = r->cap ? 2 * r->cap : 8;
    r->keys = xrealloc(r->keys, r->cap * sizeof *r->keys);
    r->nodes = xrealloc(r->nodes, r->cap * sizeof *r->nodes);
}

/* ---- dict.c's hooks ------------------------------------------------------ */

void sim__odict_added(Sim *s, SimId od, SimId key)
{
    OdRec *r = get_rec(s, od);
    sync_fast(s, od, r);
    room(r);
    r->keys[r->n] = key;
    sim_incref(s, key); /* the node's reference */
    r->nodes[r->n] = pm_alloc(&s->pm, NODE_BYTES);
    r->n++;
    r->state++;
}

/* the position of the key object k itself */
static int64_t position(const OdRec *r, SimId k)
{
    for (uint32_t i = 0; i < r->n; i++)
        if (r->keys[i] == k)
            return i;
    return -1;
}

static void drop_node(Sim *s, OdRec *r, uint32_t i)
{
    SimId k = r->keys[i];
    PmPtr node = r->nodes[i];
    memmove(r->keys + i, r->keys + i + 1, (r->n - i - 1) * sizeof *r->keys);
    memmove(r->nodes + i, r->nodes + i + 1, (r->n - i - 1) * sizeof *r->nodes);
    r->n--;
    r->state++;
    sim_decref(s, k); /* _odictnode_DEALLOC: the key, then the block */
    if (node)
        pm_free(&s->pm, node);
}

void sim__odict_removing(Sim *s, SimId od, SimId key)
{
    OdRec *r = find_rec(s, od);
    if (!r)
        return;
    sync_fast(s, od, r);
    int64_t i = position(r, key);
    if (i >= 0)
        drop_node(s, r, (uint32_t)i);
}

/* _odict_clear_nodes: the array, then each node from the first */
static void clear_nodes(Sim *s, OdRec *r)
{
    if (r->fast)
        pm_free(&s->pm, r->fast);
    r->fast = 0;
    r->fast_size = 0;
    r->have_sentinel = false;
    r->reordered = false;
    uint32_t n = r->n;
    SimId *keys = r->keys;
    PmPtr *nodes = r->nodes;
    r->keys = NULL, r->nodes = NULL, r->n = r->cap = 0;
    for (uint32_t i = 0; i < n; i++) {
        sim_decref(s, keys[i]);
        if (nodes[i])
            pm_free(&s->pm, nodes[i]);
    }
    free(keys);
    free(nodes);
}

void sim__odict_cleared(Sim *s, SimId od)
{
    OdRec *r = find_rec(s, od);
    if (r)
        clear_nodes(s, r);
}

void sim__odict_dealloc(Sim *s, SimId od)
{
    OdRec *r = find_rec(s, od);
    if (!r)
        return;
    clear_nodes(s, r);
    r = find_rec(s, od); /* a key's release may have grown the table */
    if (r)
        r->od = 0;
}

/* ---- reading and reordering ------------------------------------------------- */

uint32_t sim_odict_len(const Sim *s, SimId od)
{
    const OdRec *r = find_rec(s, od);
    return r ? r->n : 0;
}

SimId sim_odict_key(const Sim *s, SimId od, uint32_t i)
{
    const OdRec *r = find_rec(s, od);
    SIM_ASSERT(r && i < r->n);
    return r->keys[i];
}

int64_t sim_odict_find(Sim *s, SimId od, SimId key)
{
    int64_t e = sim_dict_index(s, od, key);
    OdRec *r = find_rec(s, od);
    if (e < 0 || !r)
        return -1;
    sync_fast(s, od, r);
    return position(r, sim_items(s, od)[2 * e]);
}

void sim_odict_move(Sim *s, SimId od, uint32_t i, bool last)
{
    OdRec *r = find_rec(s, od);
    SIM_ASSERT(r && i < r->n);
    uint32_t to = last ? r->n - 1 : 0;
    if (i == to)
        return; /* already there: move_to_end leaves the list (and od_state) alone */
    SimId k = r->keys[i];
    PmPtr node = r->nodes[i];
    if (last) {
        memmove(r->keys + i, r->keys + i + 1, (r->n - i - 1) * sizeof *r->keys);
        memmove(r->nodes + i, r->nodes + i + 1, (r->n - i - 1) * sizeof *r->nodes);
    } else {
        memmove(r->keys + 1, r->keys, i * sizeof *r->keys);
        memmove(r->nodes + 1, r->nodes, i * sizeof *r->nodes);
    }
    r->keys[to] = k;
    r->nodes[to] = node;
    r->state += 2; /* _odict_remove_node, then _odict_add_head / _odict_add_tail */
    r->reordered = true;
}

uint32_t sim_odict_state(const Sim *s, SimId od)
{
    const OdRec *r = find_rec(s, od);
    return r ? r->state : 0;
}

bool sim_odict_reordered(const Sim *s, SimId od)
{
    const OdRec *r = find_rec(s, od);
    return r && r->reordered;
}

size_t sim__odict_extra(const Sim *s, SimId od)
{
    const OdRec *r = find_rec(s, od);
    return r ? 8 * (size_t)r->fast_size + NODE_BYTES * (size_t)r->n : 0;
}

uint64_t sim__odict_blocks(const Sim *s, SimId od)
{
    const OdRec *r = find_rec(s, od);
    uint64_t n = 0;
    for (uint32_t i = 0; r && i < r->n; i++)
        n += r->nodes[i] != PM_NULL;
    return n + (r && r->fast != PM_NULL);
}

void sim__odict_traverse(Sim *s, SimId od, SimVisit fn, void *arg)
{
    const OdRec *r = find_rec(s, od);
    for (uint32_t i = 0; r && i < r->n; i++)
        fn(s, r->keys[i], arg);
}

void sim__odict_free_all(Sim *s)
{
    struct SimOdicts *t = s->odicts;
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        free(t->rec[i].keys), free(t->rec[i].nodes);
    free(t->rec);
    free(t);
    s->odicts = NULL;
}
