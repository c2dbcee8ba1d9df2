/*
 * Golden frames for the memory and collector views, drawn from snapshots
 * built by hand (the shapes of the oracle programs), in UTF-8 and ASCII.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "view/canvas.h"
#include "view/views.h"

static char *frame(int w, int h, bool ascii, void (*draw)(Canvas *, void *), void *arg)
{
    Canvas *cv = canvas_new(w, h, ascii);
    draw(cv, arg);
    Buf out = {0};
    canvas_to_text(cv, &out);
    canvas_free(cv);
    if (getenv("SHOW_FRAMES")) /* SHOW_FRAMES=1 prints every frame, to review */
        fprintf(stderr, "----- %dx%d\n%s", w, h, buf_str(&out));
    return buf_take(&out);
}

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* ---- arena map: two live arenas, one returned ---------------------------- */

static SnapPool pools_a[8], pools_b[8];
static SnapArena arenas[3];
static HeapSnapshot arena_snap;

static void build_arenas(void)
{
    for (int i = 0; i < 8; i++) {
        pools_a[i] = (SnapPool){.size_class = (uint8_t)i, .used = (uint16_t)(i * 2), .capacity = 14};
        pools_b[i] = (SnapPool){.size_class = SNAP_CLASS_NONE};
    }
    pools_a[7].used = 14; /* full */
    pools_b[0] = (SnapPool){.size_class = 3, .used = 1, .capacity = 200};
    arenas[0] = (SnapArena){true, 0, pools_a, 8};
    arenas[1] = (SnapArena){true, 1, pools_b, 8};
    arenas[2] = (SnapArena){false, 2, NULL, 0};
    arena_snap = (HeapSnapshot){.arenas = arenas, .narenas = 3, .touched_arena = 1,
                                .touched_pool = 0, .held_bytes = 2u << 20, .live_bytes = 4096,
                                .collecting = -1};
}

static void draw_arena(Canvas *cv, void *arg)
{
    view_arena_map(&arena_snap, arg, cv, (Rect){0, 0, cv->w, cv->h});
}

static void arena_map_golden_ascii(void **state)
{
    (void)state;
    build_arenas();
    ArenaMapOptions o = {0};
    char *got = frame(40, 6, true, draw_arena, &o);
    /* Pool i of A0 holds 2i of 14 blocks: empty, some, some, >1/3, >1/3,
     * >2/3, >2/3, full.  A1's first pool is the one just touched. */
    const char *want = "Arenas: 2 in use, 1 returned - 8 pool...\n"
                       "pools: # full  + >2/3  = >1/3  - some  .\n"
                       "A0   .--==++#\n"
                       "A1   -.......\n"
                       "A2   returned to the operating system\n"
                       "\n";
    assert_string_equal(got, want);
    free(got);
}

static void arena_map_letters_and_utf8(void **state)
{
    (void)state;
    build_arenas();
    ArenaMapOptions o = {.class_letters = true};
    char *got = frame(60, 6, false, draw_arena, &o);
    assert_non_null(strstr(got, "A0   \xc2\xb7" "bcdefgh")); /* pool 0 is empty: a dot */
    assert_non_null(strstr(got, "A1   d" "\xc2\xb7"));
    assert_non_null(strstr(got, "2.0 MiB held"));
    free(got);
}

static void arena_map_says_what_it_omits(void **state)
{
    (void)state;
    build_arenas();
    ArenaMapOptions o = {0};
    char *got = frame(40, 4, true, draw_arena, &o);
    assert_non_null(strstr(got, "more arena(s) below"));
    free(got);
}

/* ---- memory chart --------------------------------------------------------- */

static MemSample samples[40];

static void draw_chart(Canvas *cv, void *arg)
{
    (void)arg;
    view_memory_chart(samples, NULL, 40, cv, (Rect){0, 0, cv->w, cv->h});
}

static void memory_chart_shows_the_gap(void **state)
{
    (void)state;
    /* A big list built then deleted: live falls, held stays (s13's shape). */
    for (uint32_t i = 0; i < 40; i++) {
        uint64_t live = i < 20 ? (uint64_t)i * 100000 : 20000;
        samples[i] = (MemSample){i, live, i < 20 ? live + 50000 : 2050000};
    }
    char *got = frame(60, 12, true, draw_chart, NULL);
    assert_non_null(strstr(got, "held but unused"));
    assert_non_null(strstr(got, "step 0"));
    assert_non_null(strstr(got, "step 39"));
    /* Late columns are mostly the "held, not live" shade. */
    int held_cells = count_of(got, "-"), live_cells = count_of(got, "#");
    assert_true(held_cells > 40);
    assert_true(live_cells > 20);
    free(got);
}

/* A short run fills the panel: 4 samples in a 60-column chart are wide bars,
 * not 4 one-column bars at the left edge (issue 22). */
static void draw_short_chart(Canvas *cv, void *arg)
{
    (void)arg;
    view_memory_chart(samples, NULL, 4, cv, (Rect){0, 0, cv->w, cv->h});
}

static void memory_chart_uses_its_panel(void **state)
{
    (void)state;
    for (uint32_t i = 0; i < 4; i++)
        samples[i] = (MemSample){i, 100000, 200000};
    char *got = frame(60, 12, true, draw_short_chart, NULL);
    /* a row of the live area: the bars span the plot's 50 columns, not 4 */
    int widest = 0;
    for (const char *l = got; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        int n = 0;
        for (const char *c = l; *c && *c != '\n'; c++)
            n += *c == '#';
        widest = n > widest ? n : widest;
    }
    assert_true(widest >= 40);
    free(got);
}

/* ---- object graph: a two-list cycle and a named list --------------------- */

static SnapObject objs[4];
static SnapEdge edges[4];
static SnapName names[2];
static HeapSnapshot graph_snap;

static void build_graph(void)
{
    objs[0] = (SnapObject){.id = 10, .type = "list", .label = "[[...]]", .refcount = 2, .size = 64,
                           .tracked = true, .generation = 0, .gc_refs = INT64_MIN};
    objs[1] = (SnapObject){.id = 11, .type = "list", .label = "[[...]]", .refcount = 1, .size = 64,
                           .tracked = true, .generation = 0, .gc_refs = INT64_MIN};
    objs[2] = (SnapObject){.id = 12, .type = "list", .label = "[]", .refcount = 1, .size = 56,
                           .tracked = true, .generation = 0, .gc_refs = INT64_MIN};
    objs[3] = (SnapObject){.id = 13, .type = "list", .label = "[[...]]", .refcount = 1, .size = 64,
                           .tracked = true, .generation = 0, .gc_refs = INT64_MIN,
                           .state = SNAP_GARBAGE};
    edges[0] = (SnapEdge){10, 11, "[0]"};
    edges[1] = (SnapEdge){11, 10, "[0]"};
    edges[2] = (SnapEdge){13, 13, "[0]"}; /* a self-cycle nobody names: garbage */
    names[0] = (SnapName){"a", 10, ""};
    names[1] = (SnapName){"empty", 12, ""};
    graph_snap = (HeapSnapshot){.objs = objs, .nobjs = 4, .edges = edges, .nedges = 3,
                                .names = names, .nnames = 2, .collecting = -1};
}

static void draw_graph(Canvas *cv, void *arg)
{
    view_object_graph(&graph_snap, arg, cv, (Rect){0, 0, cv->w, cv->h});
}

static void graph_marks_cycles_and_garbage(void **state)
{
    (void)state;
    build_graph();
    GraphOptions o = {0};
    char *got = frame(80, 20, true, draw_graph, &o);
    assert_non_null(strstr(got, "Objects: 4 shown, 1 garbage (x), 3 on a cycle (@)"));
    /* The names, in the globals' frame: a is #1, empty #2, what a refers to #3. */
    assert_non_null(strstr(got, "Globals"));
    assert_non_null(strstr(got, "|a ---------->|[[...]]"));
    assert_non_null(strstr(got, "|empty ------>|[]"));
    /* Every reference is a line into its target's refs row: #1 -> #3 across,
     * the back reference #3 -> #1 and the garbage's own loop #4 -> #4 through
     * the gaps above their rows. */
    assert_non_null(strstr(got, "+-->|refs @#1"));
    assert_int_equal(count_of(got, "->|refs"), 3);
    assert_non_null(strstr(got, "x#4 list"));  /* the unnamed self-cycle is garbage */
    assert_non_null(strstr(got, "refs @#4"));
    free(got);
    /* The same in UTF-8: a line that only crosses another hops it (no 4-way
     * junction), and the arrowheads are solid. */
    got = frame(80, 20, false, draw_graph, &o);
    assert_int_equal(count_of(got, "\xe2\x94\xbc"), 0); /* no junction of four */
    assert_int_equal(count_of(got, "\xe2\x96\xb6\xe2\x94\x82refs"), 3);
    free(got);
}

/* Python Tutor's stack: the globals, then a call with its locals.  A local
 * naming what a global already names gets a line up to it; a value with no
 * box (None) is written beside its name. */
static void graph_shows_frames_and_locals(void **state)
{
    (void)state;
    build_graph();
    static SnapName fnames[5];
    fnames[0] = (SnapName){"a", 10, ""};
    fnames[1] = (SnapName){"nothing", 0, "None"};
    fnames[2] = (SnapName){"empty", 12, ""};
    fnames[3] = (SnapName){"node", 10, ""}; /* in link(): the object a names */
    fnames[4] = (SnapName){"flag", 0, "True"};
    static SnapFrame frames[2] = {{"Globals", 0, 3}, {"link", 3, 2}};
    graph_snap.names = fnames;
    graph_snap.nnames = 5;
    graph_snap.frames = frames;
    graph_snap.nframes = 2;
    GraphOptions o = {0};
    char *got = frame(80, 24, true, draw_graph, &o);
    assert_non_null(strstr(got, "Globals"));
    assert_non_null(strstr(got, "|nothing None"));
    assert_non_null(strstr(got, "\nlink"));
    assert_non_null(strstr(got, "|flag True"));
    /* node's line leaves its row and climbs a lane of the first gutter */
    const char *at = strstr(got, "|node -");
    assert_non_null(at);
    const char *eol = strchr(at, '\n');
    assert_non_null(memchr(at, '+', (size_t)(eol - at)));
    assert_null(memchr(at, '>', (size_t)(eol - at)));
    /* Neither frame's names are lost at 200x60, nor are the lines cut. */
    free(got);
    got = frame(200, 60, false, draw_graph, &o);
    assert_non_null(strstr(got, "node"));
    assert_int_equal(count_of(got, "\xe2\x94\xbc"), 0);
    free(got);
}

static void graph_focus_shows_neighbours_only(void **state)
{
    (void)state;
    build_graph();
    GraphOptions o = {.focus = 11, .neighbours_only = true};
    char *got = frame(80, 20, false, draw_graph, &o);
    assert_non_null(strstr(got, "Objects: 2 shown"));
    assert_non_null(strstr(got, "\xe2\x96\xb8#2 list")); /* the focus is marked */
    free(got);
}

/* Ten children that each refer back to their parent (tree.parent): the ten
 * back references share one bus and one track into the parent, so none is
 * left as text and the parent gets one arrowhead, not ten. */
static void graph_back_references_share_a_line(void **state)
{
    (void)state;
    static SnapObject tree[12];
    static SnapEdge links[21];
    size_t ne = 0;
    tree[0] = (SnapObject){.id = 1, .type = "Node", .label = "<root>", .refcount = 11,
                           .size = 56, .generation = 0, .gc_refs = INT64_MIN};
    tree[1] = (SnapObject){.id = 2, .type = "list", .label = "[10 items]", .refcount = 1,
                           .size = 184, .generation = 0, .gc_refs = INT64_MIN};
    links[ne++] = (SnapEdge){1, 2, ".kids"};
    for (uint32_t i = 0; i < 10; i++) {
        tree[2 + i] = (SnapObject){.id = 3 + i, .type = "Node", .refcount = 1, .size = 56,
                                   .generation = 0, .gc_refs = INT64_MIN};
        snprintf(tree[2 + i].label, sizeof tree[2 + i].label, "<kid %u>", i);
        links[ne++] = (SnapEdge){2, 3 + i, "[i]"};
        links[ne++] = (SnapEdge){3 + i, 1, ".parent"};
    }
    SnapName root = {"root", 1, ""};
    graph_snap = (HeapSnapshot){.objs = tree, .nobjs = 12, .edges = links, .nedges = ne,
                                .names = &root, .nnames = 1, .collecting = -1};
    GraphOptions o = {0};
    char *got = frame(120, 70, false, draw_graph, &o);
    assert_null(strstr(got, "refs as text"));
    assert_int_equal(count_of(got, "\xe2\x96\xb6\xe2\x94\x82refs"), 12); /* 10 kids, list, root */
    assert_int_equal(count_of(got, "\xe2\x94\xbc"), 0);
    free(got);
}

/* A name and a repr out of ASCII: drawn as characters, not as bytes, and
 * the name's line starts right after it. */
static void graph_draws_utf8_names(void **state)
{
    (void)state;
    build_graph();
    objs[2].label[0] = '\0';
    strcpy(objs[2].label, "'h\xc3\xa9llo'");
    static SnapName un[1];
    un[0] = (SnapName){"n\xc3\xa4me", 12, ""};
    graph_snap.names = un;
    graph_snap.nnames = 1;
    GraphOptions o = {0};
    char *got = frame(80, 20, false, draw_graph, &o);
    assert_non_null(strstr(got, "n\xc3\xa4me \xe2\x94\x80"));   /* "näme ─" */
    assert_non_null(strstr(got, "'h\xc3\xa9llo'"));
    free(got);
    got = frame(80, 20, true, draw_graph, &o);
    assert_null(strchr(got, '\xc3'));                     /* nothing but ASCII */
    assert_non_null(strstr(got, "'hello'"));
    free(got);
}

/* Twelve names for one object: a line each would fill the gutter with
 * lanes, so past GRAPH_NAME_LANES the names carry the object's #tag. */
static void graph_names_fall_back_to_tags(void **state)
{
    (void)state;
    build_graph();
    static SnapName many[12];
    for (int i = 0; i < 12; i++) {
        many[i] = (SnapName){"", 10, ""};
        snprintf(many[i].name, sizeof many[i].name, "a%d", i);
    }
    graph_snap.names = many;
    graph_snap.nnames = 12;
    GraphOptions o = {0};
    char *got = frame(100, 30, true, draw_graph, &o);
    assert_non_null(strstr(got, "|a0 --"));   /* the first: a straight line */
    assert_non_null(strstr(got, "|a11 #1"));  /* the last: the tag */
    assert_null(strstr(got, "|a1 #1"));       /* the second still has its line */
    free(got);
}

static void graph_scales_and_scrolls(void **state)
{
    (void)state;
    /* 40 objects in a chain: the view scrolls and says so. */
    static SnapObject many[40];
    static SnapEdge chain[39];
    for (uint32_t i = 0; i < 40; i++) {
        many[i] = (SnapObject){.id = i + 1, .type = "Node", .refcount = 1, .size = 56,
                               .generation = 0, .gc_refs = INT64_MIN};
        snprintf(many[i].label, sizeof many[i].label, "<Node %u>", i);
        if (i)
            chain[i - 1] = (SnapEdge){i, i + 1, ".next"};
    }
    SnapName head = {"head", 1, ""};
    HeapSnapshot s = {.objs = many, .nobjs = 40, .edges = chain, .nedges = 39, .names = &head,
                      .nnames = 1, .collecting = -1};
    graph_snap = s;
    GraphOptions o = {0};
    char *got = frame(80, 20, true, draw_graph, &o);
    assert_non_null(strstr(got, "more >"));
    free(got);
    o.focus = 40; /* the last node scrolls into view */
    got = frame(80, 20, true, draw_graph, &o);
    assert_non_null(strstr(got, "<Node 39>"));
    assert_non_null(strstr(got, "more <"));
    free(got);
}

/* ---- collector ------------------------------------------------------------ */

static void draw_gc(Canvas *cv, void *arg)
{
    (void)arg;
    view_gc(&graph_snap, cv, (Rect){0, 0, cv->w, cv->h});
}

static void gc_view_follows_phases(void **state)
{
    (void)state;
    build_graph();
    graph_snap.gen[0] = (SnapGen){699, 700};
    graph_snap.gen[1] = (SnapGen){3, 10};
    graph_snap.gen[2] = (SnapGen){0, 10};
    char *got = frame(70, 20, true, draw_gc, NULL);
    assert_non_null(strstr(got, "699/700"));
    assert_non_null(strstr(got, "Phase: idle"));
    free(got);

    graph_snap.phase = SNAP_PHASE_SPLIT;
    graph_snap.collecting = 0;
    objs[0].gc_refs = 1; /* named by 'a' */
    objs[1].gc_refs = 0;
    objs[3].gc_refs = 0;
    objs[3].state = SNAP_UNREACHABLE;
    got = frame(70, 20, true, draw_gc, NULL);
    assert_non_null(strstr(got, ">3 split reachable"));
    assert_non_null(strstr(got, "UNREACHABLE"));
    assert_non_null(strstr(got, "reachable"));
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arena_map_golden_ascii),
        cmocka_unit_test(arena_map_letters_and_utf8),
        cmocka_unit_test(arena_map_says_what_it_omits),
        cmocka_unit_test(memory_chart_shows_the_gap),
        cmocka_unit_test(memory_chart_uses_its_panel),
        cmocka_unit_test(graph_marks_cycles_and_garbage),
        cmocka_unit_test(graph_focus_shows_neighbours_only),
        cmocka_unit_test(graph_shows_frames_and_locals),
        cmocka_unit_test(graph_back_references_share_a_line),
        cmocka_unit_test(graph_draws_utf8_names),
        cmocka_unit_test(graph_names_fall_back_to_tags),
        cmocka_unit_test(graph_scales_and_scrolls),
        cmocka_unit_test(gc_view_follows_phases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
