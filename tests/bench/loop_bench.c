/*
 * loop_bench: the event-loop model's speed (lab/loop/evloop.h) — simulated
 * seconds per wall second for 1,000 requests a second over one simulated
 * minute: 900/s to an async route (0.5 ms of Python, 200 ms awaited I/O),
 * 50/s to a def route (5 ms of Python in the pool, competing for the GIL)
 * and 50/s streams of 50 chunks 20 ms apart; default costs, pool 40.
 * Prints the median of RUNS runs (argv[1], default 5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lab/loop/evloop.h"

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
    EvloopRoute routes[3];
    memset(routes, 0, sizeof routes);
    strcpy(routes[0].path, "/chat");
    routes[0].cpu_us = 500;
    routes[0].io_us = 200000;
    strcpy(routes[1].path, "/embed");
    routes[1].sync = true;
    routes[1].cpu_us = 5000;
    strcpy(routes[2].path, "/stream");
    routes[2].tokens = 50;
    routes[2].every_us = 20000;
    EvloopLoad loads[3];
    memset(loads, 0, sizeof loads);
    const double rates[3] = {900, 50, 50};
    for (int i = 0; i < 3; i++) {
        loads[i].route = i;
        loads[i].kind = EVLOAD_RATE;
        loads[i].rate = rates[i];
        loads[i].for_us = 60LL * 1000000;
    }
    EvloopConfig c;
    evloop_config_init(&c);
    c.routes = routes, c.nroutes = 3, c.loads = loads, c.nloads = 3;
    double t[100];
    EvloopTotals tot = {0};
    EvloopRouteStats chat = {0};
    for (int i = 0; i < runs; i++) {
        char err[128];
        double t0 = wall();
        Evloop *e = evloop_new(&c, err, sizeof err);
        if (!e) {
            fprintf(stderr, "loop_bench: %s\n", err);
            return 1;
        }
        evloop_finish(e);
        t[i] = wall() - t0;
        evloop_totals(e, &tot);
        evloop_route_stats(e, 0, &chat);
        evloop_free(e);
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp);
    double med = t[runs / 2], sim = (double)tot.now_us / 1e6;
    printf("loop_bench rate=1000/s simulated=%.1fs requests=%lld wall=%.4fs sim_s_per_wall_s=%.0f "
           "(chat p99 %.1f ms, throughput %.0f/s)\n",
           sim, (long long)tot.arrived, med, sim / med, (double)chat.p99_us / 1000.0,
           tot.throughput);
    return 0;
}
