/*
 * graph_layout: places the objects of a snapshot for the object-graph view.
 *
 * Objects named by the program go in the first column; everything else sits
 * one column right of the first object found to refer to it (breadth-first),
 * so reading left to right follows references.  Objects no name reaches
 * (garbage waiting for the collector) start columns of their own below.
 * Strongly connected components with more than one object, or a reference
 * to itself, are cycles; their objects are flagged.  Internal to app/view.
 */
#ifndef PYDIVE_VIEW_GRAPH_LAYOUT_H
#define PYDIVE_VIEW_GRAPH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view/snapshot.h"

#define GRAPH_BOX_W 22
#define GRAPH_BOX_H 4
#define GRAPH_GAP_Y 1
#define GRAPH_GUTTER 9

typedef struct GraphNode {
    size_t obj;       /* index into snapshot objs */
    int col, row;     /* grid position */
    int x, y;         /* top-left in the laid-out plane */
    int tag;          /* the #n shown on the box (1-based, in layout order) */
    bool in_cycle;
    bool named_reach; /* reachable from a program name */
} GraphNode;

typedef struct GraphIdIndex {
    uint32_t id;
    int obj;
} GraphIdIndex;

typedef struct GraphLayout {
    GraphNode *nodes; /* in layout order */
    size_t n;
    int *node_of_obj; /* [nobjs] -> index into nodes, -1 = not shown */
    GraphIdIndex *ids; /* sorted by id, for lookups */
    size_t nids;
    int *edge_start;  /* outgoing references of object i (snapshot index): */
    int *edge_to;     /* edge_to[edge_start[i] .. edge_start[i+1]) */
    int names_w;      /* width of the names column */
    int width, height;
} GraphLayout;

/* Lays out the snapshot; with `only_around` nonzero, just that object and
 * its direct neighbours. */
void graph_layout(const HeapSnapshot *s, uint32_t only_around, GraphLayout *out);
void graph_layout_fini(GraphLayout *g);
/* The node showing object `id`, or -1. */
int graph_node_of_id(const GraphLayout *g, uint32_t id);

#endif
