/*
 * Unit tests for what the interpreter's caches rely on in app/sim: a dict's
 * version (sim_dict_version), entry indices (sim_dict_index), replacing an
 * entry's value (sim_dict_replace_at), and events that a host turns off.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/sim.h"

static Sim *new311(void) { return sim_new(sim_profile_find("3.11")); }

static SimId key(Sim *s, const char *text) { return sim_str_intern(s, text, strlen(text)); }

static void version_changes_only_when_a_key_is_added(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId d = sim_dict(s), k = key(s, "alpha"), k2 = key(s, "beta");
    assert_int_equal(sim_dict_version(s, d), 0); /* no key was ever added */
    sim_incref(s, k);
    sim_dict_set(s, d, k, sim_int(s, 1));
    uint64_t v1 = sim_dict_version(s, d);
    assert_true(v1 != 0);
    sim_incref(s, k);
    sim_dict_set(s, d, k, sim_int(s, 2)); /* the same key: a new value only */
    assert_true(sim_dict_version(s, d) == v1);
    sim_incref(s, k2);
    sim_dict_set(s, d, k2, sim_int(s, 3));
    uint64_t v2 = sim_dict_version(s, d);
    assert_true(v2 != v1 && v2 != 0);
    assert_true(sim_dict_del(s, d, k)); /* a key gone: what missed still misses */
    assert_true(sim_dict_version(s, d) == v2);
    sim_incref(s, k);
    sim_dict_set(s, d, k, sim_int(s, 4)); /* back: a lookup that missed may now hit */
    assert_true(sim_dict_version(s, d) != v2);
    sim_decref(s, d);
    sim_decref(s, k), sim_decref(s, k2);
    sim_free(s);
}

static void no_two_dicts_share_a_version(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId a = sim_dict(s), b = sim_dict(s), k = key(s, "name");
    sim_incref(s, k);
    sim_dict_set(s, a, k, sim_none(s));
    sim_incref(s, k);
    sim_dict_set(s, b, k, sim_none(s));
    assert_true(sim_dict_version(s, a) != sim_dict_version(s, b));
    uint64_t va = sim_dict_version(s, a);
    sim_decref(s, a); /* its record is reused by the next dict, which starts at 0 */
    SimId c = sim_dict(s);
    assert_int_equal(c, a);
    assert_int_equal(sim_dict_version(s, c), 0);
    sim_incref(s, k);
    sim_dict_set(s, c, k, sim_none(s));
    assert_true(sim_dict_version(s, c) != va);
    sim_decref(s, b), sim_decref(s, c), sim_decref(s, k);
    sim_free(s);
}

static void index_and_replace_at(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId d = sim_dict(s);
    const char *names[] = {"a", "bb", "ccc", "dddd", "eeeee", "ffffff", "g7", "h8", "i9", "j10"};
    for (int i = 0; i < 10; i++) /* past 5 keys: the table grows and gets an index */
        sim_dict_set(s, d, key(s, names[i]), sim_int(s, 1000 + i));
    for (int i = 0; i < 10; i++) {
        SimId k = key(s, names[i]);
        int64_t at = sim_dict_index(s, d, k);
        assert_true(at >= 0);
        assert_int_equal(sim_items(s, d)[2 * at], k);
        assert_int_equal(sim_obj(s, sim_items(s, d)[2 * at + 1])->v.i, 1000 + i);
        sim_decref(s, k);
    }
    SimId k = key(s, "ccc"), missing = key(s, "zzz");
    assert_true(sim_dict_index(s, d, missing) < 0);
    SimId old = sim_dict_get(s, d, k), fresh = sim_int(s, 99999);
    sim_incref(s, old);
    int64_t refs = sim_refcount(s, old);
    sim_dict_replace_at(s, d, (uint32_t)sim_dict_index(s, d, k), fresh);
    assert_int_equal(sim_dict_get(s, d, k), fresh);
    assert_int_equal(sim_refcount(s, old), refs - 1); /* the dict's reference went */
    sim_decref(s, old), sim_decref(s, k), sim_decref(s, missing), sim_decref(s, d);
    sim_free(s);
}

static void events_off_records_none(void **state)
{
    (void)state;
    Sim *s = new311();
    uint64_t before = s->nevents;
    SimId a = sim_float(s, 1.5);
    assert_true(s->nevents > before);
    sim_set_events(s, false);
    before = s->nevents;
    SimId b = sim_float(s, 2.5);
    sim_decref(s, a);
    assert_int_equal(s->nevents, before);
    sim_set_events(s, true);
    sim_decref(s, b);
    assert_true(s->nevents > before);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_changes_only_when_a_key_is_added),
        cmocka_unit_test(no_two_dicts_share_a_version),
        cmocka_unit_test(index_and_replace_at),
        cmocka_unit_test(events_off_records_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
