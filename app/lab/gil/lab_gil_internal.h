/*
 * lab_gil_internal: the GIL lab's state, shared by its reader
 * (lab_gil_read.c: the program into directives) and its runner (lab_gil.c).
 */
#ifndef PYDIVE_SIM_LAB_GIL_INTERNAL_H
#define PYDIVE_SIM_LAB_GIL_INTERNAL_H

#include "lab/gil/lab_gil.h"

#define MAX_TIME_US (60LL * 1000000LL) /* a lab run stays interactive */
#define MAX_OBJECTS 16
#define MAX_SEGS 16
#define REVEAL_FRAMES 60
/* Worker-seconds one line may simulate: the costliest mix (processes, the
 * "mixed" task, as many cores as workers) runs ~4,000 of them a wall second,
 * so a line stays under about half a second; 72 workers get 28 s. */
#define MAX_WORKER_SECONDS 2048.0

typedef enum DirKind {
    D_THREADS, D_CORES, D_REGIME, D_WORKLOAD, D_TASK, D_OBJECT, D_REPEAT, D_TIME, D_WINDOW,
    D_SET, D_SEED, D_RUN, D_SWEEP, D_HEAP, D_MEMORY, D_NKINDS
} DirKind;

/* The directives' names, indexed by DirKind (lab_gil_read.c). */
extern const char *const lab_gil_dir_names[D_NKINDS];

typedef struct Directive {
    int line;
    DirKind kind;
    int64_t num;          /* threads, cores, repeat, time, window, seed, heap, memory */
    char name[48];        /* workload preset, set parameter */
    int32_t value;        /* set */
    SchedRegime regime;
    SchedSeg segs[MAX_SEGS];
    size_t nsegs;
    int counts[LAB_GIL_MAX_SWEEP];
    size_t ncounts;
} Directive;

typedef struct GilLab {
    Directive *dirs;
    size_t ndirs, next;   /* directives; the one about to run */
    SchedObject objects[MAX_OBJECTS];
    size_t nobjects;
    /* settings in force */
    SchedConfig cfg;
    SchedWorkload wl;
    SchedSeg task[MAX_SEGS];
    char wl_name[32];
    int64_t window_us;
    int heap_mb;
    /* what ran */
    Sched *sched;
    int64_t reveal_us;    /* the timeline is shown up to here */
    LabGilResult results[LAB_GIL_MAX_RUNS];
    size_t nresults;
    LabGilMemory memory;
    bool has_memory;
} GilLab;


/* Reads the program into g->dirs and g->objects; every mistake goes to dl
 * (file:line:col).  False when there was one. */
bool lab_gil_read(GilLab *g, const char *src, size_t len, const char *file, DiagList *dl);

#endif
