/*
 * Unit tests for app/sim/type.c: a program's class as type_new lays it out
 * (its descriptors hold it, its base keeps a weakref to it), its instances'
 * slot values, and what a collection of a dropped class frees.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sim/audit.h"
#include "sim/gc.h"

static void hold_one(void *ctx, Sim *s, SimVisit visit, void *arg)
{
    if (*(SimId *)ctx)
        visit(s, *(SimId *)ctx, arg);
}

/* class <name>: with __slots__ = names (sorted), or a plain one (names NULL) */
static SimId make_class(Sim *s, const char *name, const char *const *names, int n)
{
    SimId bases = sim_tuple(s, 1);
    sim_incref(s, s->type_object);
    sim_tuple_set(s, bases, 0, s->type_object);
    SimId slots = 0;
    if (names) {
        slots = sim_tuple(s, (size_t)n);
        for (int i = 0; i < n; i++)
            sim_tuple_set(s, slots, (size_t)i, sim_str_intern(s, names[i], strlen(names[i])));
    }
    SimId nm = sim_str_intern(s, name, strlen(name));
    sim_incref(s, nm);
    SimId object = s->type_object;
    SimClassSpec spec = {.name = nm, .qualname = nm, .bases = bases, .dict = sim_dict(s), .best = 0,
                         .mro = &object, .nmro = 1, .slots = slots, .add_dict = !names, .add_weak = !names};
    return sim_class_new(s, &spec);
}

static void descriptors_hold_their_class(void **state)
{
    (void)state;
    static const char *const xy[] = {"x", "y"};
    Sim *s = sim_new(sim_profile_find("3.11"));
    SimId plain = make_class(s, "Plain", NULL, 0);
    SimId slotted = make_class(s, "Point", xy, 2);
    /* the caller, its __mro__, and its two descriptors (CPython: sys.getrefcount - 1) */
    assert_int_equal(s->obj[plain].refcnt, 4);
    assert_int_equal(s->obj[slotted].refcnt, 4);
    assert_int_equal(sim_sizeof(s, plain), 1688);
    assert_int_equal(sim_sizeof(s, slotted), 920);
    SimId p = sim_instance(s, slotted);
    assert_int_equal(sim_sizeof(s, p), 48);
    assert_int_equal(sim_weakref(s, p, 0), 0); /* no __weakref__ slot */
    SimId v = sim_list(s, 0);
    sim_inst_slots(s, p)[1] = v; /* y, as member_set stores it */
    sim_incref(s, v);
    assert_int_equal(s->obj[v].refcnt, 2);
    sim_decref(s, p); /* subtype_dealloc clears the slots */
    assert_int_equal(s->obj[v].refcnt, 1);
    sim_decref(s, v);
    Buf b = {0};
    SimId roots[1] = {0};
    sim_decref(s, plain);
    sim_decref(s, slotted);
    /* each class is a cycle: type, dict, mro, bases; plus the getsets or members */
    assert_int_equal(gc_collect(s, 2), 6 + 6);
    assert_true(sim_audit(s, hold_one, roots, &b));
    buf_fini(&b);
    sim_free(s);
}

static void sizes_per_profile(void **state)
{
    (void)state;
    static const char *const one[] = {"a"};
    static const struct { const char *prof; size_t cls, plain_cls, inst, plain_inst; } want[] = {
        {"3.11", 920, 1688, 40, 56}, {"3.12", 936, 1704, 40, 48}, {"3.13", 944, 1712, 40, 48}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        Sim *s = sim_new(sim_profile_find(want[i].prof));
        SimId c = make_class(s, "S", one, 1), pc = make_class(s, "P", NULL, 0);
        SimId o = sim_instance(s, c), po = sim_instance(s, pc);
        assert_int_equal(sim_sizeof(s, c), want[i].cls);
        assert_int_equal(sim_sizeof(s, pc), want[i].plain_cls);
        assert_int_equal(sim_sizeof(s, o), want[i].inst);
        assert_int_equal(sim_sizeof(s, po), want[i].plain_inst);
        sim_free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(descriptors_hold_their_class),
        cmocka_unit_test(sizes_per_profile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
