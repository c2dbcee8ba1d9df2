/*
 * userkey: dict keys and set items hashed by a program's own __hash__ and
 * compared by its __eq__.  CPython calls __hash__ once per operation on
 * the key it is given, keeps that hash in the entry (me_hash, entry->hash)
 * and asks __eq__ only of an entry whose stored hash equals the probe's,
 * after an identity check (Objects/dictobject.c, do_lookup; Objects/
 * setobject.c, set_lookkey).  The model keeps those hashes beside the
 * heap: the latest a program's __hash__ gave for an object (what the next
 * probe uses), and the one each container stored with it (what a resize
 * and the stored-hash comparison use), so that a key whose hash changed
 * after it was stored is lost in its dict exactly as in CPython.
 *
 * Nothing here runs Python: __hash__ is called by the host, which notes
 * the result (sim_userhash_note); __eq__ is the host's key_equal hook.
 * A set keeps each entry's hash in its own table (sim/set.c), so the
 * stored hashes of the pairs below are the dicts'.
 */
#ifndef PYDIVE_SIM_USERKEY_H
#define PYDIVE_SIM_USERKEY_H

#include "sim/sim.h"

typedef struct UkSlot {
    uint64_t pair; /* (high << 32 | low); 0: empty */
    uint64_t value;
} UkSlot;

struct SimUserKeys {
    UkSlot *slot;
    size_t n, cap; /* cap a power of two, at most half full */
};

/* Has a program's __hash__ been noted (the slower lookups apply)? */
static inline bool sim__userkeys_on(const Sim *s) { return s->ukeys && s->ukeys->n; }

/* The hash the class's __hash__ just gave for obj (an instance): the hash
 * the next lookup or insertion of obj uses. */
void sim_userhash_note(Sim *s, SimId obj, int64_t hash);

/* Is key hashed by a program's __hash__ (an instance noted above, or a
 * tuple holding one)? */
bool sim_is_user_key(const Sim *s, SimId key);

/* Has a hash been noted for obj itself (not only for a tuple's items)? */
bool sim__userhash_noted(const Sim *s, SimId obj);

/* The hash of obj noted last (sim_hash of a user key). */
uint64_t sim__userhash_current(const Sim *s, SimId obj);

/* The hash container c stored with key (the current one when c never
 * stored it: a key not of the program's hashing). */
uint64_t sim__key_stored_hash(const Sim *s, SimId c, SimId key);

/* Container c now holds key under its current hash (an insertion). */
void sim__key_stored(Sim *s, SimId c, SimId key);

/* Container c no longer holds key. */
void sim__key_removed(Sim *s, SimId c, SimId key);

/* Container c holds no key any more (cleared); also any record freed
 * (sim__free_record): what was noted of it, as object or container, goes. */
void sim__userkey_forget(Sim *s, SimId id);

/* Does comparing a stored key with a probe key run a program's __eq__
 * (either side an instance or a tuple holding one)? */
bool sim__eq_runs_code(const Sim *s, SimId a, SimId b);

/* PyObject_RichCompareBool(stored, key, Py_EQ) through the host's
 * key_equal hook: 1 equal, 0 not, -1 when it raised (the host holds the
 * exception).  The hook runs Python: the caller re-reads its tables. */
int sim__key_equal(const Sim *s, SimId stored, SimId key);

/* The hash dict c keeps for key k (what a resize places it by). */
uint64_t sim__entry_hash(const Sim *s, SimId c, SimId k);

/* The lookup once a program hashed a key: dict d's entry of key (-1
 * absent, -2 its __eq__ raised). */
int64_t sim__user_dict_lookup(const Sim *s, SimId d, SimId key);

/* The table itself, for dictprobe.c: the value of the pair (high, low). */
#define SIM_UK_PROBE 0xffffffffu /* low id of a dict's probe index */
bool sim__uk_get(const Sim *s, SimId high, SimId low, uint64_t *value);
void sim__uk_put(Sim *s, SimId high, SimId low, uint64_t value);
/* Has container c stored a key a program hashes (it may hold none now)? */
bool sim__holds_user_keys(const Sim *s, SimId c);

/* ---- dictprobe.c: CPython's index of a dict that holds such keys --------
 * The model's own dict index does not probe as CPython does (it need not:
 * which entry a key finds is the same).  Once a dict stores a key the
 * program hashes, the order in which __eq__ meets colliding entries shows,
 * so such a dict keeps CPython's index beside it: the perturbed probe
 * (i = i*5 + perturb + 1), deleted slots left as dummies, rebuilt from the
 * entries by a resize.  */
/* Entry n was appended to d (its hash stored): placed by find_empty_slot;
 * the index is built from all entries when d first needs one. */
void sim__probe_added(Sim *s, SimId d, uint32_t n);
/* Entry n of d was deleted: its slot becomes a dummy. */
void sim__probe_deleted(Sim *s, SimId d, uint32_t n);
/* d's entries were compacted into a new table (dictresize). */
void sim__probe_resized(Sim *s, SimId d);
/* d's index (its 2^cap slots: -1 empty, -2 dummy, else the entry), or
 * NULL when d keeps none. */
const int32_t *sim__probe_index(const Sim *s, SimId d);
void sim__probe_free(uint64_t handle);

/* Frees the tables (sim_free). */
void sim__userkey_free(Sim *s);

#endif
