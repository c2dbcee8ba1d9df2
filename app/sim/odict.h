/*
 * sim/odict: collections.OrderedDict's own memory beside its dict (odict.c).
 * Included by sim.h, which it extends; include sim.h.
 */
#ifndef PYDIVE_SIM_ODICT_H
#define PYDIVE_SIM_ODICT_H

/* Is it an OrderedDict (an instance of a class carrying SIM_TYF_ODICT)? */
static inline bool sim_is_odict(const Sim *s, SimId id)
{
    const SimObj *o = &s->obj[id];
    return o->type && o->kind == SK_DICT && (sim_type_word(s, o->type, SIM_TY_FLAGS) & SIM_TYF_ODICT);
}
/* Its keys in the linked list's order: how many, the i-th (borrowed). */
uint32_t sim_odict_len(const Sim *s, SimId od);
SimId sim_odict_key(const Sim *s, SimId od, uint32_t i);
/* The position of key in the list (by identity, then equality), -1 if absent. */
int64_t sim_odict_find(Sim *s, SimId od, SimId key);
/* move_to_end: the node at position i to the end (last) or the front. */
void sim_odict_move(Sim *s, SimId od, uint32_t i, bool last);
/* od_state: moves at each change of the list (the iterators check it). */
uint32_t sim_odict_state(const Sim *s, SimId od);
/* Does the list's order differ from the dict's entries'? */
bool sim_odict_reordered(const Sim *s, SimId od);

/* dict.c's hooks: key just became an entry of od / is about to leave it /
 * od's entries were all dropped (odict_clear: the nodes go after them) */
void sim__odict_added(Sim *s, SimId od, SimId key);
void sim__odict_removing(Sim *s, SimId od, SimId key);
void sim__odict_cleared(Sim *s, SimId od);
/* What odict_sizeof adds to the dict's size: the fast-nodes array and the nodes. */
size_t sim__odict_extra(const Sim *s, SimId od);
/* The PyMem blocks it holds (the audit's count). */
uint64_t sim__odict_blocks(const Sim *s, SimId od);
/* odict_traverse: the nodes' keys. */
void sim__odict_traverse(Sim *s, SimId od, SimVisit fn, void *arg);
/* odict_dealloc's part before the dict's: the array and the nodes. */
void sim__odict_dealloc(Sim *s, SimId od);
/* Frees the tables (sim_free). */
void sim__odict_free_all(Sim *s);

#endif
