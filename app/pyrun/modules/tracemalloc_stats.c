/*
 * tracemalloc_stats: the objects of Lib/tracemalloc.py on a snapshot's
 * traces — Snapshot.statistics() and compare_to() grouped by 'lineno',
 * 'filename' or 'traceback' (one frame: the same as 'lineno'), sorted as
 * Statistic._sort_key and StatisticDiff._sort_key sort them (reverse), and
 * the str() and repr() of Statistic, StatisticDiff, Traceback and Frame
 * with _format_size's units.  They are composite objects (sim/iter.c) of
 * the sizes sys.getsizeof gives CPython's; their own allocations are not
 * CPython's (see tracemalloc.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"

#define S (I->sim)
#define REFS(o) sim_iter_refs(S, o)

enum { SNAP_INDEX };                                    /* Snapshot: ints */
enum { ST_TB };                                         /* Statistic, StatisticDiff: refs */
enum { ST_SIZE, ST_COUNT, ST_SIZE_DIFF, ST_COUNT_DIFF }; /* ints */
enum { TB_FRAMES };                                     /* Traceback: refs (a tuple of Frames) */
enum { FR_FILENAME };                                   /* Frame: refs */
enum { FR_LINENO };                                     /* ints */

static SimXType xt(PyRun *I, SimId o) { return sim_kind(S, o) == SK_ITER ? sim_xtype_of(S, o) : SIM_XT_NONE; }

/* A new instance of a class of Lib/tracemalloc.py whose __init__ stores
 * nattrs attributes: the bytes of its object and of its values (3.11, 3.12:
 * new_values; 3.13: inline, one block with the object), as sim_instance
 * sizes a program's (the class's shared keys lose a usable slot per
 * instance, its first instance's attributes take theirs) */
static void lib_instance(PyRun *I, TmKeys *k, uint32_t nattrs, size_t *obj, size_t *values)
{
    if (!k->used) {
        k->used = true;
        k->nentries = 0;
        k->usable = 30; /* SHARED_KEYS_MAX_SIZE */
    }
    size_t cap = k->nentries + k->usable;
    if (k->usable > 1)
        k->usable--;
    size_t n = k->nentries + k->usable;
    size_t inst = S->prof->version == SIM_V311 ? 56 : 48;
    if (S->prof->inline_values) {
        *obj = inst + ((cap + 7) & ~(size_t)7) + 8 * (cap + 1);
        *values = 0;
    } else {
        *obj = inst;
        *values = ((n + 2 + 7) & ~(size_t)7) + 8 * n;
    }
    if (k->nentries == 0) { /* the first instance's __init__ adds the keys */
        k->nentries = nattrs;
        k->usable = k->usable > nattrs ? k->usable - nattrs : 1;
    }
}

/* a block of n bytes traced at line of Lib/tracemalloc.py */
static PmPtr lib_block(PyRun *I, size_t n, uint32_t line)
{
    if (!n)
        return PM_NULL;
    PmPtr b = pm_alloc(&S->pm, n);
    sim_trace_set_where(S, b, TM_LIB | line);
    return b;
}

/* take_snapshot's Snapshot and its _Traces, instances of Lib/tracemalloc.py's
 * classes: their blocks are traced at its lines (the composite's own block
 * stands for the Snapshot object, three blocks of it for the rest) */
SimId tm_snapshot_new(PyRun *I, size_t snap, SimId traces_list)
{
    TmState *t = tm_state(I);
    size_t sobj, svalues, tobj, tvalues;
    lib_instance(I, &t->snapshot_keys, 2, &sobj, &svalues); /* traces, traceback_limit */
    PmTraceFn tr = sim_trace_pause(S);
    SimId o = iter_composite(I, SIM_XT_TM_SNAPSHOT, 1, 1, 3, true);
    sim_trace_resume(S, tr);
    if (!o) {
        sim_decref(S, traces_list);
        return 0;
    }
    REFS(o)[0] = traces_list; /* its _Traces' list of traces */
    sim_iter_set_int(S, o, SNAP_INDEX, (int64_t)snap);
    sim_trace_replace(S, sim_obj(S, o)->mem, sobj, PM_NULL);
    sim_trace_set_where(S, sim_obj(S, o)->mem, TM_LIB | TM_LINE_SNAPSHOT);
    sim_iter_set_block(S, o, 0, lib_block(I, svalues, TM_LINE_SNAPSHOT), 0);
    lib_instance(I, &t->traces_keys, 1, &tobj, &tvalues); /* _traces */
    sim_iter_set_block(S, o, 1, lib_block(I, tobj, TM_LINE_TRACES), 0);
    sim_iter_set_block(S, o, 2, lib_block(I, tvalues, TM_LINE_TRACES), 0);
    return o;
}

/* A Frame: of the program's file, of '<unknown>' (line 0), of code
 * compiled from a string (TM_STRING: '<string>'), or of Lib/tracemalloc.py
 * (TM_LIB: its filename is not known, 0) */
static SimId frame_new(PyRun *I, uint32_t line, bool file_key)
{
    SimId f = iter_composite(I, SIM_XT_TM_FRAME, 1, 1, 0, true);
    if (!f)
        return f;
    bool lib = line & TM_LIB, string = line & TM_STRING;
    line &= ~(TM_LIB | TM_STRING);
    const char *name = lib ? NULL : string ? "<string>" : line || file_key ? I->filename : "<unknown>";
    REFS(f)[FR_FILENAME] = name ? sim_str(S, name, strlen(name)) : 0;
    sim_iter_set_int(S, f, FR_LINENO, file_key ? 0 : line);
    return f;
}

static bool refuse_lib_name(PyRun *I)
{
    return py_not_modelled(I, 0, "the file name of a frame in CPython's Lib/tracemalloc.py (where it "
                                 "is installed)");
}

SimId tm_traceback_new(PyRun *I, uint32_t line, bool file_key)
{
    SimId tb = iter_composite(I, SIM_XT_TM_TRACEBACK, 1, 0, 0, true);
    if (sim_nomem(S))
        return tb;
    SimId frames = sim_tuple(S, 1);
    sim_tuple_set(S, frames, 0, frame_new(I, line, file_key));
    REFS(tb)[TB_FRAMES] = frames;
    return tb;
}

/* ---- grouping ------------------------------------------------------------------------------- */

typedef struct Group {
    uint32_t key;     /* the line (0: '<unknown>'), or 1 for the program's file by filename */
    int64_t size, count, size_diff, count_diff;
} Group;

static const TmSnap *snap_of(PyRun *I, SimId snap)
{
    return &tm_state(I)->snaps[sim_iter_int(S, snap, SNAP_INDEX)];
}

static Group *find_group(Group **g, size_t *n, size_t *cap, uint32_t key)
{
    for (size_t i = 0; i < *n; i++) /* few lines: a scan is enough */
        if ((*g)[i].key == key)
            return &(*g)[i];
    if (*n == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        *g = xrealloc(*g, *cap * sizeof **g);
    }
    (*g)[*n] = (Group){key, 0, 0, 0, 0};
    return &(*g)[(*n)++];
}

static size_t group_by(const TmSnap *sn, bool by_file, Group **out, size_t *cap, size_t n)
{
    for (size_t i = 0; i < sn->n; i++) {
        uint32_t w = sn->tr[i].where;
        uint32_t key = by_file ? (w ? (w & (TM_LIB | TM_STRING)) | 1 : 0) : w;
        Group *g = find_group(out, &n, cap, key);
        g->size += (int64_t)sn->tr[i].size;
        g->count++;
    }
    return n;
}

static bool sort_tie_unknown; /* two files whose order depends on CPython's install path met */

/* Traceback order: (filename, lineno).  '<unknown>' sorts after '<string>',
 * which sorts after Lib/tracemalloc.py's absolute path and against the
 * program's file as their names do; the program's file against
 * Lib/tracemalloc.py depends on where each is. */
static int tb_cmp(const PyRun *I, uint32_t a, uint32_t b)
{
    if ((a == 0) != (b == 0))
        return a == 0 ? 1 : -1;
    uint32_t fa = a & (TM_LIB | TM_STRING), fb = b & (TM_LIB | TM_STRING);
    if (fa != fb) {
        if (fa == TM_STRING || fb == TM_STRING) { /* '<string>' against a path */
            int c = fa == TM_LIB || fb == TM_LIB ? 1 : strcmp("<string>", I->filename);
            return fa == TM_STRING ? c : -c;
        }
        sort_tie_unknown = true;
        return a & TM_LIB ? 1 : -1;
    }
    return a < b ? -1 : a > b;
}

static int cmp64(int64_t a, int64_t b) { return a < b ? -1 : a > b; }
static int64_t abs64(int64_t v) { return v < 0 ? -v : v; }

static PyRun *sorting;
static bool sorting_diff;

/* descending by the sort key */
static int group_cmp(const void *pa, const void *pb)
{
    const Group *a = pa, *b = pb;
    int c;
    if (sorting_diff) {
        if ((c = cmp64(abs64(a->size_diff), abs64(b->size_diff))) || (c = cmp64(a->size, b->size)) ||
            (c = cmp64(abs64(a->count_diff), abs64(b->count_diff))) || (c = cmp64(a->count, b->count)))
            return -c;
    } else if ((c = cmp64(a->size, b->size)) || (c = cmp64(a->count, b->count))) {
        return -c;
    }
    return -tb_cmp(sorting, a->key, b->key);
}

/* key_type and cumulative of statistics() / compare_to() (a[first], a[first + 1]) */
static bool parse_key(PyRun *I, SimId *a, int n, SimId kw, int first, bool *by_file)
{
    int np = bi_npos(I, n, kw);
    SimId key = np > first ? a[first] : bi_kwarg(I, a, n, kw, "key_type");
    SimId cum = np > first + 1 ? a[first + 1] : bi_kwarg(I, a, n, kw, "cumulative");
    if (!key) {
        py_raise(I, EXC_TypeError, "%s() missing 1 required positional argument: 'key_type'",
                 first == 1 ? "Snapshot.statistics" : "Snapshot.compare_to");
        return false;
    }
    bool is_str = sim_kind(S, key) == SK_STR;
    bool lineno = is_str && sim_str_equals(S, key, "lineno"), file = is_str && sim_str_equals(S, key, "filename");
    bool tb = is_str && sim_str_equals(S, key, "traceback");
    if (!lineno && !file && !tb) {
        Buf b = {0};
        if (op_repr(I, key, &b))
            py_raise(I, EXC_ValueError, "unknown key_type: %s", buf_str(&b));
        buf_fini(&b);
        return false;
    }
    int truth = cum ? op_truth(I, cum) : 0;
    if (truth < 0)
        return false;
    if (truth && tb) {
        py_raise(I, EXC_ValueError, "cumulative mode cannot by used with key type 'traceback'");
        return false;
    }
    *by_file = file;
    return true;
}

static bool snapshot_arg(PyRun *I, SimId v, const char *method)
{
    if (xt(I, v) == SIM_XT_TM_SNAPSHOT)
        return true;
    if (strcmp(method, "compare_to") == 0)
        py_raise(I, EXC_AttributeError, "'%s' object has no attribute '_group_by'", op_typename(I, v));
    else
        py_raise(I, EXC_TypeError, "descriptor '%s' requires a 'Snapshot' object", method);
    return false;
}

static bool refuse_snap(PyRun *I, const TmSnap *sn)
{
    return py_not_modelled(I, 0,
                           "statistics of a snapshot taken after %s",
                           sn->unsure);
}

static SimId stat_new(PyRun *I, const Group *g, bool by_file, bool diff)
{
    SimId st = iter_composite(I, diff ? SIM_XT_TM_STATDIFF : SIM_XT_TM_STATISTIC, 1, diff ? 4 : 2, 0, true);
    if (sim_nomem(S))
        return st;
    /* made before the payload is read: an allocation may move the slab (the
     * traceback was stored where the payload had been, and leaked) */
    SimId tb = tm_traceback_new(I, g->key, by_file && g->key);
    REFS(st)[ST_TB] = tb;
    sim_iter_set_int(S, st, ST_SIZE, g->size);
    sim_iter_set_int(S, st, ST_COUNT, g->count);
    if (diff) {
        sim_iter_set_int(S, st, ST_SIZE_DIFF, g->size_diff);
        sim_iter_set_int(S, st, ST_COUNT_DIFF, g->count_diff);
    }
    return st;
}

static SimId stats_list(PyRun *I, Group *g, size_t n, bool by_file, bool diff)
{
    sorting = I;
    sorting_diff = diff;
    sort_tie_unknown = false;
    qsort(g, n, sizeof *g, group_cmp);
    if (sort_tie_unknown) {
        free(g);
        return py_not_modelled(I, 0, "the order of two statistics of equal size, one of the program's "
                                     "file and one of Lib/tracemalloc.py (it follows where each file is)"),
               (SimId)0;
    }
    SimId list = sim_list(S, 0);
    for (size_t i = 0; i < n && !sim_nomem(S); i++) {
        sim_list_append(S, list, stat_new(I, &g[i], by_file, diff)); /* stolen */
    }
    free(g);
    return list;
}

SimId tm_statistics(PyRun *I, SimId *a, int n, SimId kw)
{
    bool by_file;
    if (!snapshot_arg(I, a[0], "statistics") || !parse_key(I, a, n, kw, 1, &by_file))
        return 0;
    const TmSnap *sn = snap_of(I, a[0]);
    if (sn->unsure)
        return refuse_snap(I, sn), (SimId)0;
    tm_note_python_level(I, "Snapshot.statistics() (CPython traces the objects it makes)");
    Group *g = NULL;
    size_t cap = 0, ng = group_by(sn, by_file, &g, &cap, 0);
    return stats_list(I, g, ng, by_file, false);
}

/* _compare_grouped_stats: the new snapshot's groups, then those only the old one has */
SimId tm_compare_to(PyRun *I, SimId *a, int n, SimId kw)
{
    bool by_file;
    if (!snapshot_arg(I, a[0], "compare_to"))
        return 0;
    SimId old = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "old_snapshot");
    if (!old) {
        py_raise(I, EXC_TypeError, "Snapshot.compare_to() missing 2 required positional arguments: "
                                   "'old_snapshot' and 'key_type'");
        return 0;
    }
    if (!parse_key(I, a, n, kw, 2, &by_file) || !snapshot_arg(I, old, "compare_to"))
        return 0;
    const TmSnap *sn = snap_of(I, a[0]), *so = snap_of(I, old);
    if (sn->unsure || so->unsure)
        return refuse_snap(I, sn->unsure ? sn : so), (SimId)0;
    tm_note_python_level(I, "Snapshot.compare_to() (CPython traces the objects it makes)");
    Group *g = NULL, *og = NULL;
    size_t cap = 0, ocap = 0, ng = group_by(sn, by_file, &g, &cap, 0);
    size_t nog = group_by(so, by_file, &og, &ocap, 0);
    for (size_t i = 0; i < ng; i++) {
        g[i].size_diff = g[i].size;
        g[i].count_diff = g[i].count;
    }
    for (size_t j = 0; j < nog; j++) {
        size_t before = ng;
        Group *m = find_group(&g, &ng, &cap, og[j].key);
        if (ng > before) { /* only in the old one */
            m->size_diff = -og[j].size;
            m->count_diff = -og[j].count;
        } else {
            m->size_diff -= og[j].size;
            m->count_diff -= og[j].count;
        }
    }
    free(og);
    return stats_list(I, g, ng, by_file, true);
}

/* ---- text ----------------------------------------------------------------------------------- */

/* _format_size */
static void format_size(double size, bool sign, Buf *out)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    for (int u = 0; u < 5; u++) {
        double mag = size < 0 ? -size : size;
        if (mag < 100 && u > 0) {
            buf_printf(out, sign ? "%+.1f %s" : "%.1f %s", size, units[u]);
            return;
        }
        if (mag < 10 * 1024 || u == 4) {
            buf_printf(out, sign ? "%+.0f %s" : "%.0f %s", size, units[u]);
            return;
        }
        size /= 1024;
    }
}

static SimId first_frame(PyRun *I, SimId tb) { return sim_items(S, REFS(tb)[TB_FRAMES])[0]; }

static bool frame_str(PyRun *I, SimId f, Buf *out)
{
    if (!REFS(f)[FR_FILENAME])
        return refuse_lib_name(I);
    size_t n;
    const char *s = sim_str_data(S, REFS(f)[FR_FILENAME], &n);
    buf_printf(out, "%.*s:%lld", (int)n, s, (long long)sim_iter_int(S, f, FR_LINENO));
    return true;
}

static bool frame_repr(PyRun *I, SimId f, Buf *out)
{
    if (!REFS(f)[FR_FILENAME])
        return refuse_lib_name(I);
    buf_adds(out, "<Frame filename=");
    if (!op_repr(I, REFS(f)[FR_FILENAME], out))
        return false;
    buf_printf(out, " lineno=%lld>", (long long)sim_iter_int(S, f, FR_LINENO));
    return true;
}

static bool traceback_repr(PyRun *I, SimId tb, Buf *out)
{
    SimId frames = REFS(tb)[TB_FRAMES];
    uint32_t n = sim_obj(S, frames)->len;
    buf_adds(out, "<Traceback (");
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            buf_adds(out, ", ");
        if (!frame_repr(I, sim_items(S, frames)[i], out))
            return false;
    }
    buf_adds(out, n == 1 ? ",)>" : ")>");
    return true;
}

bool tm_native_str(PyRun *I, SimId o, Buf *out)
{
    SimXType t = xt(I, o);
    if (t == SIM_XT_TM_FRAME)
        return frame_str(I, o, out);
    if (t == SIM_XT_TM_TRACEBACK)
        return frame_str(I, first_frame(I, o), out);
    if (t != SIM_XT_TM_STATISTIC && t != SIM_XT_TM_STATDIFF)
        return op_repr(I, o, out);
    tm_note_python_level(I, "str() of a tracemalloc statistic (CPython traces the objects it makes)");
    int64_t size = sim_iter_int(S, o, ST_SIZE), count = sim_iter_int(S, o, ST_COUNT);
    if (!frame_str(I, first_frame(I, REFS(o)[ST_TB]), out))
        return false;
    buf_adds(out, ": size=");
    format_size((double)size, false, out);
    if (t == SIM_XT_TM_STATDIFF) {
        buf_adds(out, " (");
        format_size((double)sim_iter_int(S, o, ST_SIZE_DIFF), true, out);
        buf_printf(out, "), count=%lld (%+lld)", (long long)count, (long long)sim_iter_int(S, o, ST_COUNT_DIFF));
    } else {
        buf_printf(out, ", count=%lld", (long long)count);
    }
    if (count) {
        buf_adds(out, ", average=");
        format_size((double)size / (double)count, false, out);
    }
    return true;
}

bool tm_native_repr(PyRun *I, SimId o, Buf *out)
{
    switch (xt(I, o)) {
    case SIM_XT_TM_FRAME: return frame_repr(I, o, out);
    case SIM_XT_TM_TRACEBACK: return traceback_repr(I, o, out);
    case SIM_XT_TM_STATISTIC: case SIM_XT_TM_STATDIFF: {
        bool diff = xt(I, o) == SIM_XT_TM_STATDIFF;
        tm_note_python_level(I, "repr() of a tracemalloc statistic (CPython traces the objects it makes)");
        buf_adds(out, diff ? "<StatisticDiff traceback=" : "<Statistic traceback=");
        if (!traceback_repr(I, REFS(o)[ST_TB], out))
            return false;
        if (diff)
            buf_printf(out, " size=%lld (%+lld) count=%lld (%+lld)>", (long long)sim_iter_int(S, o, ST_SIZE),
                       (long long)sim_iter_int(S, o, ST_SIZE_DIFF), (long long)sim_iter_int(S, o, ST_COUNT),
                       (long long)sim_iter_int(S, o, ST_COUNT_DIFF));
        else
            buf_printf(out, " size=%lld count=%lld>", (long long)sim_iter_int(S, o, ST_SIZE),
                       (long long)sim_iter_int(S, o, ST_COUNT));
        return true;
    }
    default: /* the Snapshot: object.__repr__ */
        buf_printf(out, "<tracemalloc.Snapshot object at %#llx>",
                   (unsigned long long)pm_address(&S->pm, sim_obj(S, o)->mem));
        return true;
    }
}

/* ---- attributes and methods ------------------------------------------------------------------ */

static SimId int_attr(PyRun *I, SimId o, int k, bool *found)
{
    *found = true;
    return sim_int(S, sim_iter_int(S, o, (uint32_t)k));
}

SimId tm_native_attr(PyRun *I, SimId o, const char *name, bool *found)
{
    *found = false;
    switch (xt(I, o)) {
    case SIM_XT_TM_STATISTIC: case SIM_XT_TM_STATDIFF:
        if (strcmp(name, "traceback") == 0) {
            *found = true;
            sim_incref(S, REFS(o)[ST_TB]);
            return REFS(o)[ST_TB];
        }
        if (strcmp(name, "size") == 0)
            return int_attr(I, o, ST_SIZE, found);
        if (strcmp(name, "count") == 0)
            return int_attr(I, o, ST_COUNT, found);
        if (xt(I, o) == SIM_XT_TM_STATDIFF && strcmp(name, "size_diff") == 0)
            return int_attr(I, o, ST_SIZE_DIFF, found);
        if (xt(I, o) == SIM_XT_TM_STATDIFF && strcmp(name, "count_diff") == 0)
            return int_attr(I, o, ST_COUNT_DIFF, found);
        return 0;
    case SIM_XT_TM_FRAME:
        if (strcmp(name, "filename") == 0) {
            *found = true;
            if (!REFS(o)[FR_FILENAME])
                return refuse_lib_name(I), (SimId)0;
            sim_incref(S, REFS(o)[FR_FILENAME]);
            return REFS(o)[FR_FILENAME];
        }
        if (strcmp(name, "lineno") == 0)
            return int_attr(I, o, FR_LINENO, found);
        return 0;
    case SIM_XT_TM_TRACEBACK:
        if (strcmp(name, "total_nframe") == 0)
            return *found = true, bi_none(I);
        if (strcmp(name, "format") == 0)
            return *found = true, native_bound(I, tm_def_named("format"), o);
        return 0;
    case SIM_XT_TM_SNAPSHOT:
        if (strcmp(name, "traceback_limit") == 0)
            return *found = true, sim_int(S, 1);
        if (strcmp(name, "statistics") == 0 || strcmp(name, "compare_to") == 0 ||
            strcmp(name, "filter_traces") == 0 || strcmp(name, "dump") == 0)
            return *found = true, native_bound(I, tm_def_named(name), o);
        if (strcmp(name, "traces") == 0)
            return *found = true, py_not_modelled(I, 0, "Snapshot.traces (the model keeps a snapshot's "
                                                        "traces outside its objects)"),
                   (SimId)0;
        return 0;
    default:
        return 0;
    }
}

SimId tm_traceback_frames(PyRun *I, SimId tb)
{
    SimId f = REFS(tb)[TB_FRAMES];
    sim_incref(S, f);
    return f;
}

SimId tm_traceback_getitem(PyRun *I, SimId tb, SimId key)
{
    SimId frames = REFS(tb)[TB_FRAMES];
    return op_getitem(I, frames, key);
}

/* Traceback.format(limit=None, most_recent_first=False): with one frame,
 * its place and its source line, stripped */
SimId tm_format(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)n, (void)kw;
    if (xt(I, a[0]) != SIM_XT_TM_TRACEBACK) {
        py_raise(I, EXC_TypeError, "descriptor 'format' requires a 'Traceback' object");
        return 0;
    }
    tm_note_python_level(I, "Traceback.format() (CPython traces the objects it makes)");
    SimId f = first_frame(I, a[0]);
    if (!REFS(f)[FR_FILENAME])
        return refuse_lib_name(I), (SimId)0;
    SimId list = sim_list(S, 0);
    SimId limit = bi_npos(I, n, kw) > 1 ? a[1] : bi_kwarg(I, a, n, kw, "limit");
    if (limit && sim_kind(S, limit) == SK_INT && SIM_V(S, limit, SK_INT, i) == 0)
        return list; /* self[-0:] is every frame; self[:0] none: limit 0 is the latter */
    Buf b = {0};
    size_t fn;
    const char *fname = sim_str_data(S, REFS(f)[FR_FILENAME], &fn);
    int64_t line = sim_iter_int(S, f, FR_LINENO);
    bool own_file = fn == strlen(I->filename) && memcmp(fname, I->filename, fn) == 0; /* before the str moves it */
    buf_printf(&b, "  File \"%.*s\", line %lld", (int)fn, fname, (long long)line);
    SimId s = sim_str(S, buf_str(&b), b.len);
    sim_list_append(S, list, s); /* stolen */
    b.len = 0;
    if (line > 0 && own_file) {
        const char *p = I->src, *end = I->src + I->srclen;
        for (int64_t l = 1; l < line && p < end; p++)
            if (*p == '\n')
                l++;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
            p++;
        const char *e = p;
        while (e < end && *e != '\n')
            e++;
        while (e > p && (e[-1] == ' ' || e[-1] == '\r' || e[-1] == '\t'))
            e--;
        if (e > p) {
            buf_printf(&b, "    %.*s", (int)(e - p), p);
            s = sim_str(S, buf_str(&b), b.len);
            sim_list_append(S, list, s);
        }
    }
    buf_fini(&b);
    return list;
}
