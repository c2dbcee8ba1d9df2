/*
 * gc: the gc module — collection, thresholds, freezing, referrers and
 * referents, debug flags and callbacks, over the model's collector.
 */
#include <string.h>

#include "pyrun/builtins.h"
#include "pyrun/gc_timing.h"
#include "pyrun/modules/std_import.h"
#include "pyrun/modules/threading.h"
#include "pyrun/modules/tracemalloc.h"
#include "pyrun/types/native.h"
#include "pyrun/types/types.h"
#include "sim/gc.h"

#define S (I->sim)

static SimId int3(PyRun *I, int64_t a, int64_t b, int64_t c)
{
    SimId t = sim_tuple(S, 3);
    sim_tuple_set(S, t, 0, sim_int(S, a));
    sim_tuple_set(S, t, 1, sim_int(S, b));
    sim_tuple_set(S, t, 2, sim_int(S, c));
    return t;
}

void gc_callbacks(PyRun *I, const char *phase, int gen, long collected)
{
    SimId cbs = S->gc.callbacks;
    uint32_t n = cbs ? sim_obj(S, cbs)->len : 0;
    if (!n)
        return;
    SimId info = sim_dict(S);
    sim_dict_set(S, info, sim_str_intern(S, "generation", 10), sim_int(S, gen));
    sim_dict_set(S, info, sim_str_intern(S, "collected", 9), sim_int(S, collected));
    sim_dict_set(S, info, sim_str_intern(S, "uncollectable", 13), sim_int(S, 0));
    SimId ph = sim_str(S, phase, strlen(phase));
    for (uint32_t i = 0; i < sim_obj(S, cbs)->len; i++) {
        SimId args[2] = {ph, info};
        SimId r = vm_call(I, sim_items(S, cbs)[i], args, 2);
        if (r)
            sim_decref(S, r);
        else
            I->ts->err.set = false;
    }
    sim_decref(S, ph);
    sim_decref(S, info);
}

/* What the program reads of the collector's state depends on when CPython's
 * automatic collections ran, once one could have run before the program
 * pinned the counts (pyrun/gc_timing.c). */
static void timing_read(PyRun *I)
{
    if (!S->gc.count_pinned && S->gc.timing_exposed)
        S->gc.timing_sensitive = true;
}


static SimId g_collect(PyRun *I, SimId *a, int n, SimId kw)
{
    int np = bi_npos(I, n, kw);
    int64_t gen = 2;
    SimId g = np ? a[0] : bi_kwarg(I, a, n, kw, "generation");
    if (g && !bi_int_arg(I, g, &gen))
        return 0;
    if (gen < 0 || gen > 2) {
        py_raise(I, EXC_ValueError, "invalid generation");
        return 0;
    }
    if (S->gc.collecting)
        return sim_int(S, 0);
    bool heard = S->gc.callbacks && sim_obj(S, S->gc.callbacks)->len > 0;
    if (I->gc_garbage_unsure && (!gc_result_dropped(I) || heard) && I->garbage_unsure_what)
        return py_not_modelled(I, 0, "what gc.collect() finds after %s (CPython's objects the model "
                               "stands for with fewer; a gc.collect() whose result is dropped makes it "
                               "exact)", I->garbage_unsure_what), 0;
    if (I->gc_garbage_unsure && (!gc_result_dropped(I) || heard))
        return py_not_modelled(I, 0, "what gc.collect() finds after %s from this state (the import's "
                               "automatic collections ran at moments the model does not know, taking "
                               "some of its garbage; a gc.collect() just before the import makes it "
                               "exact)", I->foreign_heap ? I->foreign_heap : "an import"), 0;
    gc_callbacks(I, "start", (int)gen, 0);
    /* the pin of an unknown count: what it finds depends on when the
     * automatic collections ran, unless the program cannot tell (gc_timing.c) */
    bool pin = gen == 2 && !S->gc.count_pinned && S->gc.timing_exposed;
    SimId fresh[32];
    size_t nfresh = pin ? gc_released_tracked(S, fresh, gc_young_since_point(S, fresh, 32), 32) : 0;
    long r = gc_collect(S, (int)gen);
    /* found by every start count's run: tracked, or let go by a name, since
     * the last moment one could collect */
    long lower = 0;
    for (size_t i = 0; i < nfresh; i++)
        lower += sim_kind(S, fresh[i]) == SK_FREE;
    tm_collected(I, (int)gen);
    std_import_collected(I, (int)gen, r);
    if (r > 0 || S->gc.garbage_moved) { /* garbage an earlier automatic collection may have taken */
        if (pin && !heard && !I->foreign_heap && gc_last_quiet(S) && gc_result_settled(I, a, n, lower))
            sim_garbage_moved(S);
        else
            timing_read(I);
    }
    if (gen == 2) { /* counts reset and free lists emptied: all known from here on */
        S->gc.count_pinned = true;
        S->gc.watching = false; /* nothing a name lets go matters from here */
        I->gc_count_unsure = false; /* an import's unknown traffic too */
        I->count_unsure_what = NULL;
        I->gc_garbage_unsure = false;
        I->garbage_unsure_what = NULL;
    }
    gc_callbacks(I, "stop", (int)gen, r);
    return sim_int(S, r);
}

static SimId g_get_count(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (!bi_nargs(I, "get_count", n, 0, 0))
        return 0;
    if (I->gc_count_unsure && I->count_unsure_what)
        return py_not_modelled(I, 0, "gc.get_count() after %s without a gc.collect() before it (the "
                               "objects it makes for a moment are not all modelled)", I->count_unsure_what), 0;
    if (I->gc_count_unsure)
        return py_not_modelled(I, 0, "gc.get_count() after %s without a gc.collect() before it (the "
                               "allocations CPython makes there depend on the state it started from)", I->foreign_heap), 0;
    if (!S->gc.count_pinned)
        S->gc.timing_exposed = S->gc.timing_sensitive = true;
    return int3(I, S->gc.gen[0].count, S->gc.gen[1].count, S->gc.gen[2].count);
}

/* What CPython's start-up collected before the first line, when its
 * compiler ran none: gc.get_stats() at the top of a module under -S -s
 * gives young collections equal to the young-to-middle count the profile
 * starts from (3.11.7: 6, 3.12.1: 3, 3.13.0: 2), 24 objects collected by
 * them, nothing in the older generations (measured on one-line modules and
 * on oracle cases 152, 480, 670, 672). */
#define STARTUP_COLLECTED0 24

/* Py_BuildValue("{snsnsn}", ...): a new dict, new key strings */
static SimId stats_dict(PyRun *I, uint64_t collections, uint64_t collected, uint64_t uncollectable)
{
    static const char *const keys[3] = {"collections", "collected", "uncollectable"};
    uint64_t v[3] = {collections, collected, uncollectable};
    SimId d = sim_dict(S);
    for (int i = 0; i < 3; i++) {
        SimId k = sim_str(S, keys[i], strlen(keys[i]));
        SimId n = sim_int(S, (int64_t)v[i]);
        sim_dict_set(S, d, k, n);
    }
    return d;
}

static SimId g_get_stats(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (!bi_nargs(I, "get_stats", n, 0, 0))
        return 0;
    const SimProfile *p = S->prof;
    if (p->version != SIM_V311 && p->version != SIM_V312 && p->version != SIM_V313)
        return py_not_modelled(I, 0, "gc.get_stats() under the %s profile (its start-up was not measured)",
                               p->name), 0;
    /* a module big enough, or (3.13) a compile-time SyntaxWarning, may have
     * made CPython's compiler collect: how often, and what, is not known */
    if ((long)p->startup_gc_count0 + S->gc.unpinned_slack > p->threshold[0])
        return py_not_modelled(I, 0, "gc.get_stats() of a module whose compiling may have run "
                               "collections (CPython counts them too)"), 0;
    if (I->gc_count_unsure)
        return py_not_modelled(I, 0, "gc.get_stats() after %s (its collections depend on the state it "
                               "started from)", I->count_unsure_what ? I->count_unsure_what : I->foreign_heap), 0;
    if (!S->gc.count_pinned) /* when the automatic collections ran shows here */
        S->gc.timing_exposed = S->gc.timing_sensitive = true;
    SimId list = sim_list(S, 0);
    for (int g = 0; g < 3; g++) {
        SimId d = stats_dict(I, S->gc.collections[g] + (g == 0 ? p->startup_gc_count1 : 0),
                             S->gc.collected[g] + (g == 0 ? STARTUP_COLLECTED0 : 0), S->gc.uncollectable[g]);
        sim_list_append(S, list, d);
    }
    return list;
}

static SimId g_get_threshold(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)a, (void)kw;
    if (!bi_nargs(I, "get_threshold", n, 0, 0))
        return 0;
    return int3(I, S->gc.gen[0].threshold, S->gc.gen[1].threshold, S->gc.gen[2].threshold);
}

static SimId g_set_threshold(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    (void)kw;
    if (!bi_nargs(I, "set_threshold", n, 1, 3))
        return 0;
    for (int i = 0; i < n; i++) {
        int64_t v;
        if (!bi_int_arg(I, a[i], &v))
            return 0;
        S->gc.gen[i].threshold = (int)v;
    }
    return bi_none(I);
}

static SimId g_enable(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; S->gc.enabled = true; return bi_none(I); }
static SimId g_disable(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; S->gc.enabled = false; return bi_none(I); }
static SimId g_isenabled(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; return sim_bool(S, S->gc.enabled); }
static SimId g_freeze(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; timing_read(I); gc_freeze(S); return bi_none(I); }
static SimId g_unfreeze(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; gc_unfreeze(S); return bi_none(I); }
static SimId g_get_freeze_count(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; timing_read(I); return sim_int(S, (int64_t)gc_freeze_count(S)); }
static SimId g_get_debug(PyRun *I, SimId *a, int n, SimId kw) { (void)a, (void)n, (void)kw; return sim_int(S, S->gc.debug); }

static SimId g_set_debug(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    int64_t v;
    if (!bi_nargs(I, "set_debug", n, 1, 1) || !bi_int_arg(I, a[0], &v))
        return 0;
    /* DEBUG_STATS and DEBUG_COLLECTABLE report each collection on stderr:
     * the interpreter's own objects per generation, the time it took, the
     * addresses of the garbage; none of that is the model's to know */
    if (v & 3)
        return py_not_modelled(I, 0, "what the collector prints on stderr under gc.DEBUG_STATS or gc.DEBUG_COLLECTABLE"),
               (SimId)0;
    S->gc.debug = (unsigned)v;
    return bi_none(I);
}

/* gc.is_finalized: has the collector (or a dealloc) run its __del__ (PEP 442's flag) */
static SimId g_is_finalized(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "is_finalized", n, 1, 1))
        return 0;
    return sim_bool(S, (sim_obj(S, a[0])->flags & SIM_F_FINALIZED) != 0);
}

static SimId g_is_tracked(PyRun *I, SimId *a, int n, SimId kw)
{
    (void)kw;
    if (!bi_nargs(I, "is_tracked", n, 1, 1))
        return 0;
    const SimObj *o = sim_obj(S, a[0]);
    if (o->kind == SK_TYPE && o->sub == SK_ITER && o->cap >= SIM_XT_IT_COUNT && S->prof->version != SIM_V311)
        return sim_bool(S, true); /* 3.12+: itertools' heap types, made by its import (not modelled one by one) */
    if (o->kind == SK_BUILTIN) /* builtin functions and method descriptors are tracked from their module's init */
        return sim_bool(S, true);
    if (static_type_tuple_is(I, a[0])) /* int.__mro__: made at start-up, tracked by 3.12 only */
        return sim_bool(S, S->prof->version == SIM_V312);
    timing_read(I); /* a collection untracks tuples and dicts of atoms */
    return sim_bool(S, sim_is_tracked(S, a[0]) || native_static_tracked(I, a[0])); /* static here */
}

typedef struct RefSearch {
    SimId *targets;
    int n;
    bool hit;
    SimId list;
} RefSearch;

static void visit_find(Sim *s, SimId ref, void *arg)
{
    (void)s;
    RefSearch *rs = arg;
    for (int i = 0; i < rs->n; i++)
        if (rs->targets[i] == ref)
            rs->hit = true;
}

static SimId g_get_referrers(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    (void)kw;
    timing_read(I); /* only tracked objects are searched */
    SimId out = sim_list(S, 0);
    RefSearch rs = {.targets = a, .n = n};
    for (int i = 0; i < n; i++)
        if (threading_local_shape(I, a[i]) == 2) {
            sim_decref(S, out);
            return py_not_modelled(I, 0, "gc.get_referrers() of a threading.local's __dict__ (CPython's is held "
                                         "by the local's dict of per-thread dicts)"), 0;
        }
    for (int g = 0; g < 3; g++) {
        uint32_t head = S->gc.gen[g].head;
        for (uint32_t id = sim_obj(S, head)->gc_next; id != head; id = sim_obj(S, id)->gc_next) {
            if (id == out)
                continue;
            rs.hit = false;
            sim_traverse(S, id, visit_find, &rs);
            if (rs.hit) {
                sim_incref(S, id);
                sim_list_append(S, out, id);
            }
        }
    }
    return out;
}

static void visit_collect(Sim *s, SimId ref, void *arg)
{
    RefSearch *rs = arg;
    sim_incref(s, ref);
    sim_list_append(s, rs->list, ref);
}

/* The model's traversal walks items and entries forward, key first;
 * CPython's list and tuple traverse their items from the last, and a dict
 * whose keys are not all str visits each value before its key: the order
 * gc.get_referents shows.  (sim_traverse's order is the collector's.) */
static void in_traverse_order(PyRun *I, SimId obj, SimId list, uint32_t start)
{
    const SimObj *o = sim_obj(S, obj);
    if (sim_is_subinst(S, obj)) /* subtype_traverse: its dict and class come first */
        start += 1 + (o->ext ? 1 : 0);
    SimId *items = sim_items(S, list);
    uint32_t end = sim_obj(S, list)->len;
    if (o->kind == SK_LIST || o->kind == SK_TUPLE) {
        for (uint32_t i = start, j = end; i + 1 < j; i++, j--) {
            SimId t = items[i];
            items[i] = items[j - 1];
            items[j - 1] = t;
        }
    } else if (o->kind == SK_DICT && !o->sub && !(o->flags & SIM_F_EMBEDDED) && (end - start) % 2 == 0) {
        for (uint32_t i = start; i + 1 < end; i += 2) {
            SimId t = items[i];
            items[i] = items[i + 1];
            items[i + 1] = t;
        }
    }
}

/* func_traverse's references: code, globals, builtins, module, defaults,
 * kwdefaults, doc, name, dict, closure, annotations, type params (3.12+),
 * qualname; the model keeps some of them elsewhere (the code, the builtins)
 * or not at all until read (the module name, the doc None).  False after a
 * refusal (annotations: CPython 3.11 keeps them as a tuple until read). */
static bool function_referents(PyRun *I, SimId f, SimId list)
{
    SimId *p = sim_items(S, f);
    if (p[SIM_FN_ANNOTATIONS] || I->codes[sim_obj(S, f)->v.func.code].has_annotations)
        return py_not_modelled(I, 0, "gc.get_referents() of a function with annotations");
    SimId g = sim_obj(S, f)->v.func.globals;
    SimId module = p[SIM_FN_MODULE] ? p[SIM_FN_MODULE] : sim_dict_get_str(S, g, "__name__");
    SimId name = p[SIM_FN_FUNCNAME] ? p[SIM_FN_FUNCNAME] : I->codes[sim_obj(S, f)->v.func.code].name;
    SimId refs[] = {0, g, I->builtins, module, p[SIM_FN_DEFAULTS], p[SIM_FN_KWDEFAULTS],
                    p[SIM_FN_DOC] ? p[SIM_FN_DOC] : S->none, name, p[SIM_FN_DICT], p[SIM_FN_CLOSURE],
                    S->prof->version == SIM_V311 ? 0 : p[SIM_FN_TYPEPARAMS], p[SIM_FN_NAME]};
    SimId code = code_object(I, sim_obj(S, f)->v.func.code);
    if (!code)
        return false;
    sim_list_append(S, list, code); /* code_object's reference */
    for (size_t i = 1; i < sizeof refs / sizeof refs[0]; i++)
        if (refs[i]) {
            sim_incref(S, refs[i]);
            sim_list_append(S, list, refs[i]);
        }
    return true;
}

static SimId g_get_referents(PyRun *I, SimId *a, int n, SimId kw)
{
    bi_args_tuple(I, n);
    (void)kw;
    for (int i = 0; i < n; i++)
        if (sim_kind(S, a[i]) == SK_GEN || (sim_kind(S, a[i]) == SK_ITER && strcmp(op_typename(I, a[i]), "generator") == 0))
            /* CPython's also names its code, name and qualname (Lib's generators run natively too) */
            return py_not_modelled(I, 0, "gc.get_referents() of a generator"), 0;
        else if (threading_local_shape(I, a[i])) /* args, kw and the per-thread dicts' holder */
            return py_not_modelled(I, 0, "gc.get_referents() of a threading.local (CPython shows its args and "
                                         "the dict that holds each thread's __dict__)"), 0;
        else if (sim_is_native(S, a[i])) /* CPython's also names their heap type, an lru_cache's links */
            return py_not_modelled(I, 0, "gc.get_referents() of a '%s' object", op_typename(I, a[i])), 0;
    RefSearch rs = {.list = sim_list(S, 0)};
    for (int i = 0; i < n; i++) {
        uint32_t start = sim_obj(S, rs.list)->len;
        if (sim_kind(S, a[i]) == SK_FUNC) {
            if (!function_referents(I, a[i], rs.list)) {
                sim_decref(S, rs.list);
                return 0;
            }
            continue;
        }
        sim_traverse(S, a[i], visit_collect, &rs);
        in_traverse_order(I, a[i], rs.list, start);
    }
    return rs.list;
}

const BuiltinDef gc_functions[] = {
    BUILTIN("collect", 0, BM_GC, g_collect, .kw = "generation", .style = ARGS_CLINIC, .min = 0, .max = 1),
    BUILTIN("get_count", 0, BM_GC, g_get_count, .style = ARGS_NONE),
    BUILTIN("get_stats", 0, BM_GC, g_get_stats, .style = ARGS_NONE),
    BUILTIN("get_threshold", 0, BM_GC, g_get_threshold, .style = ARGS_NONE),
    BUILTIN("set_threshold", 0, BM_GC, g_set_threshold),
    BUILTIN("enable", 0, BM_GC, g_enable, .style = ARGS_NONE), BUILTIN("disable", 0, BM_GC, g_disable, .style = ARGS_NONE),
    BUILTIN("isenabled", 0, BM_GC, g_isenabled, .style = ARGS_NONE), BUILTIN("is_tracked", 0, BM_GC, g_is_tracked, .style = ARGS_ONE),
    BUILTIN("is_finalized", 0, BM_GC, g_is_finalized, .style = ARGS_ONE),
    BUILTIN("freeze", 0, BM_GC, g_freeze, .style = ARGS_NONE), BUILTIN("unfreeze", 0, BM_GC, g_unfreeze, .style = ARGS_NONE),
    BUILTIN("get_freeze_count", 0, BM_GC, g_get_freeze_count, .style = ARGS_NONE),
    BUILTIN("get_referrers", 0, BM_GC, g_get_referrers), BUILTIN("get_referents", 0, BM_GC, g_get_referents),
    BUILTIN("set_debug", 0, BM_GC, g_set_debug, .style = ARGS_ONE), BUILTIN("get_debug", 0, BM_GC, g_get_debug, .style = ARGS_NONE),
};
const int gc_nfunctions = (int)(sizeof gc_functions / sizeof gc_functions[0]);

/* the module's data attributes, beside its functions */
void gc_module_init(PyRun *I, SimId d)
{
    S->gc.garbage = sim_list(S, 0);
    sim_incref(S, S->gc.garbage);
    bi_dict_put(I, d, "garbage", S->gc.garbage);
    S->gc.callbacks = sim_list(S, 0);
    sim_incref(S, S->gc.callbacks);
    bi_dict_put(I, d, "callbacks", S->gc.callbacks);
    bi_dict_put(I, d, "DEBUG_STATS", sim_int(S, 1));
    bi_dict_put(I, d, "DEBUG_COLLECTABLE", sim_int(S, 2));
    bi_dict_put(I, d, "DEBUG_UNCOLLECTABLE", sim_int(S, 4));
    bi_dict_put(I, d, "DEBUG_SAVEALL", sim_int(S, 32));
    bi_dict_put(I, d, "DEBUG_LEAK", sim_int(S, 38));
}
