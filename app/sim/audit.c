/*
 * audit: recounting references and allocator totals (see audit.h).
 */
#include "sim/audit.h"
#include "sim/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "sim/check.h"

#define AUDIT_MAX_LINES 20

#ifdef SIM_CHECKS
_Noreturn void sim_assert_fail(const char *cond, const char *file, int line)
{
    fprintf(stderr, "pydive: simulation invariant broken: %s (%s:%d)\n", cond, file, line);
    abort();
}
#endif

/* ---- owned references, per kind (what each deallocator drops) --------- */

static void visit_nz(Sim *s, SimId ref, SimVisit fn, void *arg)
{
    if (ref)
        fn(s, ref, arg);
}

void sim_owned_refs(Sim *s, SimId id, SimVisit fn, void *arg)
{
    const SimObj *o = &s->obj[id];
    const SimId *items = o->data ? sim_items(s, id) : NULL;
    if (sim_is_subinst(s, id)) { /* its class and its __dict__ */
        fn(s, o->type, arg);
        visit_nz(s, o->ext, fn, arg);
    }
    if (sim_is_odict(s, id)) /* an OrderedDict's nodes hold their keys */
        sim__odict_traverse(s, id, fn, arg);
    switch ((SimKind)o->kind) {
    case SK_LIST: case SK_TUPLE:
        for (uint32_t i = 0; items && i < o->len; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    case SK_DICT: {
        uint32_t pos = 0;
        SimId k, v;
        while (sim_dict_next(s, id, &pos, &k, &v)) {
            fn(s, k, arg);
            visit_nz(s, v, fn, arg);
        }
        break;
    }
    case SK_SET:
        for (uint32_t i = 0; items && i < o->v.set.slots; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    case SK_DEQUE:
        sim__deque_owned(s, id, fn, arg);
        break;
    case SK_STRINGIO:
        visit_nz(s, o->v.stringio.nl, fn, arg);
        visit_nz(s, o->v.stringio.accu, fn, arg);
        break;
    case SK_TRACEBACK:
        visit_nz(s, o->v.tb.next, fn, arg);
        visit_nz(s, o->v.tb.frame, fn, arg);
        break;
    case SK_FRAME:
        visit_nz(s, o->v.frame.back, fn, arg);
        visit_nz(s, o->v.frame.func, fn, arg);
        for (uint32_t i = 0; items && i < o->len; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    case SK_INSTANCE:
        if (o->sub != SIM_INST_PLAIN) {
            visit_nz(s, o->v.instance.dict, fn, arg);
            for (int f = 0; items && f < SIM_EXC_SUPPRESS; f++)
                visit_nz(s, items[f], fn, arg);
            for (uint32_t f = 0; items && f < o->cap; f++) /* its built-in base's words */
                visit_nz(s, items[SIM_EXC_NFIELDS + f], fn, arg);
            fn(s, o->type, arg);
            break;
        }
        sim__inst_visit_slots((Sim *)s, id, fn, arg);
        for (uint32_t i = 0; items && i < o->len; i++) {
            fn(s, items[2 * i], arg);
            visit_nz(s, items[2 * i + 1], fn, arg);
        }
        visit_nz(s, o->v.instance.dict, fn, arg);
        fn(s, o->type, arg);
        break;
    case SK_FUNC:
        visit_nz(s, o->v.func.globals, fn, arg);
        for (int i = 0; items && i < SIM_FN_NPARTS; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    case SK_TYPE:
        if (!items) /* a built-in type: nothing of its own */
            break;
        visit_nz(s, o->type, fn, arg); /* its metaclass, when the program made it */
        visit_nz(s, o->v.type.dict, fn, arg);
        visit_nz(s, o->v.type.base, fn, arg);
        for (int w = 0; w < SIM_TY_NWORDS; w++) /* every word that holds a reference */
            if (w != SIM_TY_NENTRIES && w != SIM_TY_USABLE && w < SIM_TY_NSLOTS)
                visit_nz(s, items[w], fn, arg);
        break;
    case SK_MEMBER_DESCR: case SK_GETSET_DESCR:
        visit_nz(s, o->v.member.type, fn, arg);
        visit_nz(s, o->v.member.name, fn, arg);
        break;
    case SK_METHOD:
        visit_nz(s, o->v.method.func, fn, arg);
        visit_nz(s, o->v.method.self, fn, arg);
        break;
    case SK_MODULE:
        visit_nz(s, o->v.module.dict, fn, arg);
        visit_nz(s, o->v.module.name, fn, arg);
        break;
    case SK_BUILTIN: /* the index is not a reference */
        visit_nz(s, o->v.builtin.self, fn, arg);
        break;
    case SK_WEAKREF: /* the referent is not owned; a KeyedRef's key is */
        visit_nz(s, o->v.weakref.callback, fn, arg);
        if (o->sub == SIM_WR_KEYED && items)
            visit_nz(s, items[0], fn, arg);
        break;
    case SK_CELL:
        visit_nz(s, o->v.cell.ref, fn, arg);
        break;
    case SK_ITER:
        if (o->sub == SIM_IT_COMPOSITE)
            for (uint32_t i = 0; items && i < o->len; i++)
                visit_nz(s, items[i], fn, arg);
        else if (o->sub != SIM_IT_RANGE)
            visit_nz(s, o->v.iter.seq, fn, arg);
        break;
    case SK_DICTVIEW:
        visit_nz(s, o->v.view.dict, fn, arg);
        break;
    case SK_PROPERTY:
        for (int i = 0; items && i < 4; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    case SK_CLASSMETHOD: case SK_STATICMETHOD:
        visit_nz(s, o->v.descr.func, fn, arg);
        visit_nz(s, o->v.descr.dict, fn, arg);
        break;
    case SK_GEN: /* the saved frame: the function and the slots */
        visit_nz(s, o->v.gen.func, fn, arg);
        for (uint32_t i = 0; items && i < o->len; i++)
            visit_nz(s, items[i], fn, arg);
        break;
    default:
        break;
    }
}

/* ---- references ------------------------------------------------------- */

typedef struct Recount {
    int64_t *n;
    uint32_t nobj;
    uint64_t out_of_range;
} Recount;

static void count_ref(Sim *s, SimId ref, void *arg)
{
    (void)s;
    Recount *r = arg;
    if (ref < r->nobj)
        r->n[ref]++;
    else
        r->out_of_range++;
}

static bool line(Buf *report, unsigned *nlines, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool line(Buf *report, unsigned *nlines, const char *fmt, ...)
{
    if (++*nlines > AUDIT_MAX_LINES)
        return false;
    va_list ap;
    va_start(ap, fmt);
    char text[256];
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    buf_adds(report, text);
    buf_addc(report, '\n');
    return false;
}

static bool audit_refs(Sim *s, SimRootsFn roots, void *ctx, Buf *report, unsigned *nlines)
{
    Recount r = {xcalloc(s->nobj, sizeof *r.n), s->nobj, 0};
    bool ok = true;
    for (SimId id = 1; id < s->nobj; id++) {
        SimKind k = sim_kind(s, id);
        if (k != SK_FREE && k != SK_SENTINEL)
            sim_owned_refs(s, id, count_ref, &r);
    }
    if (s->gc.garbage)
        count_ref(s, s->gc.garbage, &r);
    if (s->gc.callbacks)
        count_ref(s, s->gc.callbacks, &r);
    if (roots)
        roots(ctx, s, count_ref, &r);
    if (r.out_of_range)
        ok = line(report, nlines, "%llu references to records past the table",
                  (unsigned long long)r.out_of_range);
    uint32_t live = 0;
    for (SimId id = 1; id < s->nobj; id++) {
        const SimObj *o = sim_obj(s, id);
        if (o->kind == SK_FREE) {
            if (r.n[id])
                ok = line(report, nlines, "#%u is freed but %lld references remain", id,
                          (long long)r.n[id]);
            continue;
        }
        live++;
        if (o->kind == SK_SENTINEL || (o->flags & (SIM_F_STATIC | SIM_F_IMMORTAL)))
            continue;
        if (o->refcnt != r.n[id])
            ok = line(report, nlines, "#%u %s: refcount %lld, references found %lld", id,
                      sim_type_name(s, id), (long long)o->refcnt, (long long)r.n[id]);
    }
    if (live != s->nlive)
        ok = line(report, nlines, "live records: counted %u, the heap says %u", live, s->nlive);
    free(r.n);
    return ok;
}

/* ---- memory blocks ----------------------------------------------------- */

static uint64_t fl_blocks(const Sim *s)
{
    uint64_t n = s->fl_float.n + s->fl_list.n + s->fl_dict.n + s->fl_keys.n + s->fl_slice.n;
    for (unsigned i = 0; i < SIM_TUPLE_MAXSAVE; i++)
        n += s->fl_tuple[i].n;
    return n;
}

static bool audit_blocks(Sim *s, Buf *report, unsigned *nlines)
{
    uint64_t owned = fl_blocks(s);
    for (SimId id = 1; id < s->nobj; id++) {
        const SimObj *o = sim_obj(s, id);
        if (o->kind == SK_FREE)
            continue;
        owned += (o->mem != PM_NULL) + (o->mem2 != PM_NULL);
        if (o->kind == SK_DEQUE) /* its blocks and their cache */
            owned += sim__deque_blocks(s, id);
        if (o->kind == SK_DICT && sim_is_odict(s, id)) /* its nodes and fast-nodes array */
            owned += sim__odict_blocks(s, id);
    }
    uint64_t in_use = s->pm.raw_live_blocks;
    for (unsigned c = 0; c < PM_NCLASSES; c++)
        in_use += s->pm.class_in_use[c];
    if (owned + s->startup_blocks == in_use)
        return true;
    return line(report, nlines,
                "blocks in use %llu, held by objects and free lists %llu, start-up %llu",
                (unsigned long long)in_use, (unsigned long long)owned,
                (unsigned long long)s->startup_blocks);
}

bool sim_audit(Sim *s, SimRootsFn roots, void *ctx, Buf *report)
{
    unsigned nlines = 0;
    bool ok = audit_refs(s, roots, ctx, report, &nlines);
    ok = audit_blocks(s, report, &nlines) && ok;
    ok = pm_audit(&s->pm, report) && ok;
    return ok;
}
