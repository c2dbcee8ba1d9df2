/*
 * instance: instances of Python classes (3.11 keeps attributes in a values
 * array, without a dict object, until __dict__ is asked for), attribute
 * lookup along the bases, weak references (PyObject_ClearWeakRefs order),
 * and the per-type facts: sizes, tracking, traversal, addresses.
 */
#include "sim/gc.h"
#include "sim/internal.h"

#include <string.h>


static bool str_is(const Sim *s, SimId str, const char *name)
{
    size_t n;
    const char *d = sim_str_data(s, str, &n);
    return n == strlen(name) && memcmp(d, name, n) == 0;
}

/* ---- attributes -------------------------------------------------------- */

static int attr_index(const Sim *s, SimId inst, SimId name)
{
    const SimObj *o = &s->obj[inst];
    for (uint32_t i = 0; i < o->len; i++) {
        SimId k = sim_items(s, inst)[2 * i];
        if (k == name)
            return (int)i;
        const SimObj *x = &s->obj[k], *y = &s->obj[name]; /* two strs: their hashes first */
        if (x->kind == SK_STR && y->kind == SK_STR && x->v.str.hash != y->v.str.hash)
            continue;
        if (sim_equal(s, k, name))
            return (int)i;
    }
    return -1;
}

SimId sim_attr_get(const Sim *s, SimId inst, SimId name)
{
    const SimObj *o = &s->obj[inst];
    if (o->v.instance.dict)
        return sim_dict_get(s, o->v.instance.dict, name);
    int i = attr_index(s, inst, name);
    return i < 0 ? 0 : sim_items(s, inst)[2 * i + 1];
}

SimId sim_attr_get_str(const Sim *s, SimId inst, const char *name)
{
    const SimObj *o = &s->obj[inst];
    if (o->v.instance.dict)
        return sim_dict_get_str(s, o->v.instance.dict, name);
    for (uint32_t i = 0; i < o->len; i++)
        if (str_is(s, sim_items(s, inst)[2 * i], name))
            return sim_items(s, inst)[2 * i + 1];
    return 0;
}

void sim_attr_set(Sim *s, SimId inst, SimId name, SimId value)
{
    if (s->obj[inst].sub != SIM_INST_PLAIN)
        sim_exc_dict(s, inst); /* an exception's attributes live in its dict */
    SimObj *o = &s->obj[inst];
    if (o->v.instance.dict) {
        sim_incref(s, name);
        sim_dict_set(s, o->v.instance.dict, name, value);
        return;
    }
    int i = attr_index(s, inst, name);
    if (i >= 0) {
        SimId old = sim_items(s, inst)[2 * i + 1];
        sim_items(s, inst)[2 * i + 1] = value;
        sim_xdecref(s, old);
        return;
    }
    uint32_t n = o->len, cap = o->datacap;
    o->data = slab_resize(&s->slab, o->data, &cap, 2 * (n + 1), 2 * n);
    o->datacap = cap;
    sim_incref(s, name);
    sim_items(s, inst)[2 * n] = name;
    sim_items(s, inst)[2 * n + 1] = value;
    o->len = n + 1;
    sim__shared_keys_learn(s, o->type, n + 1, true);
}

void sim__shared_keys_learn(Sim *s, SimId cls, uint32_t n, bool str_key)
{
    /* the class's shared keys learn the name while they have room
     * (insert_into_dictkeys: usable down to 0, 30 keys at most); the model
     * takes an instance's n-th name for the keys' n-th */
    uint32_t *ty = sim_items(s, cls);
    if (!str_key) {
        ty[SIM_TY_FLAGS] |= SIM_TYF_KEYSFULL;
    } else if (n > ty[SIM_TY_NENTRIES]) {
        if (ty[SIM_TY_USABLE] > 0 && ty[SIM_TY_NENTRIES] < 30) {
            ty[SIM_TY_NENTRIES]++;
            ty[SIM_TY_USABLE]--;
        } else {
            ty[SIM_TY_FLAGS] |= SIM_TYF_KEYSFULL;
        }
    }
}

bool sim_attr_del(Sim *s, SimId inst, SimId name)
{
    SimObj *o = &s->obj[inst];
    if (o->v.instance.dict)
        return sim_dict_del(s, o->v.instance.dict, name);
    int i = attr_index(s, inst, name);
    if (i < 0)
        return false;
    SimId *it = sim_items(s, inst);
    SimId k = it[2 * i], v = it[2 * i + 1];
    memmove(it + 2 * i, it + 2 * i + 2, (o->len - (uint32_t)i - 1) * 2 * sizeof *it);
    o->len--;
    sim_decref(s, v);
    sim_decref(s, k);
    return true;
}

SimId sim_instance_dict(Sim *s, SimId inst)
{
    if (s->obj[inst].sub != SIM_INST_PLAIN)
        return sim_exc_dict(s, inst);
    if (SIM_V(s, inst, SK_INSTANCE, instance.dict))
        return SIM_V(s, inst, SK_INSTANCE, instance.dict);
    SimId d = sim_dict(s);
    SimObj *o = &s->obj[inst];
    for (uint32_t i = 0; i < o->len; i++) {
        SimId k = sim_items(s, inst)[2 * i], v = sim_items(s, inst)[2 * i + 1];
        sim_dict_set(s, d, k, v); /* the dict takes over the references */
        o = &s->obj[inst];
    }
    o->len = 0;
    pm_free(&s->pm, o->mem2);
    o->mem2 = PM_NULL;
    o->v.instance.dict = d;
    s->obj[d].ext = o->type; /* a split dict: sized by the class's shared keys */
    if (s->prof->inline_values) /* _PyObject_MaterializeManagedDict: values stay inline */
        s->obj[d].flags |= SIM_F_EMBEDDED;
    return d;
}

/* The classes to search for cls: its __mro__, or while the collector has
 * cleared that, the chain of tp_base. */
static bool mro_of(const Sim *s, SimId cls, const SimId **items, uint32_t *n)
{
    if (s->obj[cls].kind != SK_TYPE || s->obj[cls].sub != SK_INSTANCE || !s->obj[cls].data)
        return false;
    SimId mro = sim_items(s, cls)[SIM_TY_MRO];
    if (!mro)
        return false;
    *items = sim_items(s, mro);
    *n = s->obj[mro].len;
    return true;
}

static SimId dict_get(const Sim *s, SimId d, const char *name, SimId key)
{
    return key ? sim_dict_get(s, d, key) : sim_dict_get_str(s, d, name);
}

/* _PyType_Lookup: the first class along the MRO whose dict has the name
 * (by C text, or by the program's str when `key` is set) */
static SimId type_lookup(const Sim *s, SimId cls, const char *name, SimId key)
{
    const SimId *mro;
    uint32_t n;
    if (mro_of(s, cls, &mro, &n)) {
        for (uint32_t i = 0; i < n; i++) {
            SimId c = mro[i];
            if (s->obj[c].kind == SK_TYPE && s->obj[c].sub == SK_INSTANCE && SIM_V(s, c, SK_TYPE, type.dict)) {
                SimId v = dict_get(s, SIM_V(s, c, SK_TYPE, type.dict), name, key);
                if (v)
                    return v;
            }
        }
        return 0;
    }
    for (SimId c = cls; c; c = SIM_V(s, c, SK_TYPE, type.base)) {
        if (s->obj[c].kind != SK_TYPE || !SIM_V(s, c, SK_TYPE, type.dict))
            return 0;
        SimId v = dict_get(s, SIM_V(s, c, SK_TYPE, type.dict), name, key);
        if (v)
            return v;
    }
    return 0;
}

SimId sim_type_lookup(const Sim *s, SimId cls, const char *name) { return type_lookup(s, cls, name, 0); }

SimId sim_type_lookup_str(const Sim *s, SimId cls, SimId name) { return type_lookup(s, cls, NULL, name); }

bool sim_is_subtype(const Sim *s, SimId cls, SimId base)
{
    if (base == s->type_object || cls == base)
        return true;
    const SimId *mro;
    uint32_t n;
    if (mro_of(s, cls, &mro, &n)) {
        for (uint32_t i = 0; i < n; i++)
            if (mro[i] == base)
                return true;
        return false;
    }
    for (SimId c = cls; c; c = SIM_V(s, c, SK_TYPE, type.base)) {
        if (c == base)
            return true;
        if (s->obj[c].kind != SK_TYPE || s->obj[c].sub != SK_INSTANCE)
            break;
    }
    return false;
}

SimId sim_type_of(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (o->kind == SK_INSTANCE || (o->kind == SK_ITER && o->type) || sim_is_subinst(s, id) ||
        (o->kind == SK_TYPE && o->type))
        return o->type;
    if (o->kind == SK_WEAKREF && o->sub >= SIM_WR_PROXY)
        return s->xtypes[o->sub == SIM_WR_PROXY ? SIM_XT_WR_PROXY : SIM_XT_WR_CALLABLE_PROXY];
    if (o->kind == SK_DICTVIEW && o->sub != SIM_VIEW_PROXY && sim_is_odict(s, o->v.view.dict))
        return s->xtypes[SIM_XT_ODICT_KEYS + o->sub]; /* odict_keys, odict_values, odict_items */
    if (o->kind == SK_DICTVIEW)
        return s->xtypes[o->sub == SIM_VIEW_PROXY ? SIM_XT_MAPPINGPROXY : SIM_XT_DICT_KEYS + o->sub];
    if (o->kind == SK_SET && o->sub == SIM_SET_FROZEN)
        return s->xtypes[SIM_XT_FROZENSET];
    if (o->kind == SK_GEN && o->v.gen.flavor == SIM_GEN_CORO)
        return s->xtypes[SIM_XT_COROUTINE];
    if (o->kind == SK_BUILTIN && o->sub == SIM_BUILTIN_WRAPPER)
        return s->xtypes[SIM_XT_METHOD_WRAPPER];
    return s->types[o->kind];
}

const char *sim_kind_name(SimKind k)
{
    static const char *names[SK_COUNT] = {
        "free", "sentinel", "NoneType", "bool", "int", "float", "str", "bytes",
        "bytearray", "list", "tuple", "dict", "set", "object", "type", "object",
        "function", "method", "builtin_function_or_method", "weakref.ReferenceType", "cell", "module",
        "range", "iterator", "dict_keys", "NotImplementedType", "super", "generator", "property",
        "classmethod", "staticmethod", "ellipsis", "member_descriptor", "getset_descriptor", "traceback",
        "frame", "collections.deque", "array.array", "_io.StringIO", "code", "complex"};
    return names[k];
}

const char *sim_type_name(const Sim *s, SimId id)
{
    SimId t = sim_type_of(s, id);
    if (s->obj[t].sub == SK_INSTANCE && s->obj[t].data) {
        size_t n;
        return sim_str_data(s, sim_items(s, t)[SIM_TY_NAME], &n);
    }
    const SimObj *o = &s->obj[id];
    if (o->kind == SK_ITER || o->kind == SK_DICTVIEW || o->kind == SK_WEAKREF)
        return sim_type_obj_name(s, t);
    if (o->kind == SK_TYPE)
        return "type";
    if (o->kind == SK_SET && o->sub == SIM_SET_FROZEN)
        return "frozenset";
    if (o->kind == SK_GEN && o->v.gen.flavor == SIM_GEN_CORO)
        return "coroutine";
    if (o->kind == SK_BUILTIN && o->sub == SIM_BUILTIN_WRAPPER)
        return "method-wrapper";
    return sim_kind_name((SimKind)o->kind);
}

/* ---- weak references ---------------------------------------------------- */

static bool weakrefable(const Sim *s, SimId obj)
{
    SimKind k = (SimKind)s->obj[obj].kind;
    if (k == SK_INSTANCE && s->obj[obj].sub == SIM_INST_EXC)
        return false; /* BaseException has no weakref slot; a subclass adds one */
    if (sim_is_subinst(s, obj) && k != SK_SET) /* list, dict, tuple: none; a subclass may add __weakref__ */
        return (sim_type_word(s, s->obj[obj].type, SIM_TY_FLAGS) & SIM_TYF_WEAK) != 0;
    if (k == SK_INSTANCE && s->obj[obj].sub == SIM_INST_PLAIN) { /* a program class without __weakref__ */
        uint32_t f = sim_type_word(s, s->obj[obj].type, SIM_TY_FLAGS);
        return !(f & SIM_TYF_HEAP) || (f & SIM_TYF_WEAK);
    }
    if (k == SK_BUILTIN) /* a bound built-in method ([].append); len, str.upper: the caller's */
        return s->obj[obj].sub != SIM_BUILTIN_WRAPPER && s->obj[obj].v.builtin.self;
    return k == SK_INSTANCE || k == SK_FUNC || k == SK_TYPE || k == SK_SET || k == SK_METHOD ||
           k == SK_GEN || k == SK_DEQUE || k == SK_ARRAY || k == SK_STRINGIO || k == SK_MODULE ||
           k == SK_CODE;
}

/* the basic (callback-less, exact-type) ref or proxy of obj, or 0
 * (get_basic_refs: a basic ref heads the list, a basic proxy follows it) */
static SimId basic_ref(const Sim *s, SimId obj, uint8_t sub)
{
    SimId w = s->obj[obj].weaklist;
    if (w && s->obj[w].sub == SIM_WR_REF && !s->obj[w].v.weakref.callback) {
        if (sub == SIM_WR_REF)
            return w;
        w = s->obj[w].len;
    }
    if (sub != SIM_WR_REF && w && s->obj[w].sub >= SIM_WR_PROXY && !s->obj[w].v.weakref.callback)
        return w;
    return 0;
}

SimId sim__weakref_new(Sim *s, SimId obj, SimId cb, uint8_t sub, SimId key)
{
    if (!weakrefable(s, obj))
        return 0;
    bool plain = !cb && (sub == SIM_WR_REF || sub >= SIM_WR_PROXY);
    SimId ref = basic_ref(s, obj, SIM_WR_REF), proxy = basic_ref(s, obj, SIM_WR_PROXY);
    if (plain && (sub == SIM_WR_REF ? ref : proxy)) { /* the basic ref or proxy is shared */
        SimId head = sub == SIM_WR_REF ? ref : proxy;
        sim_incref(s, head);
        return head;
    }
    size_t size = sub == SIM_WR_KEYED ? 88 : 80;
    bool fl;
    PmPtr b = sim__obj_block(s, NULL, size, true, &fl);
    SimId wr = sim__alloc_record(s, SK_WEAKREF);
    SimObj *w = &s->obj[wr];
    w->mem = b;
    w->sub = sub;
    w->flags |= SIM_F_GCTYPE;
    w->v.weakref.obj = obj;
    w->v.weakref.callback = cb;
    if (cb)
        sim_incref(s, cb);
    if (sub == SIM_WR_KEYED) { /* KeyedRef.key, owned */
        w->data = slab_alloc(&s->slab, 1, &w->datacap);
        w = &s->obj[wr];
        sim_items(s, wr)[0] = key;
        sim_incref(s, key);
    }
    sim_event(s, SE_ALLOC, wr, (uint32_t)size, 0);
    /* a basic ref goes first, a basic proxy after it, the others after both */
    SimId prev = sub == SIM_WR_REF && plain ? 0 : plain ? ref : (proxy ? proxy : ref);
    if (prev) {
        w->len = s->obj[prev].len;
        w->cap = prev;
        if (w->len)
            s->obj[w->len].cap = wr;
        s->obj[prev].len = wr;
    } else {
        SimId head = s->obj[obj].weaklist;
        w->len = head;
        w->cap = 0;
        if (head)
            s->obj[head].cap = wr;
        s->obj[obj].weaklist = wr;
    }
    sim_track(s, wr);
    return wr;
}

SimId sim_weakref(Sim *s, SimId obj, SimId cb) { return sim__weakref_new(s, obj, cb, SIM_WR_REF, 0); }

void sim__weakref_unlink(Sim *s, SimId wr)
{
    SimObj *w = &s->obj[wr];
    SimId obj = w->v.weakref.obj;
    if (!obj)
        return;
    if (w->cap)
        s->obj[w->cap].len = w->len;
    else
        s->obj[obj].weaklist = w->len;
    if (w->len)
        s->obj[w->len].cap = w->cap;
    w->len = w->cap = 0;
    w->v.weakref.obj = 0;
}

void sim_clear_weakrefs(Sim *s, SimId obj, bool call)
{
    /* collect (ref, callback) pairs first, then call in list order */
    SimId pairs[64][2];
    size_t n = 0;
    if (s->obj[obj].weaklist && s->gc.run_phase != GC_IDLE)
        s->gc.run_touched = true; /* a collection's frees reached a weak reference */
    while (s->obj[obj].weaklist) {
        SimId wr = s->obj[obj].weaklist;
        SimId cb = SIM_V(s, wr, SK_WEAKREF, weakref.callback);
        SIM_V(s, wr, SK_WEAKREF, weakref.callback) = 0;
        sim__weakref_unlink(s, wr);
        if (cb && call && n < 64 && s->obj[wr].refcnt > 0) {
            sim_incref(s, wr);
            pairs[n][0] = wr;
            pairs[n][1] = cb;
            n++;
        } else if (cb) {
            sim_decref(s, cb);
        }
    }
    for (size_t i = 0; i < n; i++) {
        sim_event(s, SE_WEAKREF_CB, pairs[i][0], obj, 0);
        if (s->hooks.call1)
            s->hooks.call1(s->hooks.ctx, pairs[i][1], pairs[i][0]);
        sim_decref(s, pairs[i][1]);
        sim_decref(s, pairs[i][0]);
    }
}

/* ---- per-type facts ------------------------------------------------------ */

bool sim_is_gc_type(const Sim *s, SimId id) { return (s->obj[id].flags & SIM_F_GCTYPE) != 0; }

static size_t exact_sizeof(const Sim *s, SimId id);

size_t sim_sizeof(const Sim *s, SimId id)
{
    size_t n = exact_sizeof(s, id);
    if (!sim_is_subinst(s, id))
        return n;
    if (s->obj[id].kind == SK_INT || s->obj[id].kind == SK_STR)
        return sim__subinst_scalar_size(s, id);
    return n + sim__subinst_extra(s, id) + (sim_is_odict(s, id) ? sim__odict_extra(s, id) : 0);
}

/* the size of an exact instance of the object's built-in type */
static size_t exact_sizeof(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    switch ((SimKind)o->kind) {
    case SK_NONE: case SK_OBJECT: case SK_NOTIMPL: return 16;
    case SK_SUPER: return 56;
    case SK_BOOL: return 28;
    case SK_INT: {
        if (o->sub == 1)
            return 24 + 4 * (size_t)o->len;
        uint64_t m = o->v.i < 0 ? (uint64_t)0 - (uint64_t)o->v.i : (uint64_t)o->v.i;
        size_t d = 0;
        for (; m; m >>= 30)
            d++;
        return 24 + 4 * (d ? d : 1);
    }
    case SK_FLOAT: return 24;
    case SK_COMPLEX: return 32;
    case SK_STR: {
        size_t w = o->sub ? o->sub : 1;
        if (w == 1)
            return s->prof->str_header + o->cap + 1;
        size_t k = w == 2 ? 1 : w == 3 ? 2 : 4;
        size_t extra = 0;
        if (w == 2 && o->cap == 1 && (o->flags & SIM_F_STATIC) && s->prof->version != SIM_V311)
            extra = 3; /* 3.12+: the latin-1 singletons carry their UTF-8 form */
        return s->prof->str_compact_header + (o->cap + 1) * k + extra;
    }
    case SK_BYTES: return 33 + o->len;
    case SK_BYTEARRAY: return 56 + o->cap;
    case SK_LIST: return 56 + 8 * (size_t)o->cap;
    case SK_TUPLE: return 40 + 8 * (size_t)o->len;
    case SK_DICT: return sim__dict_sizeof(s, id);
    case SK_SET: return sim__set_sizeof(s, id);
    case SK_INSTANCE:
        if (o->sub != SIM_INST_PLAIN)
            return sim__exc_sizeof(s, id);
        if (sim_type_word(s, o->type, SIM_TY_FLAGS) & SIM_TYF_HEAP)
            return sim__inst_size(s, o->type);
        return s->prof->instance_size;
    case SK_TRACEBACK: return 56;
    case SK_FRAME: return sim__frame_sizeof(s, id);
    case SK_TYPE:
        if (o->sub != SK_INSTANCE) { /* a built-in type: PyTypeObject, or (3.12+) itertools' heap types */
            bool heap = (((o->sub == SK_ITER && o->cap >= SIM_XT_IT_COUNT) || o->sub == SK_DEQUE) &&
                         s->prof->version != SIM_V311) || /* _collections' too */
                        o->sub == SK_ARRAY || /* array's, from 3.11 on */
                        (o->sub == SK_STRINGIO && s->prof->version != SIM_V311); /* _io's from 3.12 */
            if (heap && s->prof->version == SIM_V311)
                return 920;
            if (heap)
                return s->prof->version == SIM_V312 ? 936 : 944;
            return s->prof->version == SIM_V311 ? 424 : s->prof->version == SIM_V312 ? 432 : 416;
        }
        return sim__type_sizeof(s, id);
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR: return 64;
    case SK_FUNC: return s->prof->version == SIM_V311 ? 152 : 160;
    case SK_METHOD: return 64;
    case SK_BUILTIN: return o->sub == SIM_BUILTIN_WRAPPER ? 48 : 72;
    case SK_CELL: return 40;
    case SK_DICTVIEW: case SK_ITER: return sim__iter_sizeof(s, id);
    case SK_MODULE: return 72;
    case SK_RANGE: return 48;
    case SK_WEAKREF: return o->sub == SIM_WR_KEYED ? 88 : 80;
    case SK_PROPERTY: return 80;
    case SK_CLASSMETHOD: case SK_STATICMETHOD: return 48;
    case SK_GEN: return (s->prof->version == SIM_V311 ? 168 : 160) + 8 * (size_t)o->cap;
    case SK_DEQUE: return sim__deque_sizeof(s, id);
    case SK_ARRAY: return 80 + (size_t)o->cap * sim_array_itemsize((char)o->sub);
    case SK_STRINGIO: return sim__stringio_size(s);
    default: return 16;
    }
}

/* the GC header and the managed pre-header before an object in its block;
 * 3.13's pre-header of a plain instance counted or not (the model's
 * addresses leave it out) */
static size_t header_bytes(const Sim *s, SimId id, bool preheader_313)
{
    const SimObj *o = &s->obj[id];
    size_t a = 0;
    if (o->flags & SIM_F_GCTYPE)
        a += 16;
    if (o->kind == SK_INSTANCE && o->sub == SIM_INST_PLAIN && (preheader_313 || s->prof->version != SIM_V313)) {
        uint32_t f = sim_type_word(s, o->type, SIM_TY_FLAGS);
        if (!(f & SIM_TYF_HEAP) || (f & SIM_TYF_DICT) || (s->prof->version == SIM_V312 && (f & SIM_TYF_WEAK)))
            a += 16; /* managed-dict pre-header */
    }
    if (o->kind == SK_INSTANCE && o->sub == SIM_INST_EXC_HEAP && s->prof->version != SIM_V311)
        a += 16; /* managed-weakref pre-header */
    if (sim_is_subinst(s, id)) {
        uint32_t f = sim_type_word(s, o->type, SIM_TY_FLAGS);
        bool pre = s->prof->version == SIM_V311 ? (f & SIM_TYF_DICT) && !(f & SIM_TYF_VARDICT)
                                                : (f & (SIM_TYF_DICT | SIM_TYF_WEAK));
        if (pre)
            a += 16;
    }
    return a;
}

size_t sim_header_size(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (!o->mem) /* a static object: the empty tuple has a GC header, a static type none (type_is_gc) */
        return o->kind == SK_TUPLE ? 16 : 0;
    return header_bytes(s, id, true);
}

uint64_t sim_id_address(Sim *s, SimId id)
{
    sim_timing_seen(s); /* where an object lies depends on when garbage went */
    return sim__id_address(s, id);
}

uint64_t sim__id_address(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (!o->mem)
        return 0x7f0000a00000ull + (uint64_t)id * 32; /* static objects */
    return pm_address(&s->pm, o->mem) + header_bytes(s, id, false);
}

void sim_traverse(Sim *s, SimId id, SimVisit fn, void *arg)
{
    SimObj *o = &s->obj[id];
    if (sim_is_odict(s, id)) { /* subtype_traverse's class, then odict_traverse */
        if (!(sim_type_word(s, o->type, SIM_TY_FLAGS) & SIM_TYF_NATIVE))
            fn(s, o->type, arg);
        if (s->obj[id].ext)
            fn(s, s->obj[id].ext, arg);
        sim__odict_traverse(s, id, fn, arg);
        o = &s->obj[id];
    } else if (sim_is_subinst(s, id)) { /* subtype_traverse: the dict, the class, then the base's */
        if (o->ext)
            fn(s, o->ext, arg);
        fn(s, s->obj[id].type, arg);
        o = &s->obj[id];
    }
    switch ((SimKind)o->kind) {
    case SK_LIST: case SK_TUPLE:
        for (uint32_t i = 0; i < s->obj[id].len; i++)
            if (sim_items(s, id)[i])
                fn(s, sim_items(s, id)[i], arg);
        break;
    case SK_DICT: {
        uint32_t pos = 0;
        SimId k, v;
        bool str_keys = o->sub != 0; /* unicode-keyed tables visit values only */
        if (o->flags & SIM_F_EMBEDDED)
            break; /* embedded values: the owning instance visits them */
        while (sim__dict_next_raw(s, id, &pos, &k, &v)) {
            if (!str_keys)
                fn(s, k, arg);
            if (v)
                fn(s, v, arg);
        }
        break;
    }
    case SK_SET:
        for (uint32_t i = 0; i < SIM_V(s, id, SK_SET, set.slots); i++)
            if (sim_items(s, id)[i])
                fn(s, sim_items(s, id)[i], arg);
        break;
    case SK_TRACEBACK:
        if (o->v.tb.next)
            fn(s, o->v.tb.next, arg);
        if (o->v.tb.frame)
            fn(s, o->v.tb.frame, arg);
        break;
    case SK_FRAME:
        sim__frame_traverse(s, id, fn, arg);
        break;
    case SK_INSTANCE:
        if (o->sub != SIM_INST_PLAIN) {
            sim__exc_traverse(s, id, fn, arg);
            break;
        }
        sim__inst_visit_slots(s, id, fn, arg); /* subtype_traverse: slots, dict, type */
        o = &s->obj[id];
        if (o->v.instance.dict && (s->obj[o->v.instance.dict].flags & SIM_F_EMBEDDED)) {
            /* 3.13: valid inline values are visited, not the dict */
            uint32_t pos = 0;
            SimId k, v;
            while (sim_dict_next(s, o->v.instance.dict, &pos, &k, &v))
                if (v)
                    fn(s, v, arg);
        } else if (o->v.instance.dict) {
            fn(s, o->v.instance.dict, arg);
        }
        for (uint32_t i = 0; i < s->obj[id].len; i++)
            if (sim_items(s, id)[2 * i + 1])
                fn(s, sim_items(s, id)[2 * i + 1], arg);
        fn(s, s->obj[id].type, arg);
        break;
    case SK_FUNC: { /* func_traverse: globals, defaults, kwdefaults, name, dict, closure, annotations */
        static const int order[] = {SIM_FN_MODULE, SIM_FN_DEFAULTS, SIM_FN_KWDEFAULTS, SIM_FN_DOC, SIM_FN_FUNCNAME,
                                    SIM_FN_NAME, SIM_FN_DICT, SIM_FN_CLOSURE, SIM_FN_ANNOTATIONS,
                                    SIM_FN_TYPEPARAMS};
        _Static_assert(sizeof order / sizeof order[0] == SIM_FN_NPARTS, "every part visited");
        fn(s, o->v.func.globals, arg);
        for (int i = 0; i < SIM_FN_NPARTS; i++)
            if (sim_items(s, id)[order[i]])
                fn(s, sim_items(s, id)[order[i]], arg);
        break;
    }
    case SK_TYPE:
        if (o->sub != SK_INSTANCE)
            break;
        if (!o->data)
            break;
        if (o->type) /* subtype_traverse: a heap metatype, then type_traverse */
            fn(s, o->type, arg);
        { /* type_traverse: dict, mro, bases, base (not its subclasses) */
            SimId refs[] = {o->v.type.dict, sim_items(s, id)[SIM_TY_MRO], sim_items(s, id)[SIM_TY_BASES],
                            o->v.type.base};
            for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++)
                if (refs[i])
                    fn(s, refs[i], arg);
        }
        break;
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR: /* descr_traverse: d_type */
        if (o->v.member.type)
            fn(s, o->v.member.type, arg);
        break;
    case SK_METHOD:
        fn(s, o->v.method.func, arg);
        fn(s, SIM_V(s, id, SK_METHOD, method.self), arg);
        break;
    case SK_PROPERTY: case SK_CLASSMETHOD: case SK_STATICMETHOD:
        sim__descr_traverse(s, id, fn, arg);
        break;
    case SK_BUILTIN:
        if (o->v.builtin.self)
            fn(s, o->v.builtin.self, arg);
        break;
    case SK_CELL:
        if (o->v.cell.ref)
            fn(s, o->v.cell.ref, arg);
        break;
    case SK_MODULE:
        if (o->v.module.dict)
            fn(s, o->v.module.dict, arg);
        break;
    case SK_ITER:
        if (o->sub == SIM_IT_COMPOSITE && o->type && s->obj[o->type].cap >= SIM_XT_IT_COUNT &&
            s->prof->version != SIM_V311) /* 3.12+: itertools' types are heap types, visited first */
            fn(s, o->type, arg);
        if (o->sub == SIM_IT_COMPOSITE && sim_xtype_of(s, id) == SIM_XT_FT_LRU_WRAPPER)
            for (SimId e = (SimId)sim_iter_int(s, id, SIM_LRU_FIRST); e;
                 e = (SimId)sim_iter_int(s, e, SIM_LRU_ELEM_NEXT)) { /* the links' results and keys */
                if (sim_iter_refs(s, e)[1])
                    fn(s, sim_iter_refs(s, e)[1], arg);
                if (sim_iter_refs(s, e)[0])
                    fn(s, sim_iter_refs(s, e)[0], arg);
            }
        if (o->sub == SIM_IT_COMPOSITE) { /* its references in tp_traverse order */
            for (uint32_t i = 0; i < o->len; i++)
                if (sim_items(s, id)[i])
                    fn(s, sim_items(s, id)[i], arg);
        } else if (o->v.iter.seq && o->sub != SIM_IT_RANGE) {
            fn(s, o->v.iter.seq, arg);
        }
        break;
    case SK_DICTVIEW:
        if (o->v.view.dict)
            fn(s, o->v.view.dict, arg);
        break;
    case SK_WEAKREF: /* KeyedRef: subtype_traverse visits its key slot first */
        if (o->sub == SIM_WR_KEYED && o->data && sim_items(s, id)[0])
            fn(s, sim_items(s, id)[0], arg);
        if (s->obj[id].v.weakref.callback)
            fn(s, s->obj[id].v.weakref.callback, arg);
        break;
    case SK_DEQUE: /* deque_traverse: the items left to right */
        sim__deque_traverse(s, id, fn, arg);
        break;
    case SK_ARRAY: /* array_tp_traverse: its heap type, nothing else */
        fn(s, s->types[SK_ARRAY], arg);
        break;
    case SK_STRINGIO:
        sim__stringio_traverse(s, id, fn, arg);
        break;
    case SK_GEN: /* gen_traverse: the frame's function, then its slots */
        if (o->v.gen.func)
            fn(s, o->v.gen.func, arg);
        for (uint32_t i = 0; i < s->obj[id].len; i++)
            if (sim_items(s, id)[i])
                fn(s, sim_items(s, id)[i], arg);
        break;
    default:
        break;
    }
}

bool sim_str_equals(const Sim *s, SimId str, const char *name) { return str_is(s, str, name); }
