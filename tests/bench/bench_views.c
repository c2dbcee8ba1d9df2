/*
 * bench_views: the cost of one frame of each view on a 200x60 canvas, for a
 * program holding 100,000 objects.  A frame is what the program screen does
 * while a program runs: take the snapshot the views read, then draw; the
 * snapshot alone is shown too.  Prints min, median and max of RUNS frames
 * per view in milliseconds (goal: 1 ms); then the graph of a program paused
 * 40 calls deep (its frames and locals).
 * Usage: build/bench_views [RUNS]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sim/profile.h"
#include "view/app.h"
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

static void report(const char *name, double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    printf("view %-16s %7.3f ms (min %6.3f  max %6.3f)  goal <=1 ms%s\n", name, v[n / 2], v[0],
           v[n - 1], v[n / 2] > 1.0 ? "  MISSED" : "");
}

/* The program screen as a running program draws it: header, source pane
 * and the four views in their grid at 200x60, the snapshot taken afresh
 * each frame (as when the step moves on between frames). */
static void screen_frames(const char *src, int runs, double *t)
{
    Program *p = calloc(1, sizeof *p);
    program_init(p, "bench.py", src, strlen(src), sim_profile_find("3.11"));
    while (p->line != 7 && program_step(p))
        ;
    App a;
    app_init(&a, NULL, NULL, NULL, false);
    app_resize(&a, 200, 60);
    app_open_program(&a, p, PROGRAM_VIEW_ALL, true); /* the app owns p now */
    Canvas *cv = canvas_new(200, 60, false);
    for (int i = 0; i < runs; i++) {
        a.snap_pos = SIZE_MAX; /* a step was taken: the snapshot is stale */
        canvas_clear(cv);
        double t0 = now_ms();
        app_draw(&a, cv);
        t[i] = now_ms() - t0;
    }
    canvas_free(cv);
    app_fini(&a);
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
    printf("views: 200x60, %u live objects, %zu steps recorded\n", p.sim->nlive, p.pos);
    double *t = calloc((size_t)runs, sizeof *t);
    const char *names[] = {"snapshot only", "arena", "memory", "graph", "gc"};
    Canvas *cv = canvas_new(200, 60, false);
    Rect r = {0, 0, 200, 60};
    for (int v = 0; v < 5; v++) {
        for (int i = 0; i < runs; i++) {
            HeapSnapshot s;
            canvas_clear(cv);
            double t0 = now_ms();
            program_snapshot(&p, &s, 2000);
            switch (v) {
            case 1: view_arena_map(&s, &(ArenaMapOptions){0}, cv, r); break;
            case 2: view_memory_chart(p.samples, p.sample_blocks, p.pos, cv, r); break;
            case 3: view_object_graph(&s, &(GraphOptions){0}, cv, r); break;
            case 4: view_gc(&s, cv, r); break;
            default: break;
            }
            t[i] = now_ms() - t0;
            snapshot_free(&s);
        }
        report(names[v], t, runs);
    }
    program_fini(&p);
    screen_frames(src, runs, t);
    report("whole screen, 4", t, runs);

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
    size_t nframes = 0;
    for (int i = 0; i < runs; i++) {
        HeapSnapshot s;
        canvas_clear(cv);
        double t0 = now_ms();
        program_snapshot(&p, &s, 2000);
        view_object_graph(&s, &(GraphOptions){0}, cv, r);
        t[i] = now_ms() - t0;
        nframes = s.nframes;
        snapshot_free(&s);
    }
    char name[64];
    snprintf(name, sizeof name, "graph, %zu frames", nframes);
    report(name, t, runs);
    canvas_free(cv);
    free(t);
    program_fini(&p);
    return 0;
}
