/*
 * vm_attr_cache: the instance-attribute caches of LOAD_ATTR and STORE_ATTR.
 *
 * The generic way (attrs.c: attr_get, attr_set) reads an instance's own
 * attribute when nothing comes first: no proxy or class of the model's own
 * modules (weakref), no __getattribute__ / __getattr__ / __setattr__ hook,
 * not an exception, not __dict__ or __class__, no dict of its own yet, and
 * no class along the __mro__ holding the name (a property, a descriptor, a
 * method would win or have a say).  vm_attr_fill checks all of that before
 * the generic way runs and, when it holds, records the class, its __mro__,
 * the versions of the class dicts along it (sim_dict_version: a name added
 * to one changes it) and the attribute's entry.  A hit checks that the
 * instance is still of that class with no dict, that the class has no hook
 * now and the same __mro__ whose dicts gained no name, and that the entry
 * still holds this very name; then the value is the one the generic way
 * would give, with the same references moved.
 */
#include "pyrun/vm_attr_cache.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/types/types.h"

#define S (I->sim)

AttrCache *vm_attr_caches(PyCode *co)
{
    if (!co->acache)
        co->acache = xcalloc(co->nops ? co->nops : 1, sizeof *co->acache);
    return co->acache;
}

/* A class of the program's with a dict, as _PyType_Lookup searches them. */
static bool class_dict(PyRun *I, SimId c, SimId *dict)
{
    const SimObj *o = sim_obj(S, c);
    if (o->kind != SK_TYPE || o->sub != SK_INSTANCE || !o->v.type.dict)
        return false;
    *dict = o->v.type.dict;
    return true;
}

/* vm__mro_holds once the heap's dict versions moved: the walk again */
bool vm__mro_walk_holds(PyRun *I, AttrCache *ac, SimId *found)
{
    const SimId *m = sim_items(S, ac->mro);
    uint32_t n = sim_obj(S, ac->mro)->len, k = 0;
    for (uint32_t i = 0; i < n; i++) {
        SimId d;
        if (!class_dict(I, m[i], &d))
            continue;
        if (k == ac->ndicts) {
            if (ac->what != AC_METHOD)
                return false;
            *found = ac->found = d;
            ac->seen = sim_dict_versions(S);
            return true;
        }
        if (sim_dict_version(S, d) != ac->version[k])
            return false;
        k++;
    }
    if (k != ac->ndicts || ac->what != AC_ATTR)
        return false;
    *found = ac->found = 0;
    ac->seen = sim_dict_versions(S);
    return true;
}

/* Walks the __mro__ of cls as _PyType_Lookup does, recording the versions
 * of the dicts that miss name into c; the dict that has it (its entry in
 * *entry) or 0.  False when the walk cannot be cached. */
static bool mro_walk(PyRun *I, AttrCache *c, SimId cls, SimId name, SimId *found, int64_t *entry)
{
    const SimObj *co = sim_obj(S, cls);
    if (co->kind != SK_TYPE || co->sub != SK_INSTANCE || !co->data)
        return false;
    if (sim_type_word(S, cls, SIM_TY_FLAGS) & VM_ATTR_HOOKS)
        return false;
    SimId mro = sim_items(S, cls)[SIM_TY_MRO];
    if (!mro)
        return false;
    c->type = cls;
    c->mro = mro;
    *found = 0;
    const SimId *m = sim_items(S, mro);
    for (uint32_t i = 0; i < sim_obj(S, mro)->len; i++) {
        SimId d;
        if (!class_dict(I, m[i], &d))
            continue;
        if ((*entry = sim_dict_index(S, d, name)) >= 0) {
            *found = d;
            c->seen = sim_dict_versions(S);
            c->found = d;
            return true;
        }
        if (c->ndicts == ATTR_CACHE_MRO)
            return false; /* too deep to follow */
        c->version[c->ndicts] = sim_dict_version(S, d);
        if (!c->version[c->ndicts++])
            return false;
    }
    c->seen = sim_dict_versions(S);
    c->found = *found;
    return true;
}

void vm_attr_fill(PyRun *I, AttrCache *ac, SimId obj, SimId name, bool store)
{
    ac->what = AC_NONE;
    const SimObj *o = sim_obj(S, obj);
    if (o->kind != SK_INSTANCE || o->sub != SIM_INST_PLAIN || o->v.instance.dict ||
        sim_kind(S, name) != SK_STR)
        return;
    if (store && !member_has_dict(I, obj))
        return;
    if (sim_str_equals(S, name, "__dict__") || sim_str_equals(S, name, "__class__"))
        return;
    AttrCache c = {.what = AC_ATTR};
    SimId found;
    int64_t entry;
    if (!mro_walk(I, &c, o->type, name, &found, &entry) || found)
        return; /* a class has a say */
    const SimId *items = sim_items(S, obj);
    for (uint32_t i = 0; i < o->len; i++) {
        if (items[2 * i] == name) {
            c.index = i;
            *ac = c;
            return;
        }
        if (sim_equal(S, items[2 * i], name))
            return; /* the same name, another str: the generic way compares */
    }
}

bool vm_attr_store_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name, SimId value)
{
    if (!vm_attr_hit(I, ac, obj, name))
        return false;
    SimId *items = sim_items(S, obj);
    SimId old = items[2 * ac->index + 1];
    items[2 * ac->index + 1] = value;
    sim_xdecref(S, old); /* sim_attr_set's order: the old value goes at once */
    return true;
}

/* ---- LOAD_METHOD ------------------------------------------------------ */

/* Has the plain instance obj (no dict) an attribute of its own named name
 * (a str)?  The keys that are strs of another hash are passed over as
 * sim_attr_get passes them; any other key asks it. */
static inline bool own_attr(const Sim *s, SimId obj, SimId name)
{
    uint32_t n = s->obj[obj].len;
    const SimId *e = n ? sim_items(s, obj) : NULL;
    uint64_t h = s->obj[name].v.str.hash;
    for (uint32_t i = 0; i < n; i++) {
        const SimObj *x = &s->obj[e[2 * i]];
        if (e[2 * i] == name || x->kind != SK_STR || x->v.str.hash == h)
            return sim_attr_get(s, obj, name) != 0;
    }
    return false;
}

SimId vm_method_hit(PyRun *I, AttrCache *ac, SimId obj, SimId name)
{
    const SimObj *o = sim_obj(S, obj);
    SimId fn = 0;
    if (ac->what == AC_BUILTIN_METHOD) {
        if (o->kind != ac->okind || sim_is_subinst(S, obj) || (o->kind == SK_SET && o->sub != ac->osub))
            return 0;
        fn = I->builtin_methods[ac->index];
    } else if (ac->what == AC_METHOD) {
        SimId d;
        if (o->kind != SK_INSTANCE || o->type != ac->type || o->v.instance.dict || !vm__mro_holds(I, ac, &d))
            return 0;
        const SimObj *dobj = sim_obj(S, d);
        if (!dobj->cap || ac->index >= dobj->v.dict.used)
            return 0;
        const SimId *e = sim_items(S, d);
        fn = e[2 * ac->index] == name ? e[2 * ac->index + 1] : 0;
        if (!fn || sim_kind(S, fn) != SK_FUNC || own_attr(S, obj, name))
            return 0; /* another value now, or the instance's own attribute comes first */
    }
    if (fn)
        sim_incref(S, fn);
    return fn;
}

void vm_method_fill(PyRun *I, AttrCache *ac, SimId obj, SimId name)
{
    ac->what = AC_NONE;
    const SimObj *o = sim_obj(S, obj);
    if (sim_is_subinst(S, obj) || sim_kind(S, name) != SK_STR)
        return;
    if (o->kind == SK_INSTANCE) { /* attr_method: no hook, no own attribute, a plain function */
        if (o->v.instance.dict || sim_attr_get(S, obj, name))
            return;
        AttrCache c = {.what = AC_METHOD};
        SimId found;
        int64_t entry;
        if (!mro_walk(I, &c, o->type, name, &found, &entry) || !found)
            return;
        const SimId *e = sim_items(S, found);
        if (e[2 * entry] != name || sim_kind(S, e[2 * entry + 1]) != SK_FUNC)
            return;
        c.index = (uint32_t)entry;
        *ac = c;
    } else if (o->kind != SK_TYPE && o->kind != SK_MODULE) { /* a built-in type's method */
        size_t n;
        const char *nm = sim_str_data(S, name, &n);
        if (strlen(nm) != n)
            return;
        int idx = builtin_method_index(I, obj, nm);
        if (idx >= 0)
            *ac = (AttrCache){.what = AC_BUILTIN_METHOD, .okind = o->kind, .osub = o->sub, .index = (uint32_t)idx};
    }
}
