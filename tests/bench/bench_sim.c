/*
 * bench_sim: times the model — collecting 1,000,000 objects in 500,000
 * two-list cycles, and the raw allocate/free rate of the heap — and prints
 * one "name seconds" line per measurement (median of the runs).  The
 * collection is timed as `pydive run` runs it, the event ring off
 * (model_collect_1M), and as the views run it, recording every free
 * (model_collect_1M_events).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sim/gc.h"
#include "sim/sim.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double collect_cycles(int pairs, bool events)
{
    Sim *s = sim_new(sim_profile_find("3.11"));
    s->gc.enabled = false;
    sim_set_events(s, events);
    for (int i = 0; i < pairs; i++) {
        SimId a = sim_list(s, 0), b = sim_list(s, 0);
        sim_incref(s, b);
        sim_list_append(s, a, b);
        sim_incref(s, a);
        sim_list_append(s, b, a);
        sim_decref(s, a);
        sim_decref(s, b);
    }
    double t0 = now();
    long n = gc_collect(s, 2);
    double t = now() - t0;
    if (n != 2L * pairs)
        fprintf(stderr, "bench: collected %ld, expected %d\n", n, 2 * pairs);
    sim_free(s);
    return t;
}

static double alloc_free(int n)
{
    Sim *s = sim_new(sim_profile_find("3.11"));
    s->gc.enabled = false;
    SimId *ids = malloc((size_t)n * sizeof *ids);
    double t0 = now();
    for (int i = 0; i < n; i++)
        ids[i] = sim_bytes(s, NULL, 40);
    for (int i = 0; i < n; i++)
        sim_decref(s, ids[i]);
    double t = now() - t0;
    free(ids);
    sim_free(s);
    return t;
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    double c[16], e[16], a[16];
    if (runs > 16)
        runs = 16;
    for (int r = 0; r < runs; r++) {
        c[r] = collect_cycles(500000, false);
        e[r] = collect_cycles(500000, true);
        a[r] = alloc_free(1000000);
    }
    qsort(c, (size_t)runs, sizeof *c, cmp);
    qsort(e, (size_t)runs, sizeof *e, cmp);
    qsort(a, (size_t)runs, sizeof *a, cmp);
    printf("model_collect_1M %.6f\n", c[runs / 2]);
    printf("model_collect_1M_events %.6f\n", e[runs / 2]);
    printf("model_alloc_free_1M %.6f\n", a[runs / 2]);
    return 0;
}
