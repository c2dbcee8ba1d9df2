/*
 * Unit tests for app/sim: the startup heap, refcounts, free lists, and the
 * collector on its own (cycles, generations, untracking, weakrefs, freeze).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/gc.h"
#include "sim/stats.h"

static Sim *new311(void) { return sim_new(sim_profile_find("3.11")); }

static void startup_matches_measured_table(void **state)
{
    (void)state;
    Sim *s = new311();
    PmStats st;
    pm_stats(&s->pm, &st);
    assert_int_equal(st.arenas_current, 3);
    assert_int_equal(st.unused_pools, 53);
    assert_int_equal(st.in_use[3], 8055);
    assert_int_equal(st.pools[3], 32);
    Buf b = {0};
    sim_debugmallocstats(s, &b);
    assert_non_null(strstr(buf_str(&b), "    3     64          32            8055           105\n"));
    assert_non_null(strstr(buf_str(&b), "# arenas allocated current         =                    3\n"));
    buf_fini(&b);
    sim_free(s);
}

static void list_self_cycle(void **state)
{
    (void)state;
    Sim *s = new311();
    gc_collect(s, 2);
    SimId x = sim_list(s, 0);
    sim_incref(s, x);
    sim_list_append(s, x, x);
    sim_decref(s, x);
    assert_int_equal(gc_collect(s, 2), 1);
    assert_int_equal(gc_collect(s, 2), 0);
    sim_free(s);
}

static void two_list_cycle_and_generations(void **state)
{
    (void)state;
    Sim *s = new311();
    s->gc.enabled = false;
    gc_collect(s, 2);
    SimId a = sim_list(s, 0), b = sim_list(s, 0);
    sim_incref(s, a);
    sim_list_append(s, b, a);
    sim_incref(s, b);
    sim_list_append(s, a, b);
    sim_decref(s, a);
    assert_int_equal(gc_collect(s, 0), 0); /* b still held */
    sim_decref(s, b);
    assert_int_equal(gc_collect(s, 0), 0); /* garbage now lives in gen 1 */
    assert_int_equal(gc_collect(s, 1), 2);
    sim_free(s);
}

static void tuple_untracked_by_collection(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId t = sim_tuple(s, 2);
    sim_tuple_set(s, t, 0, sim_int(s, 1));
    sim_tuple_set(s, t, 1, sim_none(s));
    assert_true(sim_is_tracked(s, t));
    gc_collect(s, 2);
    assert_false(sim_is_tracked(s, t));
    SimId d = sim_dict(s);
    assert_false(sim_is_tracked(s, d));
    sim_dict_set(s, d, sim_str(s, "k", 1), sim_list(s, 0));
    assert_true(sim_is_tracked(s, d));
    sim_decref(s, t);
    sim_decref(s, d);
    sim_free(s);
}

static void gc_counts_follow_allocations(void **state)
{
    (void)state;
    Sim *s = new311();
    gc_collect(s, 2);
    assert_int_equal(s->gc.gen[0].count, 0);
    SimId l[701];
    for (int i = 0; i < 700; i++)
        l[i] = sim_list(s, 0);
    assert_int_equal(s->gc.gen[0].count, 700);
    l[700] = sim_list(s, 0); /* the 701st triggers a gen-0 collection */
    assert_int_equal(s->gc.gen[0].count, 0);
    assert_int_equal(s->gc.gen[1].count, 1);
    for (int i = 0; i < 701; i++)
        sim_decref(s, l[i]);
    sim_free(s);
}

static int wr_calls;
static void count_call(void *ctx, SimId fn, SimId arg)
{
    (void)ctx, (void)fn, (void)arg;
    wr_calls++;
}

static void weakref_callback_on_collect(void **state)
{
    (void)state;
    Sim *s = new311();
    SimHooks h = {.call1 = count_call};
    sim_set_hooks(s, &h);
    s->gc.enabled = false;
    SimId name = sim_str(s, "K", 1), dict = sim_dict(s);
    SimId cls = sim_type_new(s, name, 0, dict);
    SimId a = sim_instance(s, cls), b = sim_instance(s, cls);
    SimId link = sim_str_intern(s, "link", 4);
    sim_incref(s, b);
    sim_attr_set(s, a, link, b);
    sim_incref(s, a);
    sim_attr_set(s, b, link, a);
    SimId cb = sim_object(s);
    SimId wr = sim_weakref(s, a, cb);
    sim_decref(s, a);
    sim_decref(s, b);
    wr_calls = 0;
    assert_int_equal(gc_collect(s, 2), 2);
    assert_int_equal(wr_calls, 1);
    sim_decref(s, wr);
    sim_decref(s, cb);
    sim_decref(s, link);
    sim_free(s);
}

static void freeze_hides_garbage(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId x = sim_list(s, 0);
    sim_incref(s, x);
    sim_list_append(s, x, x);
    sim_decref(s, x);
    gc_freeze(s);
    assert_true(gc_freeze_count(s) >= 1);
    assert_int_equal(gc_collect(s, 2), 0);
    gc_unfreeze(s);
    assert_int_equal(gc_collect(s, 2), 1);
    sim_free(s);
}

static void stepping_phases(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId x = sim_list(s, 0);
    sim_incref(s, x);
    sim_list_append(s, x, x);
    sim_decref(s, x);
    assert_true(gc_begin(s, 2));
    int steps = 0;
    GcPhase p;
    while ((p = gc_step(s)) != GC_PH_DONE) {
        if (p == GC_PH_SUBTRACT_REFS)
            assert_int_equal(s->obj[x].gc_refs, 0);
        steps++;
    }
    assert_int_equal(gc_result(s), 1);
    assert_true(steps >= 8);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(startup_matches_measured_table),
        cmocka_unit_test(list_self_cycle),
        cmocka_unit_test(two_list_cycle_and_generations),
        cmocka_unit_test(tuple_untracked_by_collection),
        cmocka_unit_test(gc_counts_follow_allocations),
        cmocka_unit_test(weakref_callback_on_collect),
        cmocka_unit_test(freeze_hides_garbage),
        cmocka_unit_test(stepping_phases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
