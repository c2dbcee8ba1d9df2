/*
 * Unit tests for app/sim/trace: tracemalloc's table of traces on the model's
 * blocks — requested sizes, frees, reallocs (the old trace goes first),
 * blocks from before the start, free lists, and the pause around what
 * CPython has static.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "sim/profile.h"
#include "sim/sim.h"
#include "sim/trace.h"

static uint32_t line = 7;
static uint32_t where(void *ctx)
{
    (void)ctx;
    return line;
}

static void requested_sizes_and_frees(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.11"));
    PmPtr before = pm_alloc(&s->pm, 100);
    sim_trace_start(s, where, NULL);
    uint64_t cur, peak;
    PmPtr a = pm_alloc(&s->pm, 33), b = pm_alloc(&s->pm, 1000);
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 1033); /* requested, not the 48-byte block */
    assert_int_equal(peak, 1033);
    pm_free(&s->pm, before); /* untraced: nothing changes */
    pm_free(&s->pm, b);
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 33);
    assert_int_equal(peak, 1033);
    const SimTraceEntry *e = sim_trace_find(s, a);
    assert_non_null(e);
    assert_int_equal(e->size, 33);
    assert_int_equal(e->where, 7);
    sim_trace_reset_peak(s);
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(peak, 33);
    sim_trace_stop(s);
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 0);
    assert_false(sim_tracing(s));
    pm_free(&s->pm, a);
    sim_free(s);
}

static void realloc_replaces_its_trace(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.12"));
    sim_trace_start(s, where, NULL);
    PmPtr a = pm_alloc(&s->pm, 600);
    line = 9;
    PmPtr b = pm_realloc(&s->pm, a, 2000);
    uint64_t cur, peak;
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 2000);
    assert_int_equal(peak, 2000); /* never both */
    assert_int_equal(sim_trace_find(s, b)->where, 9);
    PmPtr c = pm_realloc(&s->pm, b, 10); /* a raw block stays raw, resized in place */
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 10);
    size_t n;
    SimTraceEntry *all = sim_trace_copy(s, &n);
    assert_int_equal(n, 1);
    free(all);
    pm_free(&s->pm, c);
    sim_trace_stop(s);
    sim_free(s);
    line = 7;
}

static void many_blocks_and_pause(void **state)
{
    (void)state;
    Sim *s = sim_new(sim_profile_find("3.13"));
    sim_trace_start(s, where, NULL);
    enum { N = 5000 };
    PmPtr *p = malloc(N * sizeof *p);
    for (int i = 0; i < N; i++)
        p[i] = pm_alloc(&s->pm, (size_t)(i % 500) + 1);
    for (int i = 0; i < N; i += 2)
        pm_free(&s->pm, p[i]);
    uint64_t cur, peak, want = 0;
    for (int i = 1; i < N; i += 2)
        want += (uint64_t)(i % 500) + 1;
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, want);
    for (int i = 1; i < N; i += 2)
        assert_non_null(sim_trace_find(s, p[i]));
    PmTraceFn t = sim_trace_pause(s);
    PmPtr q = pm_alloc(&s->pm, 64);
    sim_trace_resume(s, t);
    assert_null(sim_trace_find(s, q));
    sim_trace_clear(s);
    sim_trace_memory(s, &cur, &peak);
    assert_int_equal(cur, 0);
    assert_int_equal(peak, 0);
    for (int i = 1; i < N; i += 2)
        pm_free(&s->pm, p[i]);
    pm_free(&s->pm, q);
    free(p);
    sim_trace_stop(s);
    sim_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(requested_sizes_and_frees),
        cmocka_unit_test(realloc_replaces_its_trace),
        cmocka_unit_test(many_blocks_and_pause),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
