/*
 * sim/set: sets: the set table (set.c) and CPython's hashes (hash.c).
 * Included by sim.h, which it extends; include sim.h.
 */
#ifndef PYDIVE_SIM_SET_H
#define PYDIVE_SIM_SET_H

/* ---- sets (set.c): setobject.c's table, dummies and finger included ------ */
bool sim_set_add(Sim *s, SimId set, SimId key);                 /* steals key */
bool sim_set_add_hash(Sim *s, SimId set, SimId key, uint64_t hash); /* the same, hash known */
bool sim_set_contains(const Sim *s, SimId set, SimId key);
bool sim_set_discard(Sim *s, SimId set, SimId key);             /* leaves a dummy */
/* set_table_resize(minused): the smallest power of two above minused. */
void sim_set_presize(Sim *s, SimId set, size_t minused);
/* The resize set_merge and the dict update make up front for n new keys. */
void sim_set_reserve(Sim *s, SimId set, size_t n);
/* set_merge: other's keys into set (incref'd), sized once up front. */
void sim_set_merge(Sim *s, SimId set, SimId other);
SimId sim_set_pop(Sim *s, SimId set);   /* 0 when empty; the key's reference passes on */
void sim_set_clear(Sim *s, SimId set);  /* set_clear_internal */
void sim_set_swap(Sim *s, SimId a, SimId b); /* set_swap_bodies */
/* The live entries in table order: start *pos at 0. */
bool sim_set_next(const Sim *s, SimId set, uint32_t *pos, SimId *key, uint64_t *hash);
/* hash.c: true when CPython hashes key by its address (an instance, a
 * function, a class; None under 3.11; a NaN), or a tuple or frozenset
 * holds such a key: the model's addresses are not CPython's, so an order
 * that follows that hash cannot be shown. */
bool sim_hash_by_identity(const Sim *s, SimId key);
/* tuplehash's lanes, for a caller that hashes the items itself (a class's
 * own __hash__): start from SIM_TUPLE_HASH_START, a step per item, then end. */
#define SIM_TUPLE_HASH_START 2870177450012600261ull
void sim_tuple_hash_step(uint64_t *acc, uint64_t item_hash);
uint64_t sim_tuple_hash_end(uint64_t acc, uint32_t n);

#endif
