/*
 * type: the classes a program defines, laid out as type_new lays them out
 * (Objects/typeobject.c): __bases__, the __mro__ the host linearised, the
 * member descriptors of __slots__, the getset descriptors of __dict__ and
 * __weakref__, __doc__, the weakref each base keeps of it in its subclass
 * dict, and its instances' layout (tp_basicsize, slot values, a dict or
 * not, weakrefs or not).  Also the model's exception classes, and the
 * creation, size and slot clearing of instances.
 */
#include "sim/internal.h"

#include <string.h>

#include "sim/trace.h"

#define MEMBERDEF_SIZE 40     /* sizeof(PyMemberDef): one per slot, and a sentinel */
#define CACHED_KEYS_SIZE 768  /* ht_cached_keys: a shared keys table of 64 slots */
#define DESCR_SIZE 64         /* PyMemberDescrObject / PyGetSetDescrObject and a GC header */

/* sizeof(PyHeapTypeObject) and its GC header */
static size_t heap_type_size(const Sim *s)
{
    return s->prof->version == SIM_V311 ? 920 : s->prof->version == SIM_V312 ? 936 : 944;
}

static SimId ret(Sim *s, SimId id)
{
    sim_incref(s, id);
    return id;
}

static uint32_t *words(const Sim *s, SimId cls) { return sim_items(s, cls); }

static bool is_class(const Sim *s, SimId c)
{
    return c && s->obj[c].kind == SK_TYPE && s->obj[c].sub == SK_INSTANCE && s->obj[c].data;
}

static bool is_heap(const Sim *s, SimId c)
{
    return is_class(s, c) && (words(s, c)[SIM_TY_FLAGS] & SIM_TYF_HEAP);
}

/* Py_TPFLAGS_MANAGED_DICT, which gives a class its ht_cached_keys: its
 * instances have a __dict__ the interpreter manages, unless a built-in base
 * (BaseException and its kin) lays out its own at tp_dictoffset */
static bool managed_dict(const Sim *s, SimId cls)
{
    if (!(words(s, cls)[SIM_TY_FLAGS] & SIM_TYF_DICT) || (words(s, cls)[SIM_TY_FLAGS] & SIM_TYF_VARDICT))
        return false;
    for (SimId c = cls; is_class(s, c); c = SIM_V(s, c, SK_TYPE, type.base))
        if (!is_heap(s, c))
            return false;
    return true;
}

uint32_t sim_type_word(const Sim *s, SimId cls, int word)
{
    return is_class(s, cls) ? words(s, cls)[word] : 0;
}

static bool class_payload(Sim *s, SimId id)
{
    uint32_t cap = 0;
    uint32_t h = slab_alloc(&s->slab, SIM_TY_NWORDS, &cap);
    s->obj[id].data = h;
    s->obj[id].datacap = cap;
    if (!h) {
        sim_set_nomem(s);
        return false;
    }
    memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
    return true;
}

/* ---- the model's exception classes ---------------------------------------- */

SimId sim_type_new(Sim *s, SimId name, SimId base, SimId dict, bool program)
{
    size_t size = program ? heap_type_size(s)
                  : s->prof->version == SIM_V311 ? 1688 : s->prof->version == SIM_V312 ? 1704 : 1712;
    SimId id = sim__new_obj(s, SK_TYPE, size, NULL, true);
    SimObj *o = &s->obj[id];
    o->sub = SK_INSTANCE;
    o->v.type.dict = dict;
    o->v.type.base = base;
    s->dict_versions++; /* a class made: see sim_dict_versions */
    if (!class_payload(s, id))
        return id;
    uint32_t *ty = words(s, id);
    ty[SIM_TY_NAME] = name;
    ty[SIM_TY_USABLE] = 30; /* SHARED_KEYS_MAX_SIZE */
    ty[SIM_TY_FLAGS] = program ? SIM_TYF_EXC_HEAP : 0;
    if (sim_dict_get_str(s, dict, "__del__"))
        s->obj[id].flags |= SIM_F_SPECIAL;
    /* __mro__ = (cls, base..., object): makes every class a cycle */
    size_t depth = 1;
    for (SimId b = base; is_class(s, b); b = SIM_V(s, b, SK_TYPE, type.base))
        depth++;
    SimId mro = sim_tuple(s, depth + 1);
    size_t i = 0;
    for (SimId b = id; is_class(s, b); b = SIM_V(s, b, SK_TYPE, type.base))
        sim_tuple_set(s, mro, i++, ret(s, b));
    sim_tuple_set(s, mro, i, ret(s, s->type_object));
    words(s, id)[SIM_TY_MRO] = mro;
    sim_track(s, id);
    return id;
}

/* ---- descriptors ------------------------------------------------------------ */

/* descr_new: d_type and d_name (the interned name); tracked */
static SimId descr_new(Sim *s, SimKind k, SimId cls, SimId name, uint32_t index)
{
    SimId id = sim__new_obj(s, k, DESCR_SIZE, NULL, true);
    SimObj *o = &s->obj[id];
    o->v.member.type = ret(s, cls);
    o->v.member.name = name;
    o->cap = index;
    sim_track(s, id);
    return id;
}

void sim__member_dealloc(Sim *s, SimId id)
{
    SimId t = s->obj[id].v.member.type, n = s->obj[id].v.member.name;
    sim_xdecref(s, t);
    sim_xdecref(s, n);
    sim__release(s, id, NULL);
}

/* PyDict_SetDefault(dict, name, descr): a name the class defines itself wins */
static void set_default(Sim *s, SimId dict, SimId descr)
{
    SimId name = s->obj[descr].v.member.name;
    if (sim_dict_get(s, dict, name)) {
        sim_decref(s, descr);
        return;
    }
    sim_dict_set(s, dict, ret(s, name), descr);
}

/* ---- program classes ------------------------------------------------------ */

/* add_subclass: key PyLong_FromVoidPtr(cls), value a weakref to it (one
 * shared by every base), in the base's tp_subclasses dict */
static void add_subclass(Sim *s, SimId base, SimId cls)
{
    SimId key = sim_int(s, (int64_t)(sim__id_address(s, cls) & 0x7fffffffffffull));
    SimId ref = sim_weakref(s, cls, 0);
    if (is_heap(s, base)) {
        if (!words(s, base)[SIM_TY_SUBCLASSES]) {
            SimId d = sim_dict(s);
            words(s, base)[SIM_TY_SUBCLASSES] = d;
        }
        sim_dict_set(s, words(s, base)[SIM_TY_SUBCLASSES], key, ref);
    } else if (!words(s, cls)[SIM_TY_SUBKEY]) { /* object's dict, outside the model */
        words(s, cls)[SIM_TY_SUBKEY] = key;
        words(s, cls)[SIM_TY_SUBREF] = ref;
    } else {
        sim_decref(s, key);
        sim_decref(s, ref);
    }
}

/* type_new_descriptors: the layout its instances get */
static void set_layout(Sim *s, SimId id, const SimClassSpec *sp, uint32_t nmembers)
{
    uint32_t *ty = words(s, id);
    uint32_t flags = SIM_TYF_HEAP, basic = 16, nslots = 0;
    if (sp->best) {
        const uint32_t *bt = words(s, sp->best);
        flags |= bt[SIM_TY_FLAGS] & (SIM_TYF_DICT | SIM_TYF_WEAK | SIM_TYF_VARDICT | SIM_TYF_ODICT | SIM_TYF_FROZEN |
                                         SIM_TYF_LOCAL);
        basic = bt[SIM_TY_BASICSIZE];
        nslots = bt[SIM_TY_NSLOTS];
    } else if (sp->layout) { /* tp_basicsize of PyListObject, PyDictObject, PyTupleObject, PyFloatObject,
                              * PyLongObject (the digits are items), PyUnicodeObject */
        basic = sp->layout == SK_LIST ? 40 : sp->layout == SK_DICT ? 48 : 24;
        if (sp->layout == SK_STR)
            basic = s->prof->version == SIM_V311 ? 80 : 64;
        if (sp->layout == SK_SET) /* PySetObject */
            basic = 200;
        if (sp->layout == SK_BYTES) /* PyBytesObject: the header and the trailing NUL */
            basic = 33;
        if (sp->layout == SK_SET && sp->frozen)
            flags |= SIM_TYF_FROZEN;
        if (sp->layout == SK_TYPE) /* sizeof(PyHeapTypeObject) */
            basic = (uint32_t)heap_type_size(s) - 16;
    }
    basic += 8 * nmembers;
    if (sp->add_weak && s->prof->version == SIM_V311)
        basic += 8; /* 3.12+ keep it in the pre-header (Py_TPFLAGS_MANAGED_WEAKREF) */
    if (sp->add_dict && (sp->layout == SK_TUPLE || sp->layout == SK_INT || sp->layout == SK_BYTES) &&
        s->prof->version == SIM_V311) {
        basic += 8; /* a variable-size base: tp_dictoffset -8, not managed */
        flags |= SIM_TYF_VARDICT;
    }
    flags |= (sp->add_dict ? SIM_TYF_DICT : 0) | (sp->add_weak ? SIM_TYF_WEAK : 0);
    ty[SIM_TY_FLAGS] = flags;
    ty[SIM_TY_KIND] = (uint32_t)sp->layout;
    ty[SIM_TY_BASICSIZE] = basic;
    ty[SIM_TY_NSLOTS] = nslots + nmembers;
}

static void set_mro(Sim *s, SimId id, const SimClassSpec *sp)
{
    SimId list = 0;
    if (sp->merged) { /* mro_implementation: a list, then PySequence_Tuple */
        list = sim_list(s, 1);
        sim_list_set(s, list, 0, ret(s, id));
        for (size_t i = 0; i < sp->nmro; i++)
            sim_list_append(s, list, ret(s, sp->mro[i]));
    }
    SimId mro = sim_tuple(s, sp->nmro + 1);
    sim_tuple_set(s, mro, 0, ret(s, id));
    for (size_t i = 0; i < sp->nmro; i++)
        sim_tuple_set(s, mro, i + 1, ret(s, sp->mro[i]));
    words(s, id)[SIM_TY_MRO] = mro;
    if (list)
        sim_decref(s, list);
}

SimId sim_class_new(Sim *s, const SimClassSpec *sp)
{
    uint32_t nmembers = sp->slots ? s->obj[sp->slots].len : 0;
    SimId id = sim__new_obj(s, SK_TYPE, heap_type_size(s) + MEMBERDEF_SIZE * (nmembers + 1), NULL, true);
    SimObj *o = &s->obj[id];
    o->sub = SK_INSTANCE;
    o->v.type.dict = sp->dict;
    s->dict_versions++; /* a class made: see sim_dict_versions */
    o->v.type.base = sp->best ? ret(s, sp->best) : 0;
    o->type = sp->meta ? ret(s, sp->meta) : 0; /* PyType_GenericAlloc: a heap metatype's reference */
    SimId owned[] = {sp->name, sp->qualname, sp->bases, sp->slots};
    if (!class_payload(s, id)) {
        for (size_t i = 0; i < sizeof owned / sizeof owned[0]; i++)
            sim_xdecref(s, owned[i]);
        return id;
    }
    uint32_t *ty = words(s, id);
    ty[SIM_TY_NAME] = sp->name;
    ty[SIM_TY_QUALNAME] = sp->qualname;
    ty[SIM_TY_BASES] = sp->bases;
    ty[SIM_TY_SLOTS] = sp->slots;
    ty[SIM_TY_USABLE] = 30; /* SHARED_KEYS_MAX_SIZE */
    set_layout(s, id, sp, nmembers);
    sim_track(s, id); /* PyType_GenericAlloc */
    if (sim_dict_get_str(s, sp->dict, "__del__"))
        s->obj[id].flags |= SIM_F_SPECIAL;
    for (size_t i = 0; i < sp->nmro; i++) /* tp_finalize inherited (inherit_slots) */
        if (sp->mro[i] < s->nobj && s->obj[sp->mro[i]].kind == SK_TYPE && (s->obj[sp->mro[i]].flags & SIM_F_SPECIAL))
            s->obj[id].flags |= SIM_F_SPECIAL;
    /* PyType_Ready: the MRO, then the dict: members, getsets, __doc__ */
    set_mro(s, id, sp);
    uint32_t first = words(s, id)[SIM_TY_NSLOTS] - nmembers;
    for (uint32_t i = 0; i < nmembers; i++) {
        SimId name = sim_items(s, sp->slots)[i];
        size_t n;
        const char *text = sim_str_data(s, name, &n);
        set_default(s, sp->dict, descr_new(s, SK_MEMBER_DESCR, id, sim_str_intern(s, text, n), first + i));
    }
    if (sp->add_dict)
        set_default(s, sp->dict, descr_new(s, SK_GETSET_DESCR, id, sim_str_static(s, "__dict__", 8), 0));
    if (sp->add_weak)
        set_default(s, sp->dict, descr_new(s, SK_GETSET_DESCR, id, sim_str_static(s, "__weakref__", 11), 1));
    if (!sim_dict_get_str(s, sp->dict, "__doc__"))
        sim_dict_set(s, sp->dict, sim_str_intern(s, "__doc__", 7), ret(s, s->none));
    for (uint32_t i = 0; i < s->obj[sp->bases].len; i++)
        add_subclass(s, sim_items(s, sp->bases)[i], id);
    if (managed_dict(s, id)) /* type_new_impl: ht_cached_keys */
        s->obj[id].mem2 = pm_alloc(&s->pm, CACHED_KEYS_SIZE);
    return id;
}

size_t sim__type_sizeof(const Sim *s, SimId id)
{
    if (words(s, id)[SIM_TY_FLAGS] & SIM_TYF_EXC_HEAP)
        return heap_type_size(s);
    if (!is_heap(s, id)) /* ValueError and the other static types: sizeof(PyTypeObject) */
        return s->prof->version == SIM_V311 ? 424 : s->prof->version == SIM_V312 ? 432 : 416;
    return heap_type_size(s) + (managed_dict(s, id) ? CACHED_KEYS_SIZE : 0);
}

/* type_dealloc after PyObject_ClearWeakRefs: remove_all_subclasses (a key
 * made to find its entry), then what it owns, then its memory */
void sim__type_dealloc(Sim *s, SimId id)
{
    uint32_t w[SIM_TY_NWORDS];
    memset(w, 0, sizeof w);
    if (s->obj[id].data)
        memcpy(w, words(s, id), sizeof w);
    SimId bases = w[SIM_TY_BASES];
    for (uint32_t i = 0; bases && i < s->obj[bases].len; i++) {
        SimId b = sim_items(s, bases)[i];
        SimId key = sim_int(s, (int64_t)(sim__id_address(s, id) & 0x7fffffffffffull));
        if (is_heap(s, b) && words(s, b)[SIM_TY_SUBCLASSES])
            sim_dict_del(s, words(s, b)[SIM_TY_SUBCLASSES], key);
        sim_decref(s, key);
    }
    SimObj *o = &s->obj[id];
    SimId d = o->v.type.dict, b = o->v.type.base;
    PmPtr keys = o->mem2;
    o->mem2 = PM_NULL;
    SimId drop[] = {w[SIM_TY_SUBKEY], w[SIM_TY_SUBREF], b, d, bases, w[SIM_TY_MRO],
                    w[SIM_TY_SUBCLASSES], w[SIM_TY_NAME], w[SIM_TY_QUALNAME], w[SIM_TY_SLOTS]};
    if (s->obj[id].data)
        memset(words(s, id), 0, SIM_TY_NWORDS * sizeof(uint32_t));
    o->v.type.dict = o->v.type.base = 0;
    s->dict_versions++; /* a class cleared: see sim_dict_versions */
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        sim_xdecref(s, drop[i]);
    if (keys)
        pm_free(&s->pm, keys);
    sim__release(s, id, NULL);
}

/* ---- instances -------------------------------------------------------------- */

SimId sim_instance(Sim *s, SimId cls)
{
    uint32_t *ty = words(s, cls);
    uint32_t flags = ty[SIM_TY_FLAGS];
    bool heap = flags & SIM_TYF_HEAP, has_dict = !heap || (flags & SIM_TYF_DICT);
    size_t values = 0, inline_values = 0;
    if (has_dict) {
        /* 3.13 _PyInlineValuesSize (one block with the object): the keys' usable
         * size before this instance takes its slot */
        size_t cap = ty[SIM_TY_NENTRIES] + ty[SIM_TY_USABLE];
        inline_values = ((cap + 7) & ~(size_t)7) + 8 * (cap + 1);
        /* 3.11 init_inline_values: the class's shared keys lose one usable
         * slot per new instance (down to 1); the values array holds
         * nentries+usable.  3.13 does it only for a class whose instances
         * keep their values inline (Py_TPFLAGS_INLINE_VALUES: nothing but the
         * object header before them, no __slots__, no built-in base). */
        bool inline_313 = heap && ty[SIM_TY_BASICSIZE] == 16;
        if (ty[SIM_TY_USABLE] > 1 && (!s->prof->inline_values || inline_313))
            ty[SIM_TY_USABLE]--;
        values = ty[SIM_TY_NENTRIES] + ty[SIM_TY_USABLE];
    }
    uint32_t nslots = ty[SIM_TY_NSLOTS];
    size_t size = heap ? sim__inst_size(s, cls) : s->prof->instance_size;
    /* 3.13 _PyType_AllocNoTrack: the values inline, one block with the
     * object, its size class moving as the class's keys shrink */
    bool one_block = has_dict && heap && s->prof->inline_values && ty[SIM_TY_BASICSIZE] == 16;
    if (one_block)
        size += inline_values;
    PmTraceFn tr = NULL; /* 3.13 allocates the values inline: one traced block */
    if (__builtin_expect(s->pm.trace != NULL, 0) && has_dict && s->prof->inline_values && !one_block)
        tr = sim_trace_pause(s);
    bool nogc = flags & SIM_TYF_NOGC;
    if (nogc) /* the bytes a naive datetime or time does not allocate (its tzinfo pointer) */
        size -= ty[SIM_TY_USABLE];
    SimId id = sim__new_obj(s, SK_INSTANCE, size, NULL, !nogc);
    SimObj *o = &s->obj[id];
    o->type = cls;
    if (has_dict && !one_block)
        o->mem2 = pm_alloc(&s->pm, ((values + 2 + 7) & ~(size_t)7) + 8 * values);
    if (tr) {
        sim_trace_resume(s, tr);
        if (s->obj[id].mem != PM_NULL)
            sim__trace_virtual(s, s->obj[id].mem, size + inline_values);
    }
    if (nslots) {
        uint32_t cap = 0, h = slab_alloc(&s->slab, nslots, &cap);
        if (h)
            memset(slab_ptr(&s->slab, h), 0, cap * sizeof(uint32_t));
        else
            sim_set_nomem(s);
        s->obj[id].v.instance.slots = h;
        s->obj[id].cap = cap;
    }
    sim_incref(s, cls);
    if (!nogc)
        sim_track(s, id);
    return id;
}

size_t sim__inst_size(const Sim *s, SimId cls)
{
    const uint32_t *ty = words(s, cls);
    uint32_t f = ty[SIM_TY_FLAGS];
    if (f & SIM_TYF_NOGC)
        return ty[SIM_TY_BASICSIZE];
    bool pre = s->prof->version == SIM_V311 ? (f & SIM_TYF_DICT) && !(f & SIM_TYF_VARDICT)
                                            : (f & (SIM_TYF_DICT | SIM_TYF_WEAK));
    if (f & SIM_TYF_ODICT)
        pre = false; /* od_inst_dict and od_weakreflist are PyODictObject's own fields */
    return ty[SIM_TY_BASICSIZE] + 16 + (pre ? 16 : 0); /* GC header, managed pre-header */
}

SimId *sim_inst_slots(const Sim *s, SimId inst)
{
    uint32_t h = s->obj[inst].v.instance.slots;
    return h ? slab_ptr(&s->slab, h) : NULL;
}

/* Calls fn on each slot value in subtype_traverse / clear_slots order: the
 * class's own slots first, then its base's. */
void sim__inst_visit_slots(Sim *s, SimId inst, SimVisit fn, void *arg)
{
    for (SimId c = s->obj[inst].type; is_heap(s, c); c = SIM_V(s, c, SK_TYPE, type.base)) {
        uint32_t end = words(s, c)[SIM_TY_NSLOTS];
        SimId own = words(s, c)[SIM_TY_SLOTS];
        uint32_t n = own ? s->obj[own].len : 0;
        for (uint32_t i = end - n; i < end; i++) {
            SimId *v = sim_inst_slots(s, inst);
            if (v && v[i])
                fn(s, v[i], arg);
        }
    }
}

void sim__inst_clear_slots(Sim *s, SimId inst)
{
    for (SimId c = s->obj[inst].type; is_heap(s, c); c = SIM_V(s, c, SK_TYPE, type.base)) {
        uint32_t end = words(s, c)[SIM_TY_NSLOTS];
        SimId own = words(s, c)[SIM_TY_SLOTS];
        uint32_t n = own ? s->obj[own].len : 0;
        for (uint32_t i = end - n; i < end; i++) {
            SimId *v = sim_inst_slots(s, inst);
            SimId old = v ? v[i] : 0;
            if (old) {
                v[i] = 0;
                sim_decref(s, old);
            }
        }
    }
}

void sim__inst_free_slots(Sim *s, SimId inst)
{
    SimObj *o = &s->obj[inst];
    if (o->v.instance.slots)
        slab_free(&s->slab, o->v.instance.slots, o->cap);
    o->v.instance.slots = 0;
    o->cap = 0;
}
