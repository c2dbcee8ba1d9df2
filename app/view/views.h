/*
 * views: the memory and collector visualizations.  Each is a function from
 * a snapshot (and its options) and a rectangle to cells on a canvas; none
 * keeps state between calls, so any frame can be redrawn or printed.
 * A view that cannot show everything in its rectangle says what it left out.
 */
#ifndef PYDIVE_VIEW_VIEWS_H
#define PYDIVE_VIEW_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "sim/looplog.h"
#include "sim/vmsched.h"
#include "view/canvas.h"
#include "view/snapshot.h"

typedef struct ArenaMapOptions {
    int scroll;         /* first arena row shown */
    bool class_letters; /* pools as size-class letters instead of fullness shades */
    bool wide;          /* two columns a pool, for a projector (presenter mode) */
} ArenaMapOptions;

void view_arena_map(const HeapSnapshot *s, const ArenaMapOptions *o, Canvas *cv, Rect r);
void view_pool_zoom(const SnapPoolDetail *d, Canvas *cv, Rect r);
/* blocks: the block maxima of samples (MEM_BLOCK), or NULL to read every
 * sample; every block wholly inside the first n samples must be current. */
void view_memory_chart(const MemSample *samples, const MemSample *blocks, size_t n, Canvas *cv,
                       Rect r);

typedef struct GraphOptions {
    int scroll_x, scroll_y; /* in columns and rows of the laid-out graph */
    uint32_t focus;         /* object id to centre on and highlight; 0 = none */
    bool neighbours_only;   /* show only the focus and its direct neighbours */
} GraphOptions;

void view_object_graph(const HeapSnapshot *s, const GraphOptions *o, Canvas *cv, Rect r);
/* The laid-out graph's size in cells (what scroll_x, scroll_y move over). */
void view_object_graph_extent(const HeapSnapshot *s, const GraphOptions *o, int *w, int *h);
void view_gc(const HeapSnapshot *s, Canvas *cv, Rect r);
/* The program's threads over simulated time (view_threads.c); profile is the
 * profile's name ("3.13t" says threads still take turns there). */
void view_threads(const VmSched *v, const char *profile, Canvas *cv, Rect r);
/* The asyncio loop's tasks over simulated time (view_loop.c); l NULL before
 * asyncio is used. */
void view_loop(const LoopLog *l, Canvas *cv, Rect r);

/* "512 B", "1.5 KiB", "3.0 MiB" into out (at least 16 bytes). */
void format_bytes(uint64_t n, char *out, size_t len);

#endif
