/*
 * bench_views: the cost of one frame of each view on a 200x60 canvas, for a
 * program holding 100,000 objects (plus the snapshot the views read).
 * Prints the median of RUNS frames per view in milliseconds; then the graph
 * of a program paused 40 calls deep (its frames and locals).
 * Usage: build/bench_views [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/profile.h"
#include "view/canvas.h"
#include "view/program.h"
#include "view/views.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 15;
    if (runs < 1)
        runs = 1;
    static const char src[] = "data = []\n"
                              "for i in range(50000):\n"
                              "    data.append([i])\n"
                              "a = []\n"
                              "b = [a]\n"
                              "a.append(b)\n"
                              "done = 1\n";
    Program p;
    program_init(&p, "bench.py", src, strlen(src), sim_profile_find("3.11"));
    while (p.line != 7 && program_step(&p)) /* stop before the last line: the heap is full */
        ;
    printf("bench_views_objects %u\n", p.sim->nlive);
    double *t = calloc((size_t)runs, sizeof *t);
    const char *names[] = {"snapshot", "arena", "memory", "graph", "gc"};
    Canvas *cv = canvas_new(200, 60, false);
    Rect r = {0, 0, 200, 60};
    for (int v = 0; v < 5; v++) {
        for (int i = 0; i < runs; i++) {
            HeapSnapshot s;
            double t0 = now_ms();
            program_snapshot(&p, &s, 2000);
            double t1 = now_ms();
            canvas_clear(cv);
            switch (v) {
            case 1: view_arena_map(&s, &(ArenaMapOptions){0}, cv, r); break;
            case 2: view_memory_chart(p.samples, p.sample_blocks, p.pos, cv, r); break;
            case 3: view_object_graph(&s, &(GraphOptions){0}, cv, r); break;
            case 4: view_gc(&s, cv, r); break;
            default: break;
            }
            double t2 = now_ms();
            t[i] = v == 0 ? t1 - t0 : t2 - t1;
            snapshot_free(&s);
        }
        printf("bench_views_%s_ms %.3f\n", names[v], median(t, runs));
    }
    program_fini(&p);

    /* The graph with frames: paused 40 calls deep, each call's locals
     * naming a list of its own and the caller's (the frames panel, its
     * names' lines and the tracks of the back references). */
    static const char deep[] = "def down(n, up):\n"
                               "    mine = [n, up]\n"
                               "    if n == 0:\n"
                               "        return len(mine)\n"
                               "    return down(n - 1, mine)\n"
                               "top = [0] * 500\n"
                               "down(40, top)\n";
    program_init(&p, "deep.py", deep, strlen(deep), sim_profile_find("3.11"));
    while (p.line != 4 && program_step(&p)) /* the innermost call, about to return */
        ;
    HeapSnapshot s;
    program_snapshot(&p, &s, 2000);
    for (int i = 0; i < runs; i++) {
        canvas_clear(cv);
        double t0 = now_ms();
        view_object_graph(&s, &(GraphOptions){0}, cv, r);
        t[i] = now_ms() - t0;
    }
    printf("bench_views_graph_frames %zu frames, %zu names, %zu objects\n", s.nframes, s.nnames,
           s.nobjs);
    printf("bench_views_graph_frames_ms %.3f\n", median(t, runs));
    snapshot_free(&s);
    canvas_free(cv);
    free(t);
    program_fini(&p);
    return 0;
}
