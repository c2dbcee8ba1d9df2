/*
 * labs: the views of the line-driven models (lab/lab.h), one row per lab.
 *
 * Like every view, a lab view is a function from the model as it is now and
 * a rectangle to cells; it keeps no state between calls, so any frame can be
 * redrawn or printed (`pydive render lab --program F --model M --step N`).
 * A view that cannot show everything in its rectangle says what it left out.
 */
#ifndef PYDIVE_VIEW_LABS_H
#define PYDIVE_VIEW_LABS_H

#include <stdbool.h>

#include "lab/lab.h"
#include "view/canvas.h"

typedef struct LabViewOptions {
    int page;   /* which of the lab's views, when it has several (Tab cycles) */
    int scroll; /* first row of a scrolling view */
    bool wide;  /* presenter mode: bigger marks */
} LabViewOptions;

typedef struct LabView {
    const char *name;     /* the LabClass name */
    int npages;           /* views the lab offers (at least 1) */
    const char *const *page_names; /* npages names, for the tab bar */
    void (*draw)(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r);
} LabView;

const LabView *lab_view_find(const char *name);

/* Rows, one file each: view/lab_NAME_view.c */
extern const LabView lab_gil_view;
extern const LabView lab_flywheel_view;
extern const LabView lab_capi_view;
extern const LabView lab_roadmap_view;
extern const LabView lab_loop_view;

#endif
