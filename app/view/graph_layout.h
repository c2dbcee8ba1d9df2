/*
 * graph_layout: places the frames and objects of a snapshot for the
 * object-graph view, and routes every reference as a line, as Python Tutor
 * draws a program's stack and heap.
 *
 * The frames (globals, then each active call) go in a panel on the left,
 * one row per name.  Objects named by a frame go in the first column;
 * everything else sits one column right of the first object found to refer
 * to it (breadth-first), so reading left to right follows references.
 * Objects no name reaches (garbage waiting for the collector) start columns
 * of their own below.  Strongly connected components with more than one
 * object, or a reference to itself, are cycles; their objects are flagged.
 *
 * Lines are orthogonal runs.  Each object leaves by one port (the right side
 * of its label row) into a lane of the gutter to its right, a vertical bus
 * from which its references branch: to the next column straight across,
 * to any other column (back references, cycles, longer jumps) along a track
 * in the gap above the target's row and down a lane of the gutter left of
 * the target.  References arrive at the left side of a box's refs row,
 * names at its label row.  Lanes that overlap in height never share a
 * gutter column, and tracks that overlap in width never share a gap row, so
 * a junction glyph always means a branch; where two lines only cross, the
 * view draws the horizontal one through (a hop).  What would not fit (more
 * than GRAPH_TRACKS_MAX tracks in a gap, or GRAPH_NAME_LANES names' lanes)
 * stays text: the #tag in the box's refs row, or beside the name.
 * Internal to app/view.
 */
#ifndef PYDIVE_VIEW_GRAPH_LAYOUT_H
#define PYDIVE_VIEW_GRAPH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view/snapshot.h"

#define GRAPH_BOX_W 22
#define GRAPH_BOX_H 4
#define GRAPH_TRACKS_MAX 4  /* tracks in one gap between rows of boxes */
#define GRAPH_NAME_LANES 8  /* lanes for names' lines in the first gutter */
#define GRAPH_FRAMES_W 24   /* the frames panel's widest */

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

/* One run of a line, ends included: horizontal (y0 == y1) or vertical. */
typedef struct GraphSeg {
    int x0, y0, x1, y1;
    int net; /* the line it belongs to: see graph_net_node */
} GraphSeg;

/* An arrowhead (pointing right, into a box) at x, y. */
typedef struct GraphArrow {
    int x, y, net;
} GraphArrow;

/* A row of the frames panel: a frame's title, or one of its names. */
typedef enum GraphLabelKind { GRAPH_TITLE, GRAPH_NAME, GRAPH_HIDDEN_CALLS } GraphLabelKind;
typedef struct GraphLabel {
    GraphLabelKind kind;
    int y;
    size_t index;  /* TITLE: frame (or -1 as SIZE_MAX: the implicit globals); NAME: name */
    int node;      /* NAME: the node it names, -1 none (an inline value) */
    bool as_text;  /* NAME: its line would not fit: the node's #tag beside it */
    int bar_to;    /* TITLE: last row of its frame (the bar beside its names) */
} GraphLabel;

typedef struct GraphLayout {
    GraphNode *nodes; /* in layout order */
    size_t n;
    int *node_of_obj; /* [nobjs] -> index into nodes, -1 = not shown */
    GraphIdIndex *ids; /* sorted by id, for lookups */
    size_t nids;
    int *edge_start;  /* outgoing references of object i (snapshot index): */
    int *edge_to;     /* edge_to[edge_start[i] .. edge_start[i+1]) */
    /* the routed lines */
    GraphSeg *segs;
    size_t nsegs;
    GraphArrow *arrows;
    size_t narrows;
    size_t text_refs; /* references left as text in a refs row (no room for a track) */
    /* the frames panel */
    GraphLabel *labels;
    size_t nlabels;
    int frames_w;     /* its width, 0 with no names */
    int width, height;
} GraphLayout;

/* Lays out the snapshot; with `only_around` nonzero, just that object and
 * its direct neighbours (and the names of those). */
void graph_layout(const HeapSnapshot *s, uint32_t only_around, GraphLayout *out);
void graph_layout_fini(GraphLayout *g);
/* The node showing object `id`, or -1. */
int graph_node_of_id(const GraphLayout *g, uint32_t id);
/* The node whose reference a net draws (its out-bus, or its entry lane),
 * or -1 for a name's line. */
int graph_net_node(const GraphLayout *g, int net);

/* Columns UTF-8 text takes on screen (a name may be näme). */
int graph_text_cols(const char *s);

/* graph_route.c: places the frames panel, tracks, lanes and columns, and
 * fills segs, arrows, labels and every node's x and y (the grid is set). */
void graph_route(const HeapSnapshot *s, GraphLayout *g, const bool *keep_obj, bool focused);

#endif
