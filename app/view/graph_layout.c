/*
 * graph_layout: columns by breadth-first depth, cycles by Tarjan's strongly
 * connected components (iterative, so a long chain cannot overflow the C
 * stack).  The lines are graph_route.c's.  See graph_layout.h.
 */
#include "view/graph_layout.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

typedef GraphIdIndex IdIndex;

static int cmp_id(const void *a, const void *b)
{
    uint32_t x = ((const IdIndex *)a)->id, y = ((const IdIndex *)b)->id;
    return x < y ? -1 : x > y;
}

static int find_obj(const IdIndex *ix, size_t n, uint32_t id)
{
    IdIndex key = {id, 0};
    const IdIndex *hit = bsearch(&key, ix, n, sizeof *ix, cmp_id);
    return hit ? hit->obj : -1;
}

/* Object ids to their place in the snapshot, by open addressing: the
 * layout looks up both ends of every edge, and a sorted array's bsearch
 * was most of a frame's cost at 2,000 objects.  Id 0 (NULL) marks a free
 * slot. */
typedef struct IdHash {
    uint32_t *key;
    int *obj;
    size_t mask;
} IdHash;

static size_t id_slot(const IdHash *h, uint32_t id)
{
    size_t i = (id * 0x9E3779B1u) & h->mask;
    while (h->key[i] && h->key[i] != id)
        i = (i + 1) & h->mask;
    return i;
}

static void id_hash_build(IdHash *h, const HeapSnapshot *s)
{
    size_t size = 16;
    while (size < 2 * s->nobjs)
        size *= 2;
    h->mask = size - 1;
    h->key = xcalloc(size, sizeof *h->key);
    h->obj = xmalloc(size * sizeof *h->obj);
    for (size_t i = 0; i < s->nobjs; i++) {
        size_t at = id_slot(h, s->objs[i].id);
        if (!h->key[at]) { /* the first of two equal ids wins, as bsearch found one */
            h->key[at] = s->objs[i].id;
            h->obj[at] = (int)i;
        }
    }
}

static int id_find(const IdHash *h, uint32_t id)
{
    size_t at = id_slot(h, id);
    return id && h->key[at] ? h->obj[at] : -1;
}

static void id_hash_fini(IdHash *h)
{
    free(h->key);
    free(h->obj);
}

/* Outgoing edges as compressed rows: targets of object i are
 * adj[start[i] .. start[i+1]). */
typedef struct Adjacency {
    int *start;
    int *adj;
} Adjacency;

static void build_adjacency(const HeapSnapshot *s, const IdHash *h, Adjacency *a)
{
    a->start = xcalloc(s->nobjs + 1, sizeof *a->start);
    a->adj = xcalloc(s->nedges + 1, sizeof *a->adj);
    int *ends = xmalloc((2 * s->nedges + 1) * sizeof *ends); /* each edge's two places */
    for (size_t e = 0; e < s->nedges; e++) {
        ends[2 * e] = id_find(h, s->edges[e].from);
        ends[2 * e + 1] = id_find(h, s->edges[e].to);
        if (ends[2 * e] >= 0 && ends[2 * e + 1] >= 0)
            a->start[ends[2 * e] + 1]++;
    }
    for (size_t i = 0; i < s->nobjs; i++)
        a->start[i + 1] += a->start[i];
    int *fill = xcalloc(s->nobjs + 1, sizeof *fill);
    for (size_t e = 0; e < s->nedges; e++) {
        int from = ends[2 * e], to = ends[2 * e + 1];
        if (from >= 0 && to >= 0)
            a->adj[a->start[from] + fill[from]++] = to;
    }
    free(fill);
    free(ends);
}

/* Tarjan's algorithm without recursion: marks objects on a cycle. */
static void mark_cycles(size_t n, const Adjacency *a, bool *cyc)
{
    int *index = xmalloc(n * sizeof *index), *low = xmalloc(n * sizeof *low);
    int *stack = xmalloc(n * sizeof *stack), *next = xmalloc(n * sizeof *next);
    int *call = xmalloc(n * sizeof *call);
    bool *on = xcalloc(n, sizeof *on);
    for (size_t i = 0; i < n; i++)
        index[i] = -1;
    int counter = 0, sp = 0;
    for (size_t root = 0; root < n; root++) {
        if (index[root] >= 0)
            continue;
        int depth = 0;
        call[depth++] = (int)root;
        index[root] = low[root] = counter++;
        next[root] = a->start[root];
        stack[sp++] = (int)root;
        on[root] = true;
        while (depth > 0) {
            int v = call[depth - 1];
            if (next[v] < a->start[v + 1]) {
                int w = a->adj[next[v]++];
                if (w == v)
                    cyc[v] = true; /* refers to itself */
                if (index[w] < 0) {
                    index[w] = low[w] = counter++;
                    next[w] = a->start[w];
                    stack[sp++] = w;
                    on[w] = true;
                    call[depth++] = w;
                } else if (on[w] && index[w] < low[v]) {
                    low[v] = index[w];
                }
                continue;
            }
            if (low[v] == index[v]) { /* v roots a component: pop it */
                int size = 0, top = sp;
                do {
                    on[stack[--sp]] = false;
                    size++;
                } while (stack[sp] != v);
                if (size > 1)
                    for (int k = sp; k < top; k++)
                        cyc[stack[k]] = true;
            }
            depth--;
            if (depth > 0) {
                int u = call[depth - 1];
                if (low[v] < low[u])
                    low[u] = low[v];
            }
        }
    }
    free(index), free(low), free(stack), free(next), free(call), free(on);
}

void graph_layout(const HeapSnapshot *s, uint32_t only_around, GraphLayout *out)
{
    *out = (GraphLayout){0};
    size_t n = s->nobjs;
    out->node_of_obj = xmalloc((n + 1) * sizeof *out->node_of_obj);
    for (size_t i = 0; i < n; i++)
        out->node_of_obj[i] = -1;
    IdIndex *ix = xmalloc((n + 1) * sizeof *ix);
    for (size_t i = 0; i < n; i++)
        ix[i] = (IdIndex){s->objs[i].id, (int)i};
    qsort(ix, n, sizeof *ix, cmp_id);
    IdHash h;
    id_hash_build(&h, s);
    Adjacency a;
    build_adjacency(s, &h, &a);

    /* Which objects take part: all, or the focus and its neighbours. */
    bool *keep = xcalloc(n + 1, sizeof *keep);
    int focus = only_around ? id_find(&h, only_around) : -1;
    for (size_t i = 0; i < n; i++)
        keep[i] = focus < 0;
    if (focus >= 0) {
        keep[focus] = true;
        for (int k = a.start[focus]; k < a.start[focus + 1]; k++)
            keep[a.adj[k]] = true;
        for (size_t i = 0; i < n; i++)
            for (int k = a.start[i]; k < a.start[i + 1]; k++)
                if (a.adj[k] == focus)
                    keep[i] = true;
    }

    bool *cyc = xcalloc(n + 1, sizeof *cyc);
    mark_cycles(n, &a, cyc);

    /* Breadth-first from the names, then from whatever is left. */
    int *col = xmalloc((n + 1) * sizeof *col);
    bool *named = xcalloc(n + 1, sizeof *named);
    int *queue = xmalloc((n + 1) * sizeof *queue);
    size_t qh = 0, qt = 0;
    for (size_t i = 0; i < n; i++)
        col[i] = -1;
    for (size_t k = 0; k < s->nnames; k++) {
        int o = id_find(&h, s->names[k].obj);
        if (o >= 0 && keep[o] && col[o] < 0) {
            col[o] = 0;
            queue[qt++] = o;
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        for (size_t seed = 0;; seed++) {
            while (qh < qt) {
                int v = queue[qh++];
                if (pass == 0)
                    named[v] = true;
                for (int k = a.start[v]; k < a.start[v + 1]; k++) {
                    int w = a.adj[k];
                    if (keep[w] && col[w] < 0) {
                        col[w] = col[v] + 1;
                        queue[qt++] = w;
                    }
                }
            }
            if (pass == 0)
                break;
            while (seed < n && (!keep[seed] || col[seed] >= 0))
                seed++;
            if (seed >= n)
                break;
            col[seed] = 0;
            queue[qt++] = (int)seed;
        }
    }

    /* Rows in discovery order within each column; unnamed groups go below.
     * Where each goes on the plane, graph_route decides. */
    int maxcol = 0;
    for (size_t k = 0; k < qt; k++)
        if (col[queue[k]] > maxcol)
            maxcol = col[queue[k]];
    int *rows = xcalloc((size_t)maxcol + 2, sizeof *rows);
    out->nodes = xcalloc(qt + 1, sizeof *out->nodes);
    for (size_t k = 0; k < qt; k++) {
        int v = queue[k];
        GraphNode *g = &out->nodes[out->n];
        g->obj = (size_t)v;
        g->col = col[v];
        g->row = rows[col[v]]++;
        g->tag = (int)out->n + 1;
        g->in_cycle = cyc[v];
        g->named_reach = named[v];
        out->node_of_obj[v] = (int)out->n++;
    }
    free(rows), free(queue), free(named), free(col), free(cyc);
    id_hash_fini(&h);
    out->ids = ix;
    out->nids = n;
    out->edge_start = a.start;
    out->edge_to = a.adj;
    graph_route(s, out, keep, focus >= 0);
    free(keep);
}

int graph_node_of_id(const GraphLayout *g, uint32_t id)
{
    int obj = find_obj(g->ids, g->nids, id);
    return obj < 0 ? -1 : g->node_of_obj[obj];
}

int graph_net_node(const GraphLayout *g, int net)
{
    return net < (int)(2 * g->n) ? net % (int)g->n : -1;
}

void graph_layout_fini(GraphLayout *g)
{
    free(g->nodes);
    free(g->segs);
    free(g->arrows);
    free(g->labels);
    free(g->node_of_obj);
    free(g->ids);
    free(g->edge_start);
    free(g->edge_to);
    *g = (GraphLayout){0};
}
