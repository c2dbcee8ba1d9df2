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

/* the exact type's block: PyListObject / PyDictObject / PyTupleObject
 * header and its GC header */
static size_t base_block(SimKind k) { return k == SK_LIST ? 56 : k == SK_DICT ? 64 : 40; }

/* the class's instance block without the items of a tuple */
static size_t class_block(const Sim *s, SimId cls) { return sim__inst_size(s, cls); }

SimId sim_subinst_new(Sim *s, SimId cls, size_t n)
{
    SimKind k = (SimKind)sim_type_word(s, cls, SIM_TY_KIND);
    SIM_ASSERT(k == SK_LIST || k == SK_DICT || k == SK_TUPLE);
    if (k != SK_TUPLE)
        n = 0;
    SimId id = sim__new_obj(s, k, class_block(s, cls) + 8 * n, NULL, true);
    SimObj *o = &s->obj[id];
    o->type = cls;
    sim_incref(s, cls);
    if (k != SK_DICT) { /* a list or tuple keeps a payload for its items (one word at least) */
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
            s->nomem = true;
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
    return class_block(s, o->type) - base_block((SimKind)o->kind);
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
