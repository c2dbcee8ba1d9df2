/*
 * subinst: instances of a program's class built on list, dict or tuple
 * (`class Stack(list)`, `class Registry(dict)`), laid out as type_new lays
 * such a subclass out (Objects/typeobject.c): the base's own object (its
 * items or table, in the usual SimObj fields) with the class in
 * SimObj.type (owned) and what the class adds past the base's
 * tp_basicsize: a __dict__ (SimObj.ext, owned, made on first use) and a
 * weakref list.  3.11 keeps the __dict__ of a list's or dict's subclass in
 * the managed pre-header and the weakref list in the object (a tuple's
 * subclass, variable-size, keeps its __dict__ pointer at its end and has
 * no weakrefs); 3.12+ keep both in the pre-header.  Never on a free list:
 * list_dealloc and dict_dealloc park exact lists and dicts only.
 */
#include "sim/internal.h"

#include <string.h>

/* the exact type's block: PyListObject / PyDictObject / PyTupleObject
 * header and its GC header; a float's (no GC header) */
static size_t base_block(SimKind k)
{
    switch (k) {
    case SK_LIST: return 56;
    case SK_DICT: return 64;
    case SK_FLOAT: return 24;
    case SK_SET: return 216;
    case SK_BYTES: return 33; /* the items (the bytes) on top, as sim_sizeof adds them */
    default: return 40;
    }
}

/* the class's instance block without the items of a tuple */
static size_t class_block(const Sim *s, SimId cls) { return sim__inst_size(s, cls); }

SimId sim_subinst_new(Sim *s, SimId cls, size_t n)
{
    SimKind k = (SimKind)sim_type_word(s, cls, SIM_TY_KIND);
    SIM_ASSERT(k == SK_LIST || k == SK_DICT || k == SK_TUPLE || k == SK_SET);
    if (k != SK_TUPLE)
        n = 0;
    /* PyType_GenericAlloc allocates one item more than it asks for (the
     * sentinel of _PyObject_VAR_SIZE(type, nitems + 1)) */
    SimId id = sim__new_obj(s, k, class_block(s, cls) + (k == SK_TUPLE ? 8 * (n + 1) : 0), NULL, true);
    SimObj *o = &s->obj[id];
    o->type = cls;
    sim_incref(s, cls);
    if (k == SK_SET && (sim_type_word(s, cls, SIM_TY_FLAGS) & SIM_TYF_FROZEN))
        s->obj[id].sub = SIM_SET_FROZEN;
    if (k != SK_DICT && k != SK_SET) { /* a list or tuple keeps a payload for its items (one word at least) */
        uint32_t cap = 0, h = slab_alloc(&s->slab, n ? n : 1, &cap);
        o = &s->obj[id];
        o->data = h;
        o->datacap = cap;
        if (h) {
            for (uint32_t i = 0; i < cap; i++)
                sim_items(s, id)[i] = 0;
            if (k == SK_TUPLE)
                o->len = (uint32_t)n;
        } else {
            sim_set_nomem(s);
        }
    }
    sim_track(s, id); /* PyType_GenericAlloc tracks every instance of a GC type */
    return id;
}

SimId sim_subinst_dict(Sim *s, SimId inst)
{
    SimObj *o = &s->obj[inst];
    if (o->ext)
        return o->ext;
    SimId cls = o->type;
    SimId d = sim_dict(s);
    if (!(sim_type_word(s, cls, SIM_TY_FLAGS) & SIM_TYF_VARDICT))
        s->obj[d].ext = cls; /* new_dict_with_shared_keys: the class's cached keys */
    s->obj[inst].ext = d;
    return d;
}

size_t sim__subinst_extra(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    if (o->kind == SK_INT || o->kind == SK_STR)
        return 0; /* sim__subinst_scalar_size has it all */
    return class_block(s, o->type) - base_block((SimKind)o->kind);
}

/* the managed pre-header (3.11: the __dict__ of a fixed-size base; 3.12+:
 * the __dict__ and the weakref list) */
static size_t pre_header(const Sim *s, SimId cls)
{
    uint32_t f = sim_type_word(s, cls, SIM_TY_FLAGS);
    bool pre = s->prof->version == SIM_V311 ? (f & SIM_TYF_DICT) && !(f & SIM_TYF_VARDICT)
                                            : (f & (SIM_TYF_DICT | SIM_TYF_WEAK)) != 0;
    return pre ? 16 : 0;
}

/* PyUnicodeObject: the legacy str a subclass's instance is (3.12 dropped wstr) */
static size_t legacy_str_header(const Sim *s) { return s->prof->version == SIM_V311 ? 80 : 64; }

static size_t str_kind_bytes(unsigned width) { return width <= 2 ? 1 : width == 3 ? 2 : 4; }

size_t sim__subinst_scalar_size(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    size_t gc = 16 + pre_header(s, o->type);
    if (o->kind == SK_STR) /* unicode___sizeof__: the struct and the buffer, not tp_basicsize */
        return legacy_str_header(s) + ((size_t)o->cap + 1) * str_kind_bytes(o->sub ? o->sub : 1) + gc;
    if (o->kind == SK_INT) { /* int___sizeof__: the digits from their offset */
        uint64_t m = o->v.i < 0 ? (uint64_t)0 - (uint64_t)o->v.i : (uint64_t)o->v.i;
        size_t d = 0;
        for (; m; m >>= 30)
            d++;
        return 24 + 4 * (d ? d : 1) + gc;
    }
    return 0;
}

SimId sim_subinst_scalar(Sim *s, SimId cls, SimId value)
{
    const SimObj *v = &s->obj[value];
    SimKind k = (SimKind)v->kind == SK_BOOL ? SK_INT : (SimKind)v->kind;
    SIM_ASSERT(k == (SimKind)sim_type_word(s, cls, SIM_TY_KIND));
    if (k == SK_INT && v->sub == 1)
        return 0; /* a big int */
    size_t block = class_block(s, cls);
    if (k == SK_INT) { /* its digits beyond the first */
        uint64_t m = v->v.i < 0 ? (uint64_t)0 - (uint64_t)v->v.i : (uint64_t)v->v.i;
        size_t d = 0;
        for (; m; m >>= 30)
            d++;
        if (!d && s->prof->version != SIM_V311)
            d = 1; /* 3.12+ keep one digit for zero */
        block += 4 * d;
    }
    if (k == SK_BYTES) /* bytes_subtype_new: the bytes inside the object */
        block += v->len;
    if (k == SK_INT || k == SK_BYTES) /* PyType_GenericAlloc: one item more, rounded to a word */
        block = (block + (k == SK_INT ? 4 : 1) + 7) & ~(size_t)7;
    SimId id = sim__new_obj(s, k, block, NULL, true);
    SimObj *o = &s->obj[id];
    v = &s->obj[value];
    o->type = cls;
    sim_incref(s, cls);
    o = &s->obj[id];
    o->v = v->v;
    o->sub = v->sub;
    if (k == SK_STR || k == SK_BYTES) { /* the characters copied into a buffer of their own */
        uint32_t cap = 0, h = v->len ? slab_alloc(&s->slab, v->len / 4 + 1, &cap) : 0;
        o = &s->obj[id];
        v = &s->obj[value];
        if (h)
            memcpy(slab_ptr(&s->slab, h), slab_ptr(&s->slab, v->data), v->len);
        else if (v->len)
            sim_set_nomem(s);
        o->data = h;
        o->datacap = cap;
        o->len = h || !v->len ? v->len : 0;
        o->cap = h || !v->len ? v->cap : 0;
        if (k == SK_STR)
            o->mem2 = pm_alloc(&s->pm, ((size_t)o->cap + 1) * str_kind_bytes(o->sub ? o->sub : 1));
    }
    sim_track(s, id); /* PyType_GenericAlloc */
    return id;
}

void sim__subinst_dealloc_head(Sim *s, SimId id)
{
    if (sim_is_odict(s, id)) { /* odict_dealloc: od_inst_dict, the weakrefs, the nodes */
        SimId d = s->obj[id].ext;
        s->obj[id].ext = 0;
        sim_xdecref(s, d);
        if (s->obj[id].weaklist)
            sim_clear_weakrefs(s, id, true);
        sim__odict_dealloc(s, id);
        return;
    }
    if (s->obj[id].weaklist)
        sim_clear_weakrefs(s, id, true);
    SimId d = s->obj[id].ext;
    s->obj[id].ext = 0;
    sim_xdecref(s, d);
}
