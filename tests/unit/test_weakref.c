/*
 * Unit tests for the sim's weak references beyond weakref.ref: KeyedRef
 * (88 bytes, owns its key), proxies (shared when callback-less, placed
 * after the basic ref), and an import's foreign garbage, which the next
 * collection counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim/audit.h"
#include "sim/gc.h"

static Sim *new311(void) { return sim_new(sim_profile_find("3.11")); }

static SimId wanted_key;

static void count_key(Sim *s, SimId ref, void *arg)
{
    (void)s;
    if (ref == wanted_key)
        ++*(int *)arg;
}

static void keyed_ref_owns_its_key(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId target = sim_set(s);
    SimId key = sim_str(s, "thumbnail", 9);
    int64_t before = s->obj[key].refcnt;
    wanted_key = key;
    SimId wr = sim__weakref_new(s, target, 0, SIM_WR_KEYED, key);
    assert_int_not_equal(wr, 0);
    assert_int_equal(sim_sizeof(s, wr), 88);
    assert_int_equal(s->obj[key].refcnt, before + 1);
    assert_int_equal(sim_items(s, wr)[0], key);
    assert_true(sim_is_tracked(s, wr));
    int seen = 0; /* the audit and the collector see the key as the ref's */
    sim_owned_refs(s, wr, count_key, &seen);
    sim_traverse(s, wr, count_key, &seen);
    assert_int_equal(seen, 2);
    sim_decref(s, wr); /* the ref goes: it lets its key go */
    assert_int_equal(s->obj[key].refcnt, before);
    sim_decref(s, key);
    sim_decref(s, target);
    sim_free(s);
}

/* also: a set's weak references die with it (set_dealloc); the model's
 * sets used to leave them pointing at a freed record */
static void keyed_ref_key_survives_its_referent(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId target = sim_set(s);
    SimId key = sim_str(s, "a key", 5);
    SimId wr = sim__weakref_new(s, target, 0, SIM_WR_KEYED, key);
    sim_decref(s, target); /* dead: the ref is cleared, the key stays */
    assert_int_equal(SIM_V(s, wr, SK_WEAKREF, weakref.obj), 0);
    assert_int_equal(sim_items(s, wr)[0], key);
    assert_int_equal(s->obj[key].refcnt, 2);
    sim_decref(s, wr);
    assert_int_equal(s->obj[key].refcnt, 1);
    sim_decref(s, key);
    sim_free(s);
}

static void proxies_are_shared_and_follow_the_basic_ref(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId target = sim_set(s);
    SimId cb = sim_set(s);
    SimId withcb = sim_weakref(s, target, cb);
    SimId p1 = sim__weakref_new(s, target, 0, SIM_WR_PROXY, 0);
    SimId p2 = sim__weakref_new(s, target, 0, SIM_WR_PROXY, 0);
    assert_int_equal(p1, p2); /* the basic proxy is shared */
    SimId ref = sim_weakref(s, target, 0);
    /* get_basic_refs' order: the basic ref, the basic proxy, the others */
    SimId w = s->obj[target].weaklist;
    assert_int_equal(w, ref);
    w = s->obj[w].len;
    assert_int_equal(w, p1);
    w = s->obj[w].len;
    assert_int_equal(w, withcb);
    assert_int_equal(s->obj[w].len, 0);
    assert_int_equal(sim_sizeof(s, p1), 80);
    assert_string_equal(sim_type_name(s, p1), "weakref.ProxyType");
    sim_decref(s, p1);
    sim_decref(s, p2);
    sim_decref(s, ref);
    sim_decref(s, withcb);
    sim_decref(s, cb);
    sim_decref(s, target);
    Buf b = {0};
    assert_true(sim_audit(s, NULL, NULL, &b));
    buf_fini(&b);
    sim_free(s);
}

static void foreign_garbage_is_counted_once(void **state)
{
    (void)state;
    Sim *s = new311();
    s->gc.foreign_garbage = 7;
    assert_int_equal(gc_collect(s, 0), 7);
    assert_int_equal(gc_collect(s, 2), 0);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keyed_ref_owns_its_key),
        cmocka_unit_test(keyed_ref_key_survives_its_referent),
        cmocka_unit_test(proxies_are_shared_and_follow_the_basic_ref),
        cmocka_unit_test(foreign_garbage_is_counted_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
