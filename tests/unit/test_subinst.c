/*
 * Unit tests for app/sim/subinst.c: instances of a program's subclass of
 * list, dict or tuple — their sizes per profile (measured on CPython
 * 3.11.7, 3.12.1, 3.13.0 with sys.getsizeof), the reference they hold to
 * their class, their __dict__, the free lists they never join, and a cycle
 * through one collected.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/audit.h"
#include "sim/gc.h"

static void hold_none(void *ctx, Sim *s, SimVisit visit, void *arg) { (void)ctx, (void)s, (void)visit, (void)arg; }

/* class <name>(<kind's type>): with a __dict__, and __weakref__ unless a tuple */
static SimId make_subclass(Sim *s, const char *name, SimKind kind)
{
    SimId base = s->types[kind];
    SimId bases = sim_tuple(s, 1);
    sim_incref(s, base);
    sim_tuple_set(s, bases, 0, base);
    SimId nm = sim_str_intern(s, name, strlen(name));
    sim_incref(s, nm);
    SimId mro[2] = {base, s->type_object};
    SimClassSpec spec = {.name = nm, .qualname = nm, .bases = bases, .dict = sim_dict(s), .best = 0,
                         .mro = mro, .nmro = 2, .add_dict = true, .add_weak = kind != SK_TUPLE,
                         .layout = kind};
    return sim_class_new(s, &spec);
}

static void sizes_per_profile(void **state)
{
    (void)state;
    /* class L(list), D(dict), T(tuple): sys.getsizeof of L(), D(), T((1, 2)),
     * and of L's __dict__ once made (split on the class's 30 shared slots) */
    static const struct { const char *prof; size_t list, dict, tuple2, ldict; } want[] = {
        {"3.11", 80, 88, 64, 304}, {"3.12", 72, 80, 72, 304}, {"3.13", 72, 80, 72, 304}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Sim *s = sim_new(sim_profile_find(want[i].prof));
        SimId L = make_subclass(s, "L", SK_LIST), D = make_subclass(s, "D", SK_DICT);
        SimId T = make_subclass(s, "T", SK_TUPLE);
        SimId l = sim_subinst_new(s, L, 0), d = sim_subinst_new(s, D, 0), t = sim_subinst_new(s, T, 2);
        sim_tuple_set(s, t, 0, sim_int(s, 1));
        sim_tuple_set(s, t, 1, sim_int(s, 2));
        assert_int_equal(sim_sizeof(s, l), want[i].list);
        assert_int_equal(sim_sizeof(s, d), want[i].dict);
        assert_int_equal(sim_sizeof(s, t), want[i].tuple2);
        assert_int_equal(sim_sizeof(s, sim_subinst_dict(s, l)), want[i].ldict);
        assert_true(sim_is_tracked(s, d)); /* PyType_GenericAlloc tracks it, empty or not */
        assert_true(sim_type_of(s, l) == L && sim_type_of(s, t) == T);
        assert_true(sim_is_subtype(s, L, s->types[SK_LIST]));
        sim_list_append(s, l, sim_int(s, 7)); /* list_resize: 4 slots */
        assert_int_equal(sim_sizeof(s, l), want[i].list + 32);
        sim_free(s);
    }
}

static void holds_its_class_and_skips_free_lists(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.11"));
    SimId L = make_subclass(s, "L", SK_LIST), D = make_subclass(s, "D", SK_DICT);
    int64_t lref = s->obj[L].refcnt, dref = s->obj[D].refcnt;
    SimId l = sim_subinst_new(s, L, 0), d = sim_subinst_new(s, D, 0);
    assert_int_equal(s->obj[L].refcnt, lref + 1);
    SimId v = sim_str(s, "value", 5);
    sim_incref(s, v);
    sim_dict_set(s, sim_subinst_dict(s, l), sim_str_intern(s, "name", 4), v);
    uint32_t lists = s->fl_list.n, dicts = s->fl_dict.n;
    sim_decref(s, l); /* subtype_dealloc: the __dict__ (to the free list: an exact dict), the list, the class */
    sim_decref(s, d);
    assert_int_equal(s->obj[L].refcnt, lref);
    assert_int_equal(s->obj[D].refcnt, dref);
    assert_int_equal(s->obj[v].refcnt, 1);
    assert_int_equal(s->fl_list.n, lists);
    assert_int_equal(s->fl_dict.n, dicts + 1);
    sim_decref(s, v);
    sim_free(s);
}

static void a_cycle_through_one_is_collected(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.12"));
    SimId L = make_subclass(s, "L", SK_LIST);
    SimId l = sim_subinst_new(s, L, 0);
    sim_incref(s, l);
    sim_list_append(s, l, l); /* a.append(a) */
    sim_incref(s, l);
    sim_dict_set(s, sim_subinst_dict(s, l), sim_str_intern(s, "me", 2), l); /* a.me = a */
    sim_decref(s, l);
    assert_int_equal(gc_collect(s, 2), 2); /* the instance and its __dict__ */
    assert_int_equal(gc_collect(s, 2), 0);
    sim_decref(s, L);
    Buf b = {0};
    /* then the class's own cycle */
    assert_true(gc_collect(s, 2) > 0);
    assert_true(sim_audit(s, hold_none, NULL, &b));
    buf_fini(&b);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sizes_per_profile),
        cmocka_unit_test(holds_its_class_and_skips_free_lists),
        cmocka_unit_test(a_cycle_through_one_is_collected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
