/*
 * iter: the iterator objects — the built-in containers' iterators, which
 * the sim walks itself, and the composite ones (enumerate, zip, map,
 * filter, reversed, callable_iterator, the old sequence protocol's
 * "iterator", itertools), whose references and counters it keeps and whose
 * walking pyrun does — with each type's object, name and size (measured by
 * sys.getsizeof on 3.11.7, 3.12.1 and 3.13.0; tests/oracle cases 420-449).
 */
#include "sim/internal.h"

#include <string.h>

/* ---- the types ------------------------------------------------------------- */

static const struct XTypeDef {
    const char *name;  /* tp_name */
    uint8_t kind;      /* of its instances */
    uint16_t size[3];  /* sizeof on 3.11, 3.12, 3.13 (GC header included); 0: not in that version */
    bool gc;
} xtypes[SIM_XT_COUNT] = {
    [SIM_XT_DICT_KEYS] = {"dict_keys", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_DICT_VALUES] = {"dict_values", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_DICT_ITEMS] = {"dict_items", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_SEQ_ITER] = {"iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_LIST_ITER] = {"list_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_LIST_REVITER] = {"list_reverseiterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_TUPLE_ITER] = {"tuple_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_RANGE_ITER] = {"range_iterator", SK_ITER, {48, 40, 40}, false},
    [SIM_XT_STR_ASCII_ITER] = {"str_ascii_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_STR_ITER] = {"str_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_BYTES_ITER] = {"bytes_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_BYTEARRAY_ITER] = {"bytearray_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_SET_ITER] = {"set_iterator", SK_ITER, {64, 64, 64}, true},
    [SIM_XT_DICT_KEYITER] = {"dict_keyiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DICT_VALUEITER] = {"dict_valueiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DICT_ITEMITER] = {"dict_itemiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DICT_REVKEYITER] = {"dict_reversekeyiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DICT_REVVALUEITER] = {"dict_reversevalueiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DICT_REVITEMITER] = {"dict_reverseitemiterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_CALL_ITER] = {"callable_iterator", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_REVERSED] = {"reversed", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_ENUMERATE] = {"enumerate", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_ZIP] = {"zip", SK_ITER, {64, 64, 64}, true},
    [SIM_XT_MAP] = {"map", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_FILTER] = {"filter", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_COUNT] = {"itertools.count", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_IT_REPEAT] = {"itertools.repeat", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_CYCLE] = {"itertools.cycle", SK_ITER, {64, 64, 64}, true},
    [SIM_XT_IT_CHAIN] = {"itertools.chain", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_ISLICE] = {"itertools.islice", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_IT_ACCUMULATE] = {"itertools.accumulate", SK_ITER, {64, 72, 72}, true},
    [SIM_XT_IT_STARMAP] = {"itertools.starmap", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_TAKEWHILE] = {"itertools.takewhile", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_IT_DROPWHILE] = {"itertools.dropwhile", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_IT_FILTERFALSE] = {"itertools.filterfalse", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_COMPRESS] = {"itertools.compress", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_ZIP_LONGEST] = {"itertools.zip_longest", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_IT_PAIRWISE] = {"itertools.pairwise", SK_ITER, {48, 48, 56}, true},
    [SIM_XT_IT_PRODUCT] = {"itertools.product", SK_ITER, {64, 64, 64}, true},
    [SIM_XT_IT_PERMUTATIONS] = {"itertools.permutations", SK_ITER, {80, 80, 80}, true},
    [SIM_XT_IT_COMBINATIONS] = {"itertools.combinations", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_IT_CWR] = {"itertools.combinations_with_replacement", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_IT_GROUPBY] = {"itertools.groupby", SK_ITER, {80, 88, 88}, true},
    [SIM_XT_IT_GROUPER] = {"itertools._grouper", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_IT_BATCHED] = {"itertools.batched", SK_ITER, {0, 48, 56}, true},
    [SIM_XT_IT_TEE] = {"itertools._tee", SK_ITER, {56, 64, 64}, true},
    [SIM_XT_IT_TEEDATA] = {"itertools._tee_dataobject", SK_ITER, {512, 512, 512}, true},
    [SIM_XT_WR_PROXY] = {"weakref.ProxyType", SK_WEAKREF, {80, 80, 80}, true},
    [SIM_XT_WR_CALLABLE_PROXY] = {"weakref.CallableProxyType", SK_WEAKREF, {80, 80, 80}, true},
    [SIM_XT_WR_GEN] = {"generator", SK_ITER, {240, 232, 232}, true},
    [SIM_XT_WR_GEN_ITEMS] = {"generator", SK_ITER, {248, 240, 240}, true},
    /* KeysView.__iter__, ValuesView.__iter__, ItemsView.__iter__ (mods21f) */
    [SIM_XT_CM_GEN_KEYS] = {"generator", SK_ITER, {192, 192, 192}, true},
    [SIM_XT_CM_GEN_VALUES] = {"generator", SK_ITER, {208, 200, 200}, true},
    [SIM_XT_CM_GEN_ITEMS] = {"generator", SK_ITER, {216, 208, 208}, true},
    /* EnumType.__iter__'s and __reversed__'s generator expression (tests/oracle 984) */
    [SIM_XT_ENUM_GEN] = {"generator", SK_ITER, {216, 208, 208}, true},
    /* operator and functools (sizes from sys.getsizeof, tests/oracle cases 555-589) */
    [SIM_XT_OP_ITEMGETTER] = {"operator.itemgetter", SK_ITER, {64, 64, 64}, true},
    [SIM_XT_OP_ATTRGETTER] = {"operator.attrgetter", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_OP_METHODCALLER] = {"operator.methodcaller", SK_ITER, {56, 56, 80}, true},
    [SIM_XT_FT_PARTIAL] = {"functools.partial", SK_ITER, {80, 80, 80}, true},
    [SIM_XT_FT_LRU_WRAPPER] = {"functools._lru_cache_wrapper", SK_ITER, {168, 168, 168}, true},
    [SIM_XT_FT_LRU_ELEM] = {"functools._lru_list_elem", SK_ITER, {56, 56, 56}, false},
    [SIM_XT_DEQUE_ITER] = {"_collections._deque_iterator", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_DEQUE_REVITER] = {"_collections._deque_reverse_iterator", SK_ITER, {72, 72, 72}, true},
    /* OrderedDict's views and iterator (Objects/odictobject.c; oracle 760-) */
    [SIM_XT_ODICT_KEYS] = {"odict_keys", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_ODICT_VALUES] = {"odict_values", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_ODICT_ITEMS] = {"odict_items", SK_DICTVIEW, {40, 40, 40}, true},
    [SIM_XT_ODICT_ITER] = {"odict_iterator", SK_ITER, {80, 80, 80}, true},
    [SIM_XT_ARRAY_ITER] = {"arrayiterator", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_FT_CACHEINFO] = {"functools.CacheInfo", SK_ITER, {72, 72, 72}, true},
    /* contextlib: the function @contextmanager returns, and instances of its classes */
    [SIM_XT_CL_HELPER] = {"function", SK_ITER, {152, 160, 160}, true},
    [SIM_XT_CL_GENCM] = {"contextlib._GeneratorContextManager", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_SUPPRESS] = {"contextlib.suppress", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_CLOSING] = {"contextlib.closing", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_NULLCONTEXT] = {"contextlib.nullcontext", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_EXITSTACK] = {"contextlib.ExitStack", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_REDIRECT_OUT] = {"contextlib.redirect_stdout", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_REDIRECT_ERR] = {"contextlib.redirect_stderr", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_CL_CBWRAP] = {"function", SK_ITER, {152, 160, 160}, true},
    /* io.BytesIO (Modules/_io/bytesio.c): its __sizeof__ adds the buffer it alone holds */
    [SIM_XT_IO_BYTESIO] = {"_io.BytesIO", SK_ITER, {80, 80, 80}, true},
    /* sys.getsizeof(sys.stdout) on 3.11.7, 3.12.1, 3.13.0; the managed buffer is 16 + 8 + 8 + a
     * Py_buffer (80) + the GC header, the memoryview sys.getsizeof(memoryview(b"x")) */
    [SIM_XT_IO_TEXT] = {"_io.TextIOWrapper", SK_ITER, {208, 216, 216}, true},
    [SIM_XT_IO_MBUF] = {"managedbuffer", SK_ITER, {128, 128, 128}, true},
    [SIM_XT_IO_MEMVIEW] = {"memoryview", SK_ITER, {184, 184, 184}, true},
    [SIM_XT_MAIN_LOADER] = {"_frozen_importlib_external.SourceFileLoader", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_STR_TEMPLATE] = {"string.Template", SK_ITER, {56, 48, 48}, true},
    /* tracemalloc (Lib/tracemalloc.py's classes: sys.getsizeof on 3.11.7, 3.12.1, 3.13.0) */
    [SIM_XT_TM_SNAPSHOT] = {"tracemalloc.Snapshot", SK_ITER, {56, 48, 48}, true},
    [SIM_XT_TM_STATISTIC] = {"tracemalloc.Statistic", SK_ITER, {56, 56, 56}, true},
    [SIM_XT_TM_STATDIFF] = {"tracemalloc.StatisticDiff", SK_ITER, {72, 72, 72}, true},
    [SIM_XT_TM_TRACEBACK] = {"tracemalloc.Traceback", SK_ITER, {48, 48, 48}, true},
    [SIM_XT_TM_FRAME] = {"tracemalloc.Frame", SK_ITER, {40, 40, 40}, true},
    /* gaobject: origin, args, parameters, weakreflist, starred, vectorcall (sys.getsizeof, oracle 1015, 1016) */
    [SIM_XT_GENERIC_ALIAS] = {"types.GenericAlias", SK_ITER, {80, 80, 80}, true},
    [SIM_XT_SLICE] = {"slice", SK_ITER, {56, 56, 56}, true},
    /* frozenset: its instances are sets (their size is the set's) */
    [SIM_XT_FROZENSET] = {"frozenset", SK_SET, {216, 216, 216}, true},
    /* Cls.__dict__: a view of the class's dict (dictproxy in Objects/descrobject.c) */
    [SIM_XT_MAPPINGPROXY] = {"mappingproxy", SK_DICTVIEW, {40, 40, 40}, true},
    /* coroutine: its instances are generator objects (gen.c sizes them) */
    [SIM_XT_COROUTINE] = {"coroutine", SK_GEN, {0, 0, 0}, true},
    [SIM_XT_METHOD_WRAPPER] = {"method-wrapper", SK_BUILTIN, {48, 48, 48}, true},
};

static uint32_t *block_slot(const Sim *s, SimId it, uint32_t k);

static unsigned version_col(const Sim *s)
{
    return s->prof->version == SIM_V311 ? 0 : s->prof->version == SIM_V312 ? 1 : 2;
}

static size_t xtype_size(const Sim *s, SimXType xt) { return xtypes[xt].size[version_col(s)]; }

void sim__make_xtypes(Sim *s, int64_t refcnt)
{
    for (unsigned xt = SIM_XT_NONE + 1; xt < SIM_XT_COUNT; xt++) {
        SimId t;
        if (xt == SIM_XT_SEQ_ITER) { /* the kind's own type objects */
            t = s->types[SK_ITER];
        } else if (xt == SIM_XT_DICT_KEYS) {
            t = s->types[SK_DICTVIEW];
        } else {
            t = sim__alloc_record(s, SK_TYPE);
            SimObj *o = &s->obj[t];
            o->flags = SIM_F_STATIC | (s->prof->immortal_refcnt ? SIM_F_IMMORTAL : 0);
            o->refcnt = refcnt;
            o->sub = xtypes[xt].kind;
        }
        s->obj[t].cap = xt;
        s->xtypes[xt] = t;
    }
}

SimXType sim_xtype_of(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (o->kind != SK_ITER && o->kind != SK_DICTVIEW)
        return SIM_XT_NONE;
    return (SimXType)s->obj[sim_type_of(s, id)].cap;
}

const char *sim_type_obj_name(const Sim *s, SimId type)
{
    const SimObj *t = &s->obj[type];
    if (t->sub == SK_INSTANCE)
        return NULL;
    if ((t->sub == SK_ITER || t->sub == SK_DICTVIEW || t->sub == SK_WEAKREF || t->sub == SK_SET || t->sub == SK_GEN ||
         t->sub == SK_BUILTIN) &&
        t->cap > SIM_XT_NONE &&
        t->cap < SIM_XT_COUNT)
        return xtypes[t->cap].name + ((t->cap == SIM_XT_DEQUE_ITER || t->cap == SIM_XT_DEQUE_REVITER) &&
                                      s->prof->version != SIM_V311); /* 3.12+: "collections._deque_iterator" */
    return sim_kind_name((SimKind)t->sub);
}

size_t sim__iter_sizeof(const Sim *s, SimId id)
{
    size_t n = xtype_size(s, sim_xtype_of(s, id));
    const SimObj *o = &s->obj[id];
    if (o->kind == SK_ITER && o->sub == SIM_IT_COMPOSITE && o->data) /* __sizeof__ adds its index arrays */
        for (uint32_t k = 0; k < (o->cap >> 16); k++)
            n += block_slot(s, id, k)[1];
    if (o->kind == SK_ITER && o->data && o->len > 0 && sim_xtype_of(s, id) == SIM_XT_IO_BYTESIO) {
        SimId buf = sim_items(s, id)[0]; /* bytesio_sizeof: the buffer unless shared (refcnt > 1) */
        if (buf && s->obj[buf].refcnt == 1 && !(s->obj[buf].flags & SIM_F_IMMORTAL))
            n += sim_sizeof(s, buf);
    }
    return n;
}

/* ---- the containers' iterators ---------------------------------------------- */

static SimXType iter_type_for(const Sim *s, SimId over, int *kind)
{
    const SimObj *o = &s->obj[over];
    switch ((SimKind)o->kind) {
    case SK_LIST: *kind = SIM_IT_LIST; return SIM_XT_LIST_ITER;
    case SK_TUPLE: *kind = SIM_IT_TUPLE; return SIM_XT_TUPLE_ITER;
    case SK_STR: /* a compact ASCII string has its own iterator type (3.11+) */
        *kind = SIM_IT_STR;
        return o->len == o->cap ? SIM_XT_STR_ASCII_ITER : SIM_XT_STR_ITER;
    case SK_BYTES: *kind = SIM_IT_BYTES; return SIM_XT_BYTES_ITER;
    case SK_BYTEARRAY: *kind = SIM_IT_BYTES; return SIM_XT_BYTEARRAY_ITER;
    case SK_DICT: *kind = SIM_IT_DICT; return SIM_XT_DICT_KEYITER;
    case SK_DICTVIEW: /* a mappingproxy iterates as its dict does: the keys */
        *kind = SIM_IT_DICT;
        return o->sub == SIM_VIEW_PROXY ? SIM_XT_DICT_KEYITER : (SimXType)(SIM_XT_DICT_KEYITER + o->sub);
    case SK_SET: *kind = SIM_IT_SET; return SIM_XT_SET_ITER;
    case SK_RANGE: *kind = SIM_IT_RANGE; return SIM_XT_RANGE_ITER;
    case SK_ARRAY: *kind = SIM_IT_ARRAY; return SIM_XT_ARRAY_ITER;
    default: return SIM_XT_NONE;
    }
}

static SimId new_iter_from(Sim *s, SimXType xt, int kind, SimFreeList *from)
{
    size_t size = xtype_size(s, xt);
    bool gc = xtypes[xt].gc, fl;
    PmPtr b = sim__obj_block(s, from, size, gc, &fl);
    SimId id = sim__alloc_record(s, SK_ITER);
    SimObj *it = &s->obj[id];
    it->mem = b;
    it->sub = (uint8_t)kind;
    it->type = s->xtypes[xt];
    if (gc)
        it->flags |= SIM_F_GCTYPE;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, 0);
    return id;
}

static SimId new_iter(Sim *s, SimXType xt, int kind) { return new_iter_from(s, xt, kind, NULL); }

SimId sim_slice(Sim *s, SimId start, SimId stop, SimId step)
{
    SimId id = new_iter_from(s, SIM_XT_SLICE, SIM_IT_COMPOSITE, &s->fl_slice);
    uint32_t cap = 0, h = sim_mem_room(s, 0, 3) ? slab_alloc(&s->slab, 3, &cap) : 0;
    SimObj *o = &s->obj[id];
    if (!h) { /* refused: an empty slice, its parts released */
        sim_set_nomem(s);
        sim_decref(s, start), sim_decref(s, stop), sim_decref(s, step);
    } else {
        o->data = h;
        o->datacap = cap;
        o->len = 3;
        o->cap = 0;
        SimId *r = slab_ptr(&s->slab, h);
        r[0] = step, r[1] = start, r[2] = stop; /* slice_dealloc drops them in this order */
    }
    sim_track(s, id);
    return id;
}

SimId sim_iter(Sim *s, SimId over)
{
    if (sim_is_native(s, over)) /* a partial, an itemgetter: not iterable */
        return 0;
    if (s->obj[over].kind == SK_ITER) {
        sim_incref(s, over);
        return over;
    }
    int kind;
    SimXType xt = iter_type_for(s, over, &kind);
    if (xt == SIM_XT_NONE)
        return 0;
    if (kind == SIM_IT_RANGE) {
        const int64_t *src = (const int64_t *)(const void *)sim_items(s, over);
        return sim_range_iter(s, s->obj[over].v.i, src[0], src[1]);
    }
    SimId id = new_iter(s, xt, kind);
    SimObj *it = &s->obj[id];
    if (s->obj[over].kind == SK_DICTVIEW) {
        it->len = s->obj[over].sub == SIM_VIEW_PROXY ? SIM_VIEW_KEYS : s->obj[over].sub; /* which view */
        it->v.iter.seq = SIM_V(s, over, SK_DICTVIEW, view.dict);
        sim_incref(s, it->v.iter.seq);
    } else {
        it->v.iter.seq = over;
        it->len = SIM_VIEW_KEYS;
        sim_incref(s, over);
    }
    sim_track(s, id);
    return id;
}

SimId sim_range_iter(Sim *s, int64_t start, int64_t stop, int64_t step)
{
    SimId id = new_iter(s, SIM_XT_RANGE_ITER, SIM_IT_RANGE);
    SimObj *it = &s->obj[id];
    uint32_t cap;
    it->data = slab_alloc(&s->slab, 6, &cap);
    it->datacap = cap;
    if (!it->data) {
        sim_set_nomem(s);
        return id;
    }
    int64_t *r = (int64_t *)(void *)slab_ptr(&s->slab, it->data);
    r[0] = start, r[1] = stop, r[2] = step;
    return id;
}

/* ---- composite iterators ------------------------------------------------------ */

/* The payload: refs, then 2 words per counter, then 2 per block (its
 * pointer and size); SimObj.len = refs, cap = counters | blocks << 16. */
SimId sim_iter_composite(Sim *s, SimXType xt, uint32_t nrefs, uint32_t nints, uint32_t nblocks, bool track)
{
    SIM_ASSERT(xt > SIM_XT_NONE && xt < SIM_XT_COUNT && xtypes[xt].kind == SK_ITER);
    SIM_ASSERT(nints < 0x10000u && nblocks < 0x10000u);
    SimId id = new_iter(s, xt, SIM_IT_COMPOSITE);
    size_t words = (size_t)nrefs + 2 * (size_t)nints + 2 * (size_t)nblocks;
    uint32_t cap = 0, h = sim_mem_room(s, 0, words) ? slab_alloc(&s->slab, words, &cap) : 0;
    SimObj *o = &s->obj[id];
    if (h) {
        o->data = h;
        o->datacap = cap;
        o->len = nrefs;
        o->cap = nints | nblocks << 16;
        memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    } else {
        sim_set_nomem(s);
    }
    if (track)
        sim_track(s, id);
    return id;
}

static uint32_t *block_slot(const Sim *s, SimId it, uint32_t k)
{
    const SimObj *o = &s->obj[it];
    SIM_ASSERT(o->data && k < (o->cap >> 16));
    return sim_items(s, it) + o->len + 2 * (o->cap & 0xffffu) + 2 * k;
}

void sim_iter_set_block(Sim *s, SimId it, uint32_t k, PmPtr b, size_t nbytes)
{
    if (!s->obj[it].data) {
        if (b)
            pm_free(&s->pm, b);
        return;
    }
    uint32_t *slot = block_slot(s, it, k);
    slot[0] = b;
    slot[1] = b ? (uint32_t)nbytes : 0;
}

/* Frees its blocks (the iterator is being deallocated). */
void sim__iter_free_blocks(Sim *s, SimId it)
{
    const SimObj *o = &s->obj[it];
    if (!o->data)
        return;
    for (uint32_t k = 0; k < (o->cap >> 16); k++) {
        uint32_t *slot = block_slot(s, it, k);
        if (slot[0])
            pm_free(&s->pm, slot[0]);
        slot[0] = slot[1] = 0;
    }
}

int64_t sim_iter_int(const Sim *s, SimId it, uint32_t k)
{
    const SimObj *o = &s->obj[it];
    int64_t v = 0;
    if (o->data)
        memcpy(&v, sim_items(s, it) + o->len + 2 * k, sizeof v);
    return v;
}

void sim_iter_set_int(Sim *s, SimId it, uint32_t k, int64_t v)
{
    const SimObj *o = &s->obj[it];
    if (o->data)
        memcpy(sim_items(s, it) + o->len + 2 * k, &v, sizeof v);
}

static SimId utf8_char_at(Sim *s, SimId str, uint32_t *pos)
{
    size_t n;
    const char *d = sim_str_data(s, str, &n);
    if (*pos >= n)
        return 0;
    unsigned char b = (unsigned char)d[*pos];
    size_t len = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    if (*pos + len > n)
        len = n - *pos;
    char ch[4]; /* sim_str may move the slab that holds d */
    memcpy(ch, d + *pos, len);
    SimId r = sim_str(s, ch, len);
    *pos += (uint32_t)len;
    return r;
}

SimId sim_iter_next(Sim *s, SimId id)
{
    SIM_ASSERT(s->obj[id].kind == SK_ITER && s->obj[id].sub != SIM_IT_COMPOSITE);
    if (sim_nomem(s)) /* a loop in C stops at a refused allocation; the host raises */
        return 0;
    SimObj *it = &s->obj[id];
    SimId seq = it->v.iter.seq;
    switch (it->sub) {
    case SIM_IT_RANGE: {
        int64_t *r = (int64_t *)(void *)slab_ptr(&s->slab, it->data);
        if ((r[2] > 0 && r[0] >= r[1]) || (r[2] < 0 && r[0] <= r[1]))
            return 0;
        int64_t v = r[0];
        r[0] += r[2];
        return sim_int(s, v);
    }
    case SIM_IT_LIST: case SIM_IT_TUPLE:
        if (!seq || it->cap >= s->obj[seq].len)
            break;
        {
            SimId v = sim_items(s, seq)[it->cap++];
            sim_incref(s, v);
            return v;
        }
    case SIM_IT_STR:
        if (!seq)
            return 0;
        {
            uint32_t pos = it->cap; /* not through `it`: the new str may move the records */
            SimId v = utf8_char_at(s, seq, &pos);
            s->obj[id].cap = pos;
            if (v)
                return v;
        }
        break;
    case SIM_IT_BYTES:
        if (!seq || it->cap >= s->obj[seq].len)
            break;
        return sim_int(s, ((const uint8_t *)sim_items(s, seq))[it->cap++]);
    case SIM_IT_ARRAY:
        if (!seq || it->cap >= s->obj[seq].len)
            break;
        return sim_array_get(s, seq, it->cap++);
    case SIM_IT_SET: {
        if (!seq)
            return 0;
        while (it->cap < SIM_V(s, seq, SK_SET, set.slots)) {
            SimId k = sim_items(s, seq)[it->cap++];
            if (k) {
                sim_incref(s, k);
                return k;
            }
        }
        break;
    }
    case SIM_IT_DICT: {
        if (!seq)
            return 0;
        SimId k, v;
        if (!sim_dict_next(s, seq, &it->cap, &k, &v))
            break;
        if (it->len == SIM_VIEW_KEYS) {
            sim_incref(s, k);
            return k;
        }
        if (it->len == SIM_VIEW_VALUES) {
            sim_incref(s, v);
            return v;
        }
        SimId t = sim_tuple(s, 2);
        sim_incref(s, k), sim_incref(s, v);
        sim_tuple_set(s, t, 0, k);
        sim_tuple_set(s, t, 1, v);
        return t;
    }
    default:
        break;
    }
    /* exhausted: CPython drops the sequence reference */
    it = &s->obj[id];
    if (it->v.iter.seq && it->sub != SIM_IT_RANGE) {
        SimId q = it->v.iter.seq;
        it->v.iter.seq = 0;
        sim_decref(s, q);
    }
    return 0;
}
