/*
 * Unit tests for sim/brc.h: where a count change goes under 3.13t's biased
 * reference counting and what it costs on the clock (owner's local path,
 * another thread's shared path, a line several running threads change),
 * and the objects it skips (immortal, and those 3.13t immortalizes once a
 * thread starts).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sim/brc.h"
#include "sim/profile.h"
#include "sim/sim.h"

#define NS 1000LL

static void paths_and_costs(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.13t"));
    int64_t clock = 0;
    SimId before = sim_list(s, 0); /* made before threads: the main thread's */
    sim_brc_start(s, &clock, 10 * NS, 100 * NS);
    sim_brc_set(s, 1, 1, 1000 * NS);
    SimId mine = sim_list(s, 0); /* thread 1's */
    sim_incref(s, mine);
    sim_decref(s, mine);
    assert_int_equal(sim_brc_thread(s, 1).local, 2);
    assert_int_equal(clock, 0);
    sim_incref(s, before); /* another thread's object: the shared path */
    assert_int_equal(sim_brc_thread(s, 1).shared, 1);
    assert_int_equal(clock, 10 * NS);
    sim_incref(s, s->none); /* immortal: nothing */
    assert_int_equal(sim_brc_thread(s, 1).shared, 1);
    /* two threads running at once change one count within a round */
    sim_brc_set(s, 2, 2, 1000 * NS);
    sim_incref(s, before);
    assert_int_equal(sim_brc_thread(s, 2).contended, 1);
    assert_int_equal(clock, 10 * NS + 100 * NS / 2);
    sim_brc_set(s, 1, 2, 1000 * NS);
    sim_decref(s, before);
    sim_decref(s, before);
    assert_int_equal(sim_brc_thread(s, 1).contended, 2);
    /* rounds later, the line is quiet again: thread 1 is back on the shared path */
    clock += 5000 * NS;
    sim_incref(s, before);
    assert_int_equal(sim_brc_thread(s, 1).shared, 2);
    sim_decref(s, before);
    sim_decref(s, before);
    sim_decref(s, mine);
    assert_true(sim_brc_thread(s, 7).local == 0); /* a thread never seen */
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paths_and_costs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
