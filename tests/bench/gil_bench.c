/*
 * gil_bench: the scheduler model's speed — simulated seconds per wall
 * second for 72 threads on 8 cores running the "mixed" workload (and "cpu")
 * for one simulated minute, in each regime.  Prints the median of RUNS runs
 * (argv[1], default 5), one line per regime and workload.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sim/sched.h"
#include "lab/gil/workload.h"

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > 100)
        runs = 5;
    const char *wls[] = {"mixed", "cpu", "io"};
    for (size_t w = 0; w < sizeof wls / sizeof wls[0]; w++) {
        for (int r = 0; r < SCHED_NREGIMES; r++) {
            SchedConfig c;
            SchedWorkload wl;
            sched_config_init(&c);
            workload_preset(wls[w], &wl);
            c.regime = (SchedRegime)r;
            c.nthreads = 72;
            c.ncores = 8;
            c.horizon_us = 60LL * 1000000;
            c.workloads = &wl;
            c.nworkloads = 1;
            c.objects = workload_objects(&c.nobjects);
            double t[100];
            SchedTotals tot = {0};
            for (int i = 0; i < runs; i++) {
                char err[128];
                double t0 = wall();
                if (sched_run(&c, &tot, err, sizeof err) < 0) {
                    fprintf(stderr, "gil_bench: %s\n", err);
                    return 1;
                }
                t[i] = wall() - t0;
            }
            qsort(t, (size_t)runs, sizeof t[0], cmp);
            double med = t[runs / 2];
            printf("gil_bench regime=%-9s workload=%-5s threads=72 cores=8 simulated=60s "
                   "wall=%.4fs sim_s_per_wall_s=%.0f tasks=%lld\n",
                   sched_regime_name(c.regime), wls[w], med, 60.0 / med, (long long)tot.tasks);
        }
    }
    return 0;
}
