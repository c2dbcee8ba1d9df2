/*
 * descr: the descriptor objects a class body makes with decorators —
 * property (Objects/descrobject.c: get, set, del, doc, 80 bytes with its
 * GC header on 3.11-3.13) and classmethod / staticmethod
 * (Objects/funcobject.c: the callable and an attribute dict, 48 bytes).
 * All three are tracked from birth (PyType_GenericAlloc).
 */
#include "sim/internal.h"

#include <string.h>

static SimId new_descr(Sim *s, SimKind k, size_t size)
{
    bool from_fl = false;
    PmPtr b = sim__obj_block(s, NULL, size, true, &from_fl);
    SimId id = sim__alloc_record(s, k);
    SimObj *o = &s->obj[id];
    o->mem = b;
    o->flags |= SIM_F_GCTYPE;
    sim_event(s, SE_ALLOC, id, (uint32_t)size, from_fl);
    return id;
}

SimId sim_property(Sim *s, SimId fget, SimId fset, SimId fdel, SimId doc)
{
    SimId id = new_descr(s, SK_PROPERTY, 80);
    uint32_t cap = 0, h = slab_alloc(&s->slab, 4, &cap);
    s->obj[id].data = h;
    s->obj[id].datacap = cap;
    if (h) {
        SimId *p = sim_items(s, id);
        p[0] = fget, p[1] = fset, p[2] = fdel, p[3] = doc;
    } else { /* refused: the property is empty and the references go */
        sim_set_nomem(s);
        SimId refs[4] = {fget, fset, fdel, doc};
        for (int i = 0; i < 4; i++)
            sim_xdecref(s, refs[i]);
    }
    sim_track(s, id);
    return id;
}

SimId sim_method_descr(Sim *s, SimKind kind, SimId func, SimId dict)
{
    SIM_ASSERT(kind == SK_CLASSMETHOD || kind == SK_STATICMETHOD);
    SimId id = new_descr(s, kind, 48);
    s->obj[id].v.descr.func = func;
    s->obj[id].v.descr.dict = dict;
    sim_track(s, id);
    return id;
}

void sim__descr_traverse(Sim *s, SimId id, SimVisit fn, void *arg)
{
    SimObj *o = &s->obj[id];
    if (o->kind == SK_PROPERTY) { /* property_traverse: get, set, del, doc */
        for (int i = 0; o->data && i < 4; i++)
            if (sim_items(s, id)[i])
                fn(s, sim_items(s, id)[i], arg);
        return;
    }
    if (o->v.descr.func) /* cm_traverse: the callable, the dict */
        fn(s, o->v.descr.func, arg);
    if (s->obj[id].v.descr.dict)
        fn(s, s->obj[id].v.descr.dict, arg);
}

void sim__descr_clear(Sim *s, SimId id)
{
    SimObj *o = &s->obj[id];
    if (o->kind == SK_PROPERTY) { /* property_clear drops the doc alone */
        if (o->data && sim_items(s, id)[3]) {
            SimId doc = sim_items(s, id)[3];
            sim_items(s, id)[3] = 0;
            sim_decref(s, doc);
        }
        return;
    }
    SimId f = o->v.descr.func, d = o->v.descr.dict;
    o->v.descr.func = o->v.descr.dict = 0;
    sim_xdecref(s, f);
    sim_xdecref(s, d);
}
