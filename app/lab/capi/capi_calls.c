/*
 * capi_calls: what each C-API call of the lab does to the heap and to the
 * references of the program, following the 3.11 manual (sources in the
 * function table of capi_lang.c) and, for failures, 3.11's
 * Objects/listobject.c, tupleobject.c, dictobject.c and longobject.c: which
 * exception is set, and that PyList_SetItem / PyTuple_SetItem consume the
 * item's reference even when they fail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab/capi/capi_internal.h"

#define BAD_CALL "SystemError: bad argument to internal function" /* PyErr_BadInternalCall */

static void note(CapiCall *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(CapiCall *k, const char *fmt, ...)
{
    if (k->note->len)
        buf_adds(k->note, "; ");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(k->note, fmt, ap);
    va_end(ap);
}

static const char *fname(const CapiCall *k) { return capi_fn_info((CapiFn)k->x->fn)->name; }

#define desc capi__obj_desc

/* A new object reference the call returns (new: it owns one reference). */
static void give(CapiCall *k, CapiVal *out, CapiRefState st, SimId id, int lender)
{
    Capi *c = k->c;
    capi__sync(c);
    int obj = capi__obj_for(c, id, k->line);
    out->ref = capi__new_ref(c, st, obj, k->line, k->x->col, (CapiFn)k->x->fn);
    c->ref[out->ref].lender = lender;
}

static void fail(CapiCall *k, CapiVal *out, const char *exc)
{
    Capi *c = k->c;
    if (exc)
        capi__raise(c, exc, k->line);
    out->ref = capi__null_ref(c, k->line, k->x->col, (CapiFn)k->x->fn,
                              exc ? exc : "no exception set");
    note(k, "%s returns NULL%s%s", fname(k), exc ? ", " : " without an exception",
         exc ? exc : "");
}

static void status(CapiCall *k, CapiVal *out, int64_t v, const char *exc)
{
    out->is_long = true;
    out->num = v;
    if (exc) {
        capi__raise(k->c, exc, k->line);
        note(k, "%s returns %lld, %s", fname(k), (long long)v, exc);
    }
}

static SimId sid(const Capi *c, int obj) { return c->obj[obj].id; }
static SimKind kind_of(const Capi *c, int obj) { return sim_kind(c->sim, sid(c, obj)); }

/* ---- reference counting (refcounting.html) ------------------------------ */

static bool incref(CapiCall *k, CapiVal *a)
{
    Capi *c = k->c;
    if (!capi__usable(k, a, capi_fn_info((CapiFn)k->x->fn)->null_ok))
        return false;
    int obj = capi__val_obj(c, a);
    if (a->ref < 0 || obj < 0) {
        note(k, "%s(NULL) does nothing", fname(k));
        return true;
    }
    CapiRef *r = &c->ref[a->ref];
    int64_t before = c->obj[obj].refcnt;
    sim_incref(c->sim, sid(c, obj));
    capi__sync(c);
    r->owned++;
    r->state = CAPI_OWNED;
    r->lender = -1;
    char nm[80], od[64];
    note(k, "%s refcount %lld -> %lld; %s now owns %d reference%s", desc(c, obj, od, sizeof od),
         (long long)before, (long long)c->obj[obj].refcnt, capi__ref_name(c, a->ref, nm, sizeof nm),
         r->owned, r->owned == 1 ? "" : "s");
    return true;
}

static size_t alive_count(const Capi *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->nobj; i++)
        n += c->obj[i].alive;
    return n;
}

static bool decref(CapiCall *k, CapiVal *a)
{
    Capi *c = k->c;
    const CapiExpr *ax = &c->prog.expr[a->expr];
    bool x = capi_fn_info((CapiFn)k->x->fn)->null_ok;
    if (a->ref < 0 || c->ref[a->ref].state == CAPI_NULL) {
        if (!x)
            return capi__usable(k, a, false);
        note(k, "Py_XDECREF(NULL) does nothing");
        return true;
    }
    CapiRef *r = &c->ref[a->ref];
    char nm[80], od[64];
    capi__ref_name(c, a->ref, nm, sizeof nm);
    if (r->state == CAPI_RELEASED) {
        if (!c->obj[r->obj].alive)
            capi__misuse(k, ax->col, "double decref: %s's %s was already freed at line %d "
                                     "(%s released its reference at line %d)",
                         nm, desc(c, r->obj, od, sizeof od), c->obj[r->obj].freed_line, nm,
                         r->gone_line);
        else
            capi__misuse(k, ax->col, "double decref: %s's reference was already released at "
                                     "line %d; this %s takes a reference %s does not own",
                         nm, r->gone_line, fname(k), nm);
        return false;
    }
    if (r->state == CAPI_STOLEN) {
        capi__misuse(k, ax->col, "%s's reference was stolen by %s at line %d: the container "
                                 "owns it now, so %s must not release it",
                     nm, capi_fn_info((CapiFn)r->gone_fn)->name,
                     r->gone_line, nm);
        return false;
    }
    if (!capi__usable(k, a, false))
        return false;
    if (r->state == CAPI_BORROWED) {
        capi__misuse(k, ax->col, "%s is a borrowed reference (from %s at line %d): %s does not "
                                 "own it, so it must not %s it",
                     nm, r->fn < CF_COUNT ? capi_fn_info((CapiFn)r->fn)->name : "an assignment",
                     r->line, nm, fname(k));
        return false;
    }
    int obj = r->obj;
    int64_t before = c->obj[obj].refcnt;
    size_t alive = alive_count(c);
    r->owned--;
    if (r->owned == 0) {
        r->state = CAPI_RELEASED;
        r->gone_line = k->line;
        r->gone_fn = k->x->fn;
    }
    sim_decref(c->sim, sid(c, obj));
    capi__sync(c);
    if (c->obj[obj].alive) {
        note(k, "%s refcount %lld -> %lld", desc(c, obj, od, sizeof od), (long long)before,
             (long long)c->obj[obj].refcnt);
    } else {
        size_t others = alive - alive_count(c) - 1;
        note(k, "%s refcount 1 -> 0: freed (sys.getsizeof was %zu)%s",
             desc(c, obj, od, sizeof od), c->obj[obj].size, others ? ", and with it" : "");
        if (others)
            buf_printf(k->note, " %zu object%s it held", others, others == 1 ? "" : "s");
    }
    return true;
}

static bool newref(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, a, capi_fn_info((CapiFn)k->x->fn)->null_ok))
        return false;
    int obj = capi__val_obj(c, a);
    if (obj < 0 || c->ref[a->ref].state == CAPI_NULL) {
        out->ref = capi__null_ref(c, k->line, k->x->col, (CapiFn)k->x->fn, NULL);
        note(k, "Py_XNewRef(NULL) returns NULL");
        return true;
    }
    sim_incref(c->sim, sid(c, obj));
    give(k, out, CAPI_OWNED, sid(c, obj), -1);
    char od[64];
    note(k, "new reference to the same %s: refcount %lld", desc(c, obj, od, sizeof od),
         (long long)c->obj[obj].refcnt);
    return true;
}

/* ---- objects --------------------------------------------------------------- */

static void made(CapiCall *k, CapiVal *out, SimId id)
{
    give(k, out, CAPI_OWNED, id, -1);
    Capi *c = k->c;
    int obj = c->ref[out->ref].obj;
    const CapiObj *o = &c->obj[obj];
    char od[64];
    if (o->singleton)
        note(k, "new reference to the cached %s (a 3.11 static object: refcount %lld)",
             desc(c, obj, od, sizeof od), (long long)o->refcnt);
    else
        note(k, "new reference: %s, refcount %lld, %zu bytes", desc(c, obj, od, sizeof od),
             (long long)o->refcnt, o->size);
}

static bool long_aslong(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, a, false))
        return false;
    int obj = capi__val_obj(c, a);
    if (kind_of(c, obj) != SK_INT || sim_obj(c->sim, sid(c, obj))->sub) {
        char m[96];
        snprintf(m, sizeof m, "TypeError: '%s' object cannot be interpreted as an integer",
                 c->obj[obj].type);
        status(k, out, -1, m);
        return true;
    }
    status(k, out, sim_obj(c->sim, sid(c, obj))->v.i, NULL);
    note(k, "%lld (a C long; no reference involved)", (long long)out->num);
    return true;
}

static bool sized_new(CapiCall *k, CapiVal *n, CapiVal *out, bool list)
{
    Capi *c = k->c;
    if (n->num < 0) {
        fail(k, out, BAD_CALL);
        return true;
    }
    if (n->num > CAPI_MAX_ITEMS) {
        capi__misuse(k, k->x->col, "this lab models %s of at most %d items, not %lld",
                     list ? "lists" : "tuples", CAPI_MAX_ITEMS, (long long)n->num);
        return false;
    }
    SimId id = list ? sim_list(c->sim, (size_t)n->num) : sim_tuple(c->sim, (size_t)n->num);
    made(k, out, id);
    if (n->num > 0)
        note(k, "its %lld item%s NULL until set", (long long)n->num, n->num == 1 ? " is" : "s are");
    return true;
}

/* ---- containers (list.html, tuple.html, dict.html) ----------------------- */

/* The item argument of a SetItem: NULL literal, or a reference it may steal. */
static bool stealable(CapiCall *k, CapiVal *item)
{
    Capi *c = k->c;
    if (item->ref < 0)
        return true; /* a NULL literal: stores NULL */
    if (!capi__usable(k, item, false))
        return false;
    const CapiRef *r = &c->ref[item->ref];
    if (r->state != CAPI_OWNED) {
        char nm[80];
        capi__ref_name(c, item->ref, nm, sizeof nm);
        capi__misuse(k, c->prog.expr[item->expr].col,
                     "%s steals a reference, but %s is %s, not owned: Py_INCREF(%s) first (or "
                     "pass Py_NewRef(%s)), or the container will one day release a reference "
                     "nobody added", fname(k), nm, capi_state_name((CapiRefState)r->state), nm, nm);
        return false;
    }
    return true;
}

/* The item's reference moves into the container (or is dropped on failure). */
static void steal(CapiCall *k, CapiVal *item, CapiVal *container, bool stored)
{
    Capi *c = k->c;
    if (item->ref < 0)
        return;
    CapiRef *r = &c->ref[item->ref];
    r->owned--;
    if (!stored)
        sim_decref(c->sim, sid(c, r->obj));
    if (r->owned == 0) {
        r->state = stored ? CAPI_STOLEN : CAPI_RELEASED;
        r->gone_line = k->line;
        r->gone_fn = k->x->fn;
        r->lender = stored ? container->ref : -1;
    }
    capi__sync(c);
    char nm[80], od[64];
    capi__ref_name(c, item->ref, nm, sizeof nm);
    if (!stored)
        note(k, "the call failed but still consumed %s's reference (%s %s)", nm,
             desc(c, r->obj, od, sizeof od),
             c->obj[r->obj].alive ? "survives elsewhere" : "freed");
    else if (r->owned == 0 && r->var < 0)
        note(k, "the container keeps %s's new reference (stolen)", nm);
    else if (r->owned == 0)
        note(k, "%s's reference was stolen: the container owns it, %s is borrowed from it now",
             nm, nm);
    else
        note(k, "one of %s's references was stolen; it still owns %d", nm, r->owned);
}

static bool set_item(CapiCall *k, CapiVal *a, CapiVal *out, bool list)
{
    Capi *c = k->c;
    if (!capi__usable(k, &a[0], false) || !stealable(k, &a[2]))
        return false;
    int cont = capi__val_obj(c, &a[0]);
    SimId cid = sid(c, cont);
    const SimObj *co = sim_obj(c->sim, cid);
    int64_t i = a[1].num;
    if (co->kind != (list ? SK_LIST : SK_TUPLE) || (!list && sim_refcount(c->sim, cid) != 1)) {
        status(k, out, -1, BAD_CALL);
        if (!list && co->kind == SK_TUPLE)
            note(k, "PyTuple_SetItem only fills a tuple nobody else holds (refcount 1)");
        steal(k, &a[2], &a[0], false);
        return true;
    }
    if (i < 0 || i >= co->len) {
        status(k, out, -1, list ? "IndexError: list assignment index out of range"
                                 : "IndexError: tuple assignment index out of range");
        steal(k, &a[2], &a[0], false);
        return true;
    }
    SimId item = a[2].ref >= 0 ? sid(c, c->ref[a[2].ref].obj) : 0;
    SimId old = sim_items(c->sim, cid)[i];
    char od[64];
    if (old) {
        int oo = capi__obj_for(c, old, k->line);
        note(k, "replaces %s, whose reference the %s drops", desc(c, oo, od, sizeof od),
             list ? "list" : "tuple");
    }
    if (list) {
        sim_list_set(c->sim, cid, (size_t)i, item);
    } else {
        sim_tuple_set(c->sim, cid, (size_t)i, item);
        sim_xdecref(c->sim, old);
    }
    note(k, "[%lld] set", (long long)i);
    status(k, out, 0, NULL);
    steal(k, &a[2], &a[0], true);
    return true;
}

static bool get_item(CapiCall *k, CapiVal *a, CapiVal *out, bool list)
{
    Capi *c = k->c;
    if (!capi__usable(k, &a[0], false))
        return false;
    int cont = capi__val_obj(c, &a[0]);
    const SimObj *co = sim_obj(c->sim, sid(c, cont));
    int64_t i = a[1].num;
    if (co->kind != (list ? SK_LIST : SK_TUPLE)) {
        fail(k, out, BAD_CALL);
        return true;
    }
    if (i < 0 || i >= co->len) {
        fail(k, out, list ? "IndexError: list index out of range"
                          : "IndexError: tuple index out of range");
        return true;
    }
    SimId item = sim_items(c->sim, sid(c, cont))[i];
    if (!item) {
        out->ref = capi__null_ref(c, k->line, k->x->col, (CapiFn)k->x->fn,
                                  "the slot was never set");
        note(k, "item %lld is still NULL: %s returns NULL (no exception)", (long long)i,
             fname(k));
        return true;
    }
    give(k, out, CAPI_BORROWED, item, a[0].ref);
    char od[64];
    int obj = c->ref[out->ref].obj;
    note(k, "borrowed reference to %s (refcount %lld stays): valid while the %s holds it",
         desc(c, obj, od, sizeof od), (long long)c->obj[obj].refcnt, list ? "list" : "tuple");
    return true;
}

static bool list_append(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, &a[0], false) || !capi__usable(k, &a[1], false))
        return false;
    int l = capi__val_obj(c, &a[0]), it = capi__val_obj(c, &a[1]);
    if (kind_of(c, l) != SK_LIST) {
        status(k, out, -1, BAD_CALL);
        return true;
    }
    sim_incref(c->sim, sid(c, it));
    sim_list_append(c->sim, sid(c, l), sid(c, it));
    capi__sync(c);
    status(k, out, 0, NULL);
    char od[64];
    note(k, "the list takes its own reference: %s refcount %lld", desc(c, it, od, sizeof od),
         (long long)c->obj[it].refcnt);
    return true;
}

static bool list_size(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, a, false))
        return false;
    int l = capi__val_obj(c, a);
    if (kind_of(c, l) != SK_LIST) {
        status(k, out, -1, BAD_CALL);
        return true;
    }
    status(k, out, sim_obj(c->sim, sid(c, l))->len, NULL);
    note(k, "%lld", (long long)out->num);
    return true;
}

static bool dict_set(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, &a[0], false) || !capi__usable(k, &a[2], false))
        return false;
    int d = capi__val_obj(c, &a[0]), v = capi__val_obj(c, &a[2]);
    if (kind_of(c, d) != SK_DICT) {
        status(k, out, -1, BAD_CALL);
        return true;
    }
    sim_incref(c->sim, sid(c, v));
    SimId key = sim_str_intern(c->sim, a[1].str, strlen(a[1].str));
    sim_dict_set(c->sim, sid(c, d), key, sid(c, v)); /* steals both: the dict's own */
    capi__sync(c);
    status(k, out, 0, NULL);
    char od[64];
    note(k, "the dict takes its own reference (not stolen): %s refcount %lld",
         desc(c, v, od, sizeof od), (long long)c->obj[v].refcnt);
    return true;
}

static bool dict_get(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    if (!capi__usable(k, &a[0], false))
        return false;
    int d = capi__val_obj(c, &a[0]);
    SimId v = kind_of(c, d) == SK_DICT ? sim_dict_get_str(c->sim, sid(c, d), a[1].str) : 0;
    if (!v) {
        out->ref = capi__null_ref(c, k->line, k->x->col, (CapiFn)k->x->fn,
                                  "no such key; PyDict_GetItemString sets no exception");
        note(k, "no '%s': NULL, and no exception is set", a[1].str);
        return true;
    }
    give(k, out, CAPI_BORROWED, v, a[0].ref);
    char od[64];
    int obj = c->ref[out->ref].obj;
    note(k, "borrowed reference to %s (refcount %lld stays): valid while the dict holds it",
         desc(c, obj, od, sizeof od), (long long)c->obj[obj].refcnt);
    return true;
}

bool capi__call(CapiCall *k, CapiVal *a, CapiVal *out)
{
    Capi *c = k->c;
    switch ((CapiFn)k->x->fn) {
    case CF_INCREF: case CF_XINCREF: return incref(k, &a[0]);
    case CF_DECREF: case CF_XDECREF: return decref(k, &a[0]);
    case CF_NEWREF: case CF_XNEWREF: return newref(k, &a[0], out);
    case CF_LONG_FROMLONG: made(k, out, sim_int(c->sim, a[0].num)); return true;
    case CF_LONG_ASLONG: return long_aslong(k, &a[0], out);
    case CF_UNICODE_FROMSTRING:
        made(k, out, sim_str(c->sim, a[0].str, strlen(a[0].str)));
        return true;
    case CF_LIST_NEW: return sized_new(k, &a[0], out, true);
    case CF_LIST_APPEND: return list_append(k, a, out);
    case CF_LIST_SETITEM: return set_item(k, a, out, true);
    case CF_LIST_GETITEM: return get_item(k, a, out, true);
    case CF_LIST_SIZE: return list_size(k, &a[0], out);
    case CF_TUPLE_NEW: return sized_new(k, &a[0], out, false);
    case CF_TUPLE_SETITEM: return set_item(k, a, out, false);
    case CF_TUPLE_GETITEM: return get_item(k, a, out, false);
    case CF_DICT_NEW: made(k, out, sim_dict(c->sim)); return true;
    case CF_DICT_SETITEMSTRING: return dict_set(k, a, out);
    case CF_DICT_GETITEMSTRING: return dict_get(k, a, out);
    case CF_ERR_CLEAR:
        note(k, c->exc ? "clears the pending exception" : "no exception was set");
        free(c->exc);
        c->exc = NULL;
        return true;
    case CF_COUNT: break;
    }
    return false;
}
