/*
 * dict: dicts, and the hashing and equality of keys.  Dicts keep CPython 3.11's compact layout for the
 * numbers that show: keys objects of 2^k slots with usable = 2/3 of them,
 * 1/2/4/8-byte indices, 16-byte entries for all-str keys and 24-byte ones
 * otherwise, growth to used*3, the keys free list, and the rule that a dict
 * is tracked only once it holds something trackable (Objects/dictobject.c
 * as summarised in cpython-internals.md §1.7 and §4.4).  Sets are in
 * set.c, hashes in hash.c.
 */
#include "sim/internal.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/trace.h"
#include "sim/userkey.h"
#include "sim/odict.h"

/* dict fields: cap = log2 size (0: no keys object), v.dict.used = entries used
 * (deleted included), len = live entries, sub = 1 if all keys are str,
 * data = entries [key, value] * usable, v.dict.index = index chunk or 0. */

static size_t usable_of(unsigned log2) { return ((size_t)2 << log2) / 3; }

static size_t index_bytes(unsigned log2)
{
    return log2 < 8 ? 1 : log2 < 16 ? 2 : log2 < 32 ? 4 : 8;
}

size_t sim__dict_keys_size(unsigned log2, bool str_keys)
{
    return 32 + ((size_t)1 << log2) * index_bytes(log2) + usable_of(log2) * (str_keys ? 16 : 24);
}

size_t sim__dict_sizeof(const Sim *s, SimId d)
{
    const SimObj *o = &s->obj[d];
    SimId split = sim_dict_split_class(s, d);
    if (split && o->len <= 30) {
        /* _PyDict_SizeOf of a split table: the values array of the shared
         * keys (entries + usable); the shared keys object is not counted */
        const uint32_t *ty = slab_ptr(&s->slab, s->obj[split].data);
        return 64 + 8 * (size_t)(ty[2] + ty[3]);
    }
    return 64 + (o->cap ? sim__dict_keys_size(o->cap, o->sub) : 0);
}

/* ---- hashing and equality -------------------------------------------------- */

bool sim_hashable(const Sim *s, SimId k)
{
    SimKind kind = (SimKind)s->obj[k].kind;
    if (kind == SK_LIST || kind == SK_DICT || (kind == SK_SET && s->obj[k].sub != SIM_SET_FROZEN) ||
        kind == SK_BYTEARRAY || kind == SK_DICTVIEW || kind == SK_DEQUE || kind == SK_ARRAY)
        return false;
    if (kind == SK_INSTANCE && s->obj[k].type) {
        /* __hash__ = None (or set by __eq__ alone), or hashed in Python: not here */
        SimId h = sim_type_lookup(s, s->obj[k].type, "__hash__");
        if (h && (s->obj[h].kind == SK_NONE || s->obj[h].kind == SK_FUNC || s->obj[h].kind == SK_BUILTIN))
            return false;
    }
    if (kind == SK_TUPLE)
        for (uint32_t i = 0; i < s->obj[k].len; i++)
            if (!sim_hashable(s, sim_items(s, k)[i]))
                return false;
    return true;
}

static bool is_num(SimKind k) { return k == SK_INT || k == SK_BOOL || k == SK_FLOAT; }

bool sim_equal(const Sim *s, SimId a, SimId b)
{
    if (a == b)
        return true;
    const SimObj *x = &s->obj[a], *y = &s->obj[b];
    bool xb = x->kind == SK_INT && x->sub == 1, yb = y->kind == SK_INT && y->sub == 1;
    if ((xb && y->kind == SK_FLOAT) || (yb && x->kind == SK_FLOAT))
        return sim_int_float_cmp(s, xb ? a : b, xb ? y->v.f : x->v.f) == 0;
    if (xb || yb) {
        if (!(xb && yb) || x->v.i != y->v.i || x->len != y->len)
            return false;
        return memcmp(slab_ptr(&s->slab, x->data), slab_ptr(&s->slab, y->data),
                      x->len * sizeof(uint32_t)) == 0;
    }
    if (is_num((SimKind)x->kind) && is_num((SimKind)y->kind)) {
        if (x->kind == SK_FLOAT && y->kind == SK_FLOAT)
            return x->v.f == y->v.f;
        if (x->kind == SK_FLOAT || y->kind == SK_FLOAT) /* exactly, not through a double */
            return sim_int_float_cmp(s, x->kind == SK_FLOAT ? b : a, x->kind == SK_FLOAT ? x->v.f : y->v.f) == 0;
        return x->v.i == y->v.i;
    }
    if (x->kind == SK_COMPLEX || y->kind == SK_COMPLEX) { /* complex_richcompare */
        const SimObj *c = x->kind == SK_COMPLEX ? x : y, *o = c == x ? y : x;
        if (o->kind == SK_COMPLEX)
            return c->v.c.re == o->v.c.re && c->v.c.im == o->v.c.im;
        if (!is_num((SimKind)o->kind) || (o->kind == SK_INT && o->sub == 1))
            return false;
        return c->v.c.im == 0 && c->v.c.re == (o->kind == SK_FLOAT ? o->v.f : (double)o->v.i);
    }
    if (x->kind != y->kind)
        return false;
    switch ((SimKind)x->kind) {
    case SK_STR: case SK_BYTES: {
        if (x->len != y->len || (x->kind == SK_STR && x->v.str.hash != y->v.str.hash))
            return false;
        size_t n, m;
        const char *p = sim_str_data(s, a, &n), *q = sim_str_data(s, b, &m);
        return n == m && memcmp(p, q, n) == 0;
    }
    case SK_RANGE:
        return sim_range_equal(s, a, b);
    case SK_TUPLE: case SK_LIST:
        if (x->len != y->len)
            return false;
        for (uint32_t i = 0; i < x->len; i++)
            if (!sim_equal(s, sim_items(s, a)[i], sim_items(s, b)[i]))
                return false;
        return true;
    case SK_SET: /* a frozenset key: the same items */
        if (x->len != y->len)
            return false;
        for (uint32_t i = 0; i < x->v.set.slots; i++) {
            SimId k = sim_items(s, a)[i];
            if (k && !sim_set_contains(s, b, k))
                return false;
        }
        return true;
    case SK_METHOD: /* method_richcompare: the same self, equal functions */
        return x->v.method.self == y->v.method.self && sim_equal(s, x->v.method.func, y->v.method.func);
    case SK_BUILTIN: /* meth_richcompare: the same self, the same C function */
        return x->v.builtin.self && x->v.builtin.self == y->v.builtin.self && x->v.builtin.index == y->v.builtin.index;
    default:
        return false;
    }
}

/* ---- dict storage ----------------------------------------------------- */

static void set_keys(Sim *s, SimId d, unsigned log2, bool str_keys, bool fresh)
{
    SimObj *o = &s->obj[d];
    size_t ks = sim__dict_keys_size(log2, str_keys);
    if (s->static_alloc)
        o->mem2 = PM_NULL;
    else if (log2 == 3 && str_keys && s->fl_keys.n > 0 && !fresh)
        o->mem2 = s->fl_keys.blocks[--s->fl_keys.n];
    else {
        if (log2 == 3 && str_keys && !fresh)
            sim__fl_empty(s, &s->fl_keys);
        o->mem2 = pm_alloc(&s->pm, ks);
    }
    o->cap = log2;
    o->sub = str_keys;
    uint32_t cap;
    o->data = slab_alloc(&s->slab, 2 * usable_of(log2), &cap);
    o->datacap = cap;
    o->v.dict.index = 0;
    if (log2 > 3) {
        uint32_t icap;
        uint32_t ih = slab_alloc(&s->slab, (size_t)1 << log2, &icap);
        memset(slab_ptr(&s->slab, ih), 0, ((size_t)1 << log2) * sizeof(uint32_t));
        SIM_V(s, d, SK_DICT, dict.index) = ih;
    }
}

static void free_keys(Sim *s, SimId d)
{
    SimObj *o = &s->obj[d];
    if (!o->cap)
        return;
    if (!(o->cap == 3 && o->sub && sim__fl_park(s, &s->fl_keys, o->mem2)))
        pm_free(&s->pm, o->mem2);
    if (o->v.dict.index)
        slab_free(&s->slab, o->v.dict.index, (uint32_t)1 << o->cap);
    slab_free(&s->slab, o->data, o->datacap);
    o->mem2 = PM_NULL;
    o->data = o->datacap = 0;
    o->cap = 0;
    o->v.dict.used = o->v.dict.index = 0;
    o->len = 0;
    o->sub = 0;
}

void sim__dict_free_payload(Sim *s, SimId d)
{
    if (s->obj[d].kind == SK_SET) {
        SimObj *o = &s->obj[d];
        if (o->mem2)
            pm_free(&s->pm, o->mem2);
        o->mem2 = PM_NULL;
        return;
    }
    free_keys(s, d);
}

static void index_insert(Sim *s, SimId d, uint64_t h, uint32_t entry)
{
    SimObj *o = &s->obj[d];
    uint32_t mask = (1u << o->cap) - 1, i = (uint32_t)h & mask;
    uint32_t *ix = slab_ptr(&s->slab, o->v.dict.index);
    while (ix[i])
        i = (i + 1) & mask;
    ix[i] = entry + 1;
}

/* Whether entry key k is key: identity first (names are interned), then two
 * strs by their hashes, which tell most different names apart at once. */
static inline bool same_key(const Sim *s, SimId k, SimId key)
{
    if (k == key)
        return true;
    if (!k)
        return false;
    const SimObj *x = &s->obj[k], *y = &s->obj[key];
    if (x->kind == SK_STR && y->kind == SK_STR && x->v.str.hash != y->v.str.hash)
        return false;
    return sim_equal(s, k, key);
}

/* entry index of key, or -1 (-2: a program's __eq__ raised) */
static int64_t lookup(const Sim *s, SimId d, SimId key)
{
    if (sim__userkeys_on(s))
        return sim__user_dict_lookup(s, d, key);
    const SimObj *o = &s->obj[d];
    if (!o->cap)
        return -1;
    const SimId *e = slab_ptr(&s->slab, o->data);
    if (!o->v.dict.index) {
        /* the key itself first: no two keys of a dict are equal (and no
         * program's __eq__ runs here), so an identical one is the entry */
        uint32_t used = o->v.dict.used;
        for (uint32_t i = 0; i < used; i++)
            if (e[2 * i] == key)
                return i;
        for (uint32_t i = 0; i < used; i++)
            if (same_key(s, e[2 * i], key))
                return i;
        return -1;
    }
    const SimObj *ko = &s->obj[key]; /* a str's hash is kept with it */
    uint64_t h = ko->kind == SK_STR && ko->v.str.hash ? ko->v.str.hash : sim_hash(s, key);
    uint32_t mask = (1u << o->cap) - 1, i = (uint32_t)h & mask;
    const uint32_t *ix = slab_ptr(&s->slab, o->v.dict.index);
    while (ix[i]) {
        uint32_t en = ix[i] - 1;
        if (same_key(s, e[2 * en], key))
            return en;
        i = (i + 1) & mask;
    }
    return -1;
}

/* calculate_log2_keysize: bit_length(((n | 8) - 1) | 7) */
static unsigned log2_for(size_t minsize)
{
    size_t v = ((minsize | 8) - 1) | 7;
    unsigned l = 0;
    while (v) {
        l++;
        v >>= 1;
    }
    return l;
}

/* dictresize; false (the dict as it was) when the budget refuses the table */
static bool resize(Sim *s, SimId d, unsigned log2, bool str_keys, bool fresh)
{
    uint64_t words = 2 * (uint64_t)usable_of(log2) + (log2 > 3 ? (uint64_t)1 << log2 : 0);
    if (!sim__len_fits(s, log2 >= 31 ? UINT32_MAX : 0) || !sim_mem_room(s, sim__dict_keys_size(log2, str_keys), words))
        return false;
    SimObj *o = &s->obj[d];
    o->flags &= (uint8_t)~SIM_F_EMBEDDED; /* 3.13 dictresize: the inline values become invalid */
    uint32_t n = o->v.dict.used, oldcap = o->cap, olddata = o->data, olddcap = o->datacap;
    uint32_t oldix = o->v.dict.index;
    PmPtr oldmem = o->mem2;
    bool oldstr = o->sub;
    set_keys(s, d, log2, str_keys, fresh);
    o = &s->obj[d];
    uint32_t j = 0;
    for (uint32_t i = 0; i < n; i++) {
        SimId k = slab_ptr(&s->slab, olddata)[2 * i];
        if (!k)
            continue;
        slab_ptr(&s->slab, o->data)[2 * j] = k;
        slab_ptr(&s->slab, o->data)[2 * j + 1] = slab_ptr(&s->slab, olddata)[2 * i + 1];
        if (o->v.dict.index)
            index_insert(s, d, sim__entry_hash(s, d, k), j);
        j++;
    }
    o->v.dict.used = j;
    if (s->ukeys)
        sim__probe_resized(s, d);
    if (oldcap) {
        if (!(oldcap == 3 && oldstr && sim__fl_park(s, &s->fl_keys, oldmem)))
            pm_free(&s->pm, oldmem);
        if (oldix)
            slab_free(&s->slab, oldix, 1u << oldcap);
        slab_free(&s->slab, olddata, olddcap);
    }
    return true;
}

bool sim_dict_resize(Sim *s, SimId d, unsigned log2, bool str_keys) { return resize(s, d, log2, str_keys, false); }
bool sim_dict_clone_table(Sim *s, SimId d, unsigned log2, bool str_keys) { return resize(s, d, log2, str_keys, true); }
unsigned sim_dict_log2_for(size_t minsize) { return log2_for(minsize); }

SimId sim_dict_presized(Sim *s, size_t n, bool str_keys)
{
    SimId d = sim_dict(s);
    if (n > usable_of(3))
        resize(s, d, log2_for((n * 3 + 1) / 2), str_keys, false);
    return d;
}

SimId sim_dict_get(const Sim *s, SimId d, SimId key)
{
    int64_t i = lookup(s, d, key); /* -2: the program's __eq__ raised */
    return i < 0 ? 0 : slab_ptr(&s->slab, s->obj[d].data)[2 * i + 1];
}

/* A str key given as C text: through the hash index when the dict has one
 * (sim_hash of a str is sim_str_hash of its text). */
static bool key_is(const Sim *s, SimId k, const char *name, size_t n)
{
    if (!k || s->obj[k].kind != SK_STR || s->obj[k].len != n)
        return false;
    size_t kn;
    return memcmp(sim_str_data(s, k, &kn), name, n) == 0;
}

SimId sim_dict_get_str(const Sim *s, SimId d, const char *name)
{
    const SimObj *o = &s->obj[d];
    if (!o->cap)
        return 0;
    size_t n = strlen(name);
    const SimId *e = slab_ptr(&s->slab, o->data);
    if (!o->v.dict.index) {
        for (uint32_t i = 0; i < o->v.dict.used; i++)
            if (key_is(s, e[2 * i], name, n))
                return e[2 * i + 1];
        return 0;
    }
    uint32_t mask = (1u << o->cap) - 1, i = (uint32_t)sim_str_hash(name, n) & mask;
    const uint32_t *ix = slab_ptr(&s->slab, o->v.dict.index);
    for (; ix[i]; i = (i + 1) & mask)
        if (key_is(s, e[2 * (ix[i] - 1)], name, n))
            return e[2 * (ix[i] - 1) + 1];
    return 0;
}

int64_t sim_dict_index(const Sim *s, SimId d, SimId key) { return lookup(s, d, key); }

void sim_dict_replace_at(Sim *s, SimId d, uint32_t i, SimId value)
{
    SimId *e = slab_ptr(&s->slab, s->obj[d].data);
    SimId old = e[2 * i + 1];
    e[2 * i + 1] = value;
    if (!sim_is_tracked(s, d) && sim_may_be_tracked(s, value))
        sim_track(s, d);
    sim_xdecref(s, old);
}

static void insert_new(Sim *s, SimId d, SimId key, SimId value);

void sim_dict_set(Sim *s, SimId d, SimId key, SimId value)
{
    int64_t i = lookup(s, d, key);
    if (i == -2) { /* the program's __eq__ raised: nothing is stored */
        sim_decref(s, key);
        sim_decref(s, value);
        return;
    }
    if (i >= 0) {
        SimId *e = slab_ptr(&s->slab, s->obj[d].data);
        SimId old = e[2 * i + 1];
        e[2 * i + 1] = value;
        sim_decref(s, key); /* the dict keeps the key it has */
        if (!sim_is_tracked(s, d) && sim_may_be_tracked(s, value))
            sim_track(s, d);
        sim_xdecref(s, old);
        return;
    }
    insert_new(s, d, key, value);
}

/* insertdict's new entry: key known to be absent (no lookup, no __eq__) */
static void insert_new(Sim *s, SimId d, SimId key, SimId value)
{
    bool str_key = s->obj[key].kind == SK_STR;
    if (sim_dict_split_class(s, d)) /* an instance's __dict__: a new name for the class's keys */
        sim__shared_keys_learn(s, sim_dict_split_class(s, d), s->obj[d].len + 1, str_key);
    SimObj *o = &s->obj[d];
    bool room = true;
    if (!o->cap)
        set_keys(s, d, 3, str_key, false);
    else if (o->sub && !str_key)
        room = resize(s, d, log2_for(o->len * 3), false, false);
    else if (o->v.dict.used >= usable_of(o->cap))
        room = resize(s, d, log2_for(o->len * 3), o->sub, false);
    if (!room) { /* refused: nothing is stored, the stolen references go */
        sim_decref(s, key);
        sim_decref(s, value);
        return;
    }
    o = &s->obj[d];
    o->v.dict.version = ++s->dict_versions; /* a key added: what missed may now hit */
    uint32_t n = o->v.dict.used++;
    SimId *e = slab_ptr(&s->slab, o->data);
    e[2 * n] = key;
    e[2 * n + 1] = value;
    o->len++;
    if (s->ukeys) {
        sim__key_stored(s, d, key);
        sim__probe_added(s, d, n);
    }
    if (o->v.dict.index)
        index_insert(s, d, sim__entry_hash(s, d, key), n);
    if (!sim_is_tracked(s, d) && (sim_may_be_tracked(s, key) || sim_may_be_tracked(s, value)))
        sim_track(s, d);
    if (o->type && sim_is_odict(s, d)) /* _odict_add_new_node, after the dict's insertion */
        sim__odict_added(s, d, key);
}

SimId sim_dict_setdefault(Sim *s, SimId d, SimId key, SimId value)
{
    int64_t i = lookup(s, d, key);
    if (i == -2 || i >= 0) { /* there already (or its __eq__ raised): the stolen references go */
        sim_decref(s, key);
        sim_decref(s, value);
        return i >= 0 ? slab_ptr(&s->slab, s->obj[d].data)[2 * i + 1] : 0;
    }
    uint32_t used = s->obj[d].cap ? s->obj[d].v.dict.used : 0;
    insert_new(s, d, key, value);
    return s->obj[d].cap && s->obj[d].v.dict.used > used ? value : 0; /* 0: the budget refused it */
}

/* entry i taken out of d: its key and value handed back (not released) */
static void remove_entry(Sim *s, SimId d, int64_t i, SimId *k, SimId *v)
{
    if (s->obj[d].type && sim_is_odict(s, d)) /* _odict_clear_node, before the dict's deletion */
        sim__odict_removing(s, d, slab_ptr(&s->slab, s->obj[d].data)[2 * i]);
    SimId *e = slab_ptr(&s->slab, s->obj[d].data);
    *k = e[2 * i], *v = e[2 * i + 1];
    if (s->ukeys) {
        sim__key_removed(s, d, *k);
        sim__probe_deleted(s, d, (uint32_t)i);
    }
    e[2 * i] = 0;
    e[2 * i + 1] = 0;
    s->obj[d].len--;
    if (SIM_V(s, d, SK_DICT, dict.index)) { /* rebuild the index without the dummy */
        SimObj *o = &s->obj[d];
        memset(slab_ptr(&s->slab, o->v.dict.index), 0, ((size_t)1 << o->cap) * sizeof(uint32_t));
        for (uint32_t j = 0; j < o->v.dict.used; j++)
            if (e[2 * j])
                index_insert(s, d, sim__entry_hash(s, d, e[2 * j]), j);
    }
}

SimId sim_dict_pop(Sim *s, SimId d, SimId key)
{
    int64_t i = lookup(s, d, key);
    if (i < 0)
        return 0;
    SimId k, v;
    remove_entry(s, d, i, &k, &v);
    sim_decref(s, k);
    return v;
}

bool sim_dict_del_identical(Sim *s, SimId d, SimId key)
{
    const SimObj *o = &s->obj[d];
    for (uint32_t i = 0; o->cap && i < o->v.dict.used; i++)
        if (slab_ptr(&s->slab, o->data)[2 * i] == key) {
            SimId k, v;
            remove_entry(s, d, i, &k, &v);
            sim_decref(s, k);
            sim_xdecref(s, v);
            return true;
        }
    return false;
}

bool sim_dict_del(Sim *s, SimId d, SimId key)
{
    int64_t i = lookup(s, d, key);
    if (i < 0)
        return false;
    SimId k, v;
    remove_entry(s, d, i, &k, &v);
    sim_decref(s, k);
    sim_xdecref(s, v);
    return true;
}

static void clear_entries(Sim *s, SimId d);

void sim_dict_clear(Sim *s, SimId d)
{
    clear_entries(s, d);
    if (s->obj[d].type && sim_is_odict(s, d)) /* odict_clear: the entries, then the nodes */
        sim__odict_cleared(s, d);
}

static void clear_entries(Sim *s, SimId d)
{
    SimObj *o = &s->obj[d];
    if (!o->cap)
        return;
    /* detach the keys object first, then drop the entries in order */
    uint32_t n = o->v.dict.used, cap = o->datacap, h = o->data;
    SimId *tmp = xmalloc((2 * (size_t)n + 1) * sizeof *tmp); /* host scratch: never refused */
    memcpy(tmp, slab_ptr(&s->slab, h), 2 * (size_t)n * sizeof(uint32_t));
    (void)cap;
    free_keys(s, d);
    if (s->ukeys)
        sim__userkey_forget(s, d);
    for (uint32_t i = 0; i < n; i++) {
        SimId k = tmp[2 * i], v = tmp[2 * i + 1];
        if (k)
            sim_decref(s, k);
        if (v)
            sim_decref(s, v);
    }
    free(tmp);
}

bool sim_dict_next(const Sim *s, SimId d, uint32_t *pos, SimId *key, SimId *value)
{
    if (s->obj[d].type && sim_is_odict(s, d) && sim_odict_reordered(s, d)) {
        /* an OrderedDict moved_to_end: its list's order, as its iterators walk it */
        while (*pos < sim_odict_len(s, d)) {
            SimId k = sim_odict_key(s, d, (*pos)++);
            int64_t i = lookup(s, d, k);
            if (i >= 0) {
                *key = k;
                *value = slab_ptr(&s->slab, s->obj[d].data)[2 * i + 1];
                return true;
            }
        }
        return false;
    }
    return sim__dict_next_raw(s, d, pos, key, value);
}

bool sim__dict_next_raw(const Sim *s, SimId d, uint32_t *pos, SimId *key, SimId *value)
{
    const SimObj *o = &s->obj[d];
    if (!o->cap)
        return false;
    const SimId *e = slab_ptr(&s->slab, o->data);
    while (*pos < o->v.dict.used) {
        uint32_t i = (*pos)++;
        if (e[2 * i]) {
            *key = e[2 * i];
            *value = e[2 * i + 1];
            return true;
        }
    }
    return false;
}

