/*
 * sim/subinst: instances of the program's subclasses of list, dict and tuple (subinst.c).
 * Included by sim.h, which it extends; include sim.h.
 */
#ifndef PYDIVE_SIM_SUBINST_H
#define PYDIVE_SIM_SUBINST_H

/* ---- instances of subclasses of list, dict, tuple, float, int, str, set, frozenset and bytes
 * (subinst.c) ---- */
/* Is it one (a built-in kind whose `type` is a program class)? */
static inline bool sim_is_subinst(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    return o->type && (o->kind == SK_LIST || o->kind == SK_DICT || o->kind == SK_TUPLE || o->kind == SK_FLOAT ||
                       o->kind == SK_INT || o->kind == SK_STR || o->kind == SK_SET || o->kind == SK_BYTES);
}
/* An instance of cls (a class whose layout is float, int, str or bytes)
 * holding the value of `value` (an object of that kind), as
 * float_subtype_new, long_subtype_new, unicode_subtype_new and
 * bytes_subtype_new copy it: a str's characters in a buffer of their own
 * (the legacy layout), a bytes' inside the object.  A new reference; 0 when the
 * value is an int the model keeps as a big one. */
SimId sim_subinst_scalar(Sim *s, SimId cls, SimId value);
/* sys.getsizeof of such an instance of int or str (their __sizeof__ do
 * not read tp_basicsize), 0 for the other kinds. */
size_t sim__subinst_scalar_size(const Sim *s, SimId id);
/* The class whose shared keys size a split dict (an instance's __dict__), or 0. */
static inline SimId sim_dict_split_class(const Sim *s, SimId d)
{
    const SimObj *o = &s->obj[d];
    return o->type ? 0 : o->ext;
}
/* An empty instance of cls, a class with SIM_TY_KIND set (PyType_GenericAlloc:
 * tracked; a tuple's subclass gets n item slots, 0, filled by the caller; a
 * set's or frozenset's subclass an empty table, make_new_set).
 * A new reference; it holds one to cls. */
SimId sim_subinst_new(Sim *s, SimId cls, size_t n);
/* Its __dict__, made on first use (borrowed): split on the class's shared
 * keys where the dict is managed, a plain dict at the end of a 3.11 tuple. */
SimId sim_subinst_dict(Sim *s, SimId inst);
/* What its class adds to the built-in's size (sys.getsizeof): the bytes past
 * the base's tp_basicsize and the managed pre-header. */
size_t sim__subinst_extra(const Sim *s, SimId id);
/* subtype_dealloc before the base's dealloc: weakrefs, then the __dict__ */
void sim__subinst_dealloc_head(Sim *s, SimId id);

#endif
