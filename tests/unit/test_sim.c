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

#include "sim/audit.h"
#include "sim/gc.h"
#include "sim/internal.h"
#include "sim/stats.h"

static Sim *new311(void) { return sim_new(sim_profile_find("3.11")); }

static void startup_matches_measured_table(void **state)
{
    (void)state;
    Sim *s = new311();
    PmStats st;
    pm_stats(&s->pm, &st);
    /* CPython 3.11.7 at start-up, as `python3.11 FILE.py` runs (site imported) */
    assert_int_equal(st.arenas_current, 4);
    assert_int_equal(st.unaligned_arenas, 3);
    assert_int_equal(st.in_use[3], 12596);
    assert_int_equal(st.pools[3], 50);
    assert_int_equal(st.in_use[5], 1525);
    assert_int_equal(st.pools[5], 9);
    Buf b = {0};
    sim_debugmallocstats(s, &b);
    assert_non_null(strstr(buf_str(&b), "    3     64          50           12596           154\n"));
    assert_non_null(strstr(buf_str(&b), "    5     96           9            1525             5\n"));
    assert_non_null(strstr(buf_str(&b), "# arenas allocated current         =                    4\n"));
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
    SimId cls = sim_type_new(s, name, 0, dict, false);
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

/* ---- the audit: a wrong count must be seen ------------------------------ */

static void hold_one(void *ctx, Sim *s, SimVisit visit, void *arg)
{
    visit(s, *(SimId *)ctx, arg);
}

static void audit_passes_on_a_consistent_heap(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId l = sim_list(s, 0);
    for (int i = 0; i < 1000; i++)
        sim_list_append(s, l, sim_int(s, 1000 + i));
    SimId d = sim_dict(s);
    sim_dict_set(s, d, sim_str(s, "key", 3), l); /* the dict takes the list */
    Buf b = {0};
    bool ok = sim_audit(s, hold_one, &d, &b); /* the test holds the dict */
    assert_true(ok && b.len == 0);
    buf_fini(&b);
    sim_free(s);
}

static void audit_sees_a_wrong_refcount(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId l = sim_list(s, 0);
    sim_list_append(s, l, sim_int(s, 12345));
    Buf b = {0};
    assert_true(sim_audit(s, hold_one, &l, &b));
    sim_incref(s, sim_items(s, l)[0]); /* a reference nobody holds */
    assert_false(sim_audit(s, hold_one, &l, &b));
    assert_non_null(strstr(buf_str(&b), "int: refcount 2, references found 1"));
    buf_fini(&b);
    sim_free(s);
}

static void audit_sees_a_dangling_reference(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId l = sim_list(s, 1);
    SimId x = sim_int(s, 99999);
    sim_items(s, l)[0] = x;
    sim_obj(s, x)->refcnt = 1;
    sim__dealloc(s, x); /* freed while the list still points at it */
    Buf b = {0};
    assert_false(sim_audit(s, hold_one, &l, &b));
    assert_non_null(strstr(buf_str(&b), "is freed but 1 references remain"));
    buf_fini(&b);
    sim_items(s, l)[0] = 0;
    sim_free(s);
}

static void audit_sees_allocator_totals_drift(void **state)
{
    (void)state;
    Sim *s = new311();
    Buf b = {0};
    assert_true(pm_audit(&s->pm, &b));
    s->pm.class_in_use[3]++;
    assert_false(pm_audit(&s->pm, &b));
    assert_non_null(strstr(buf_str(&b), "blocks in use of a size class"));
    s->pm.class_in_use[3]--;
    PmPtr lost = pm_alloc(&s->pm, 48); /* a block no object holds */
    assert_false(sim_audit(s, NULL, NULL, &b));
    assert_non_null(strstr(buf_str(&b), "blocks in use"));
    pm_free(&s->pm, lost);
    buf_fini(&b);
    sim_free(s);
}

/* ---- the memory budget -------------------------------------------------- */

static void slab_refuses_what_a_handle_cannot_address(void **state)
{
    (void)state;
    SimSlab sl;
    slab_init(&sl);
    uint32_t cap = 7;
    /* 2^31 + 1 words needed class 32: a shift past 32 bits and free_head[32] */
    assert_int_equal(slab_alloc(&sl, ((size_t)1 << 31) + 1, &cap), 0);
    assert_int_equal(cap, 0);
    assert_int_equal(slab_alloc(&sl, (size_t)10000000000ull, &cap), 0);
    sl.limit_words = 4096;
    assert_int_equal(slab_alloc(&sl, 8192, &cap), 0);  /* past the limit */
    assert_int_not_equal(slab_alloc(&sl, 16, &cap), 0); /* small ones still fit */
    uint32_t h = slab_alloc(&sl, 2, &cap);
    assert_int_equal(slab_resize(&sl, h, &cap, 100000, 2), 0);
    assert_int_equal(cap, 2); /* refused: the old chunk stays */
    slab_fini(&sl);
}

static void budget_refuses_and_leaves_objects_whole(void **state)
{
    (void)state;
    Sim *s = new311();
    sim_set_memory_limit(s, (uint64_t)64 << 20);
    SimId b = sim_bytes(s, NULL, (size_t)10000000000ull);
    assert_true(sim_take_nomem(s));
    assert_int_equal(sim_obj(s, b)->len, 0);
    sim_decref(s, b);
    SimId l = sim_list(s, 0);
    sim_list_append(s, l, sim_int(s, 7));
    sim_list_reserve_exact(s, l, (size_t)10000000000ull);
    assert_true(sim_take_nomem(s));
    assert_int_equal(sim_obj(s, l)->len, 1);
    assert_int_equal(sim_obj(s, l)->cap, 4);
    assert_false(sim_list_resize(s, l, (size_t)1 << 30)); /* 8 GiB of items */
    assert_true(sim_take_nomem(s));
    assert_int_equal(sim_obj(s, l)->len, 1);
    SimId big = sim_list(s, (size_t)1 << 28);
    assert_true(sim_take_nomem(s));
    assert_int_equal(sim_obj(s, big)->len, 0);
    sim_decref(s, big);
    SimId st = sim_set(s);
    sim_set_presize(s, st, (size_t)1 << 40);
    assert_true(sim_take_nomem(s));
    sim_decref(s, st);
    assert_true(pm_mapped(&s->pm) <= ((uint64_t)64 << 20));
    assert_false(sim_take_nomem(s));
    Buf r = {0};
    assert_true(sim_audit(s, hold_one, &l, &r));
    buf_fini(&r);
    sim_free(s);
}

static void budget_refuses_arenas_past_the_limit(void **state)
{
    (void)state;
    Sim *s = new311();
    sim_set_memory_limit(s, pm_mapped(&s->pm) + (uint64_t)2 * s->pm.arena_size);
    SimId l = sim_list(s, 0);
    int granted = 0;
    for (int i = 0; i < 100000 && !sim_nomem(s); i++, granted++)
        sim_list_append(s, l, sim_float(s, i + 0.5));
    assert_true(sim_take_nomem(s));
    assert_true(granted > 1000 && granted < 100000);
    assert_true(pm_mapped(&s->pm) <= s->pm.limit);
    Buf r = {0};
    assert_true(sim_audit(s, hold_one, &l, &r));
    buf_fini(&r);
    sim_free(s);
}

/* PyByteArray_Resize's rules, as CPython 3.11-3.13 measure (getsizeof =
 * 56 + ob_alloc): the first append sizes exactly, later ones overallocate
 * by an eighth; a shrink under half gives the room back; a deletion at
 * the front moves the logical start and keeps the buffer */
static void bytearray_resize_follows_cpython(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId b = sim_bytearray(s, NULL, 0);
    static const size_t sizes[] = {58, 61, 61, 61, 64, 64, 64, 68};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        sim_bytearray_resize(s, b, i + 1);
        assert_int_equal(sim_sizeof(s, b), sizes[i]);
    }
    sim_bytearray_resize(s, b, 26);           /* a major upsize: exactly 27 */
    assert_int_equal(sim_sizeof(s, b), 83);
    sim_bytearray_resize(s, b, 13);           /* not under half of 27: kept */
    assert_int_equal(sim_sizeof(s, b), 83);
    sim_bytearray_resize(s, b, 12);           /* under half: 13 */
    assert_int_equal(sim_sizeof(s, b), 69);
    ((uint8_t *)sim_items(s, b))[3] = 7;
    sim_bytearray_drop_front(s, b, 3);        /* del b[:3] */
    assert_int_equal(sim_obj(s, b)->len, 9);
    assert_int_equal(((uint8_t *)sim_items(s, b))[0], 7);
    assert_int_equal(sim_sizeof(s, b), 69);
    sim_bytearray_resize(s, b, 10);           /* 10 + 3 + 1 > 13: a fresh buffer */
    assert_int_equal(sim_sizeof(s, b), 73);   /* 10 <= 13 * 1.125: 10 + 1 + 6 = 17 */
    sim_decref(s, b);
    sim_free(s);
}

/* array_resize as Modules/arraymodule.c grows it (CPython 3.11-3.13:
 * getsizeof = 80 + allocated * itemsize): n + n/16 + 3 while small, + 7
 * from 8 items; a shrink by fewer than 16 items keeps the room */
static void array_resize_follows_cpython(void **state)
{
    (void)state;
    Sim *s = new311();
    SimId a = sim_array(s, 'i', 0);
    assert_true(sim_is_tracked(s, a));
    static const size_t sizes[] = {96, 96, 96, 96, 112, 112, 112, 112, 144};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        sim_array_resize(s, a, i + 1);
        assert_int_equal(sim_sizeof(s, a), sizes[i]);
    }
    sim_array_resize(s, a, 40); /* 40/16 + 7 + 40 = 49 */
    assert_int_equal(sim_sizeof(s, a), 80 + 49 * 4);
    sim_array_resize(s, a, 30); /* 40 < 30 + 16: kept */
    assert_int_equal(sim_sizeof(s, a), 80 + 49 * 4);
    sim_array_resize(s, a, 10); /* 30 >= 10 + 16: 10/16 + 7 + 10 = 17 */
    assert_int_equal(sim_sizeof(s, a), 80 + 17 * 4);
    sim_decref(s, a);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(startup_matches_measured_table),
        cmocka_unit_test(list_self_cycle),
        cmocka_unit_test(bytearray_resize_follows_cpython),
        cmocka_unit_test(array_resize_follows_cpython),
        cmocka_unit_test(two_list_cycle_and_generations),
        cmocka_unit_test(tuple_untracked_by_collection),
        cmocka_unit_test(gc_counts_follow_allocations),
        cmocka_unit_test(weakref_callback_on_collect),
        cmocka_unit_test(freeze_hides_garbage),
        cmocka_unit_test(stepping_phases),
        cmocka_unit_test(audit_passes_on_a_consistent_heap),
        cmocka_unit_test(audit_sees_a_wrong_refcount),
        cmocka_unit_test(audit_sees_a_dangling_reference),
        cmocka_unit_test(audit_sees_allocator_totals_drift),
        cmocka_unit_test(slab_refuses_what_a_handle_cannot_address),
        cmocka_unit_test(budget_refuses_and_leaves_objects_whole),
        cmocka_unit_test(budget_refuses_arenas_past_the_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
