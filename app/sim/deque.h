/*
 * sim/deque: collections.deque's blocks (deque.c).
 * Included by sim.h, which it extends; include sim.h.
 */
#ifndef PYDIVE_SIM_DEQUE_H
#define PYDIVE_SIM_DEQUE_H

/* ---- deques (deque.c) ------------------------------------------------- */
#define SIM_DEQUE_BLOCKLEN 64
/* An empty collections.deque (tracked) with maxlen (-1: None). */
SimId sim_deque(Sim *s, int64_t maxlen);
int64_t sim_deque_maxlen(const Sim *s, SimId d);
/* Its mutation counter (what its iterators check) and a mutation. */
uint32_t sim_deque_state(const Sim *s, SimId d);
void sim_deque_touch(Sim *s, SimId d);
/* Item i from the left (borrowed); set steals v and drops the old one. */
SimId sim_deque_item(const Sim *s, SimId d, size_t i);
void sim_deque_set_item(Sim *s, SimId d, size_t i, SimId v);
/* append / appendleft without the maxlen trim: steals item; false (item
 * released) when the budget refuses a block. */
bool sim_deque_push(Sim *s, SimId d, SimId item, bool left);
/* pop / popleft: the item's reference, or 0 when empty. */
SimId sim_deque_pop(Sim *s, SimId d, bool left);
/* extend / extendleft of an empty deque start at its first block's edge. */
void sim_deque_start_extend(Sim *s, SimId d, bool left);
void sim_deque_rotate(Sim *s, SimId d, int64_t n);
void sim_deque_clear(Sim *s, SimId d);
size_t sim__deque_sizeof(const Sim *s, SimId d);
void sim__deque_traverse(Sim *s, SimId d, SimVisit fn, void *arg);
/* the references it owns (its items), for the audit */
void sim__deque_owned(Sim *s, SimId d, SimVisit fn, void *arg);
/* blocks it holds (list and cache), for the audit */
uint32_t sim__deque_blocks(const Sim *s, SimId d);
void sim__deque_dealloc(Sim *s, SimId d);

#endif
