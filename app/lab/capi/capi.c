/*
 * capi: runs a C-API lab program on the simulated 3.11 heap — the objects it
 * meets, the references its variables hold, the checks made at each use
 * (NULL, freed, borrowed from a released reference, stolen, not owned), and
 * the leak report at the end.  The calls themselves are in capi_calls.c.
 */
#include "lab/capi/capi.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lab/capi/capi_internal.h"
#include "sim/profile.h"

/* ---- objects and references ------------------------------------------- */

static void describe(Capi *c, CapiObj *o)
{
    const Sim *s = c->sim;
    const SimObj *so = sim_obj(s, o->id);
    snprintf(o->type, sizeof o->type, "%s", sim_type_name(s, o->id));
    o->kind = so->kind;
    switch ((SimKind)so->kind) {
    case SK_INT:
        snprintf(o->repr, sizeof o->repr, "%lld", (long long)so->v.i);
        break;
    case SK_STR: {
        size_t n;
        const char *d = sim_str_data(s, o->id, &n);
        snprintf(o->repr, sizeof o->repr, "'%.*s%s'", (int)(n > 24 ? 24 : n), d,
                 n > 24 ? "..." : "");
        break;
    }
    case SK_NONE:
        snprintf(o->repr, sizeof o->repr, "None");
        break;
    case SK_LIST: case SK_TUPLE: case SK_DICT:
        snprintf(o->repr, sizeof o->repr, "len %u", so->len);
        break;
    default:
        o->repr[0] = '\0';
    }
    o->refcnt = sim_refcount(s, o->id);
    o->size = sim_sizeof(s, o->id);
}

int capi__obj_for(Capi *c, SimId id, int line)
{
    for (size_t i = 0; i < c->nobj; i++)
        if (c->obj[i].alive && c->obj[i].id == id)
            return (int)i;
    c->obj = xgrow(c->obj, &c->capobj, c->nobj + 1, sizeof *c->obj);
    CapiObj *o = &c->obj[c->nobj];
    memset(o, 0, sizeof *o);
    o->id = id;
    o->alive = true;
    o->made_line = line;
    o->singleton = (sim_obj(c->sim, id)->flags & SIM_F_STATIC) != 0;
    describe(c, o);
    return (int)c->nobj++;
}

int capi__new_ref(Capi *c, CapiRefState st, int obj, int line, int col, CapiFn fn)
{
    c->ref = xgrow(c->ref, &c->capref, c->nref + 1, sizeof *c->ref);
    CapiRef *r = &c->ref[c->nref];
    memset(r, 0, sizeof *r);
    r->state = (uint8_t)st;
    r->var = -1;
    r->obj = obj;
    r->owned = st == CAPI_OWNED;
    r->line = line;
    r->col = col;
    r->fn = (uint8_t)fn;
    r->lender = -1;
    return (int)c->nref++;
}

int capi__null_ref(Capi *c, int line, int col, CapiFn fn, const char *exc)
{
    int r = capi__new_ref(c, CAPI_NULL, -1, line, col, fn);
    c->ref[r].why_null = exc ? xstrdup(exc) : NULL;
    return r;
}

/* Reads the heap's free events: objects the program knew that died. */
void capi__sync(Capi *c)
{
    SimEvent ev[256];
    size_t n;
    while ((n = sim_events_since(c->sim, c->seen_events, ev, 256)) > 0) {
        for (size_t e = 0; e < n; e++) {
            if (ev[e].kind != SE_FREE)
                continue;
            for (size_t i = 0; i < c->nobj; i++)
                if (c->obj[i].alive && c->obj[i].id == ev[e].obj) {
                    c->obj[i].alive = false;
                    c->obj[i].freed_line = c->line_now;
                    c->obj[i].refcnt = 0;
                }
        }
        c->seen_events = ev[n - 1].seq + 1;
    }
    if (c->seen_events < c->sim->nevents) /* the ring wrapped: skip ahead */
        c->seen_events = c->sim->nevents;
    for (size_t i = 0; i < c->nobj; i++)
        if (c->obj[i].alive)
            describe(c, &c->obj[i]);
}

void capi__raise(Capi *c, const char *exc, int line)
{
    free(c->exc);
    c->exc = xstrdup(exc);
    c->exc_line = line;
}

const char *capi__ref_name(const Capi *c, int ref, char *buf, size_t n)
{
    const CapiRef *r = &c->ref[ref];
    if (r->var >= 0)
        snprintf(buf, n, "%s", c->prog.var[r->var].name);
    else if (r->fn < CF_COUNT)
        snprintf(buf, n, "the result of %s", capi_fn_info((CapiFn)r->fn)->name);
    else
        snprintf(buf, n, "Py_None");
    return buf;
}

void capi__misuse(CapiCall *k, int col, const char *fmt, ...)
{
    if (k->err->len)
        return;
    buf_printf(k->err, "%s:%d:%d: error: ", k->c->file, k->line, col);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(k->err, fmt, ap);
    va_end(ap);
    buf_addc(k->err, '\n');
    if (!k->c->error_line)
        k->c->error_line = k->line;
}

/* ---- is a reference still good? ---------------------------------------- */

/* Does container (or alias) object `holder` hold `obj` right now? */
static bool holds(const Capi *c, int holder, int obj)
{
    if (holder == obj)
        return true;
    const CapiObj *h = &c->obj[holder], *o = &c->obj[obj];
    if (!h->alive || !o->alive)
        return false;
    const Sim *s = c->sim;
    const SimObj *so = sim_obj(s, h->id);
    if (so->kind == SK_LIST || so->kind == SK_TUPLE) {
        for (uint32_t i = 0; i < so->len; i++)
            if (sim_items(s, h->id)[i] == o->id)
                return true;
    } else if (so->kind == SK_DICT) {
        uint32_t pos = 0;
        SimId key, val;
        while (sim_dict_next(s, h->id, &pos, &key, &val))
            if (val == o->id)
                return true;
    }
    return false;
}

/* Why a borrowed (or stolen) reference is no longer backed: the ref along
 * its chain of lenders that let go, or -1 when it is still good. */
static int broken_lender(const Capi *c, int ref, int depth)
{
    const CapiRef *r = &c->ref[ref];
    if (r->lender < 0 || depth > 64)
        return -1;
    const CapiRef *l = &c->ref[r->lender];
    bool lender_holds = l->state == CAPI_OWNED || l->state == CAPI_BORROWED ||
                        l->state == CAPI_STOLEN;
    if (!lender_holds || l->obj < 0 || !holds(c, l->obj, r->obj))
        return r->lender;
    if (l->state != CAPI_OWNED)
        return broken_lender(c, r->lender, depth + 1);
    return -1;
}

int capi__val_obj(const Capi *c, const CapiVal *v)
{
    return v->ref >= 0 ? c->ref[v->ref].obj : -1;
}

const char *capi__obj_desc(const Capi *c, int obj, char *buf, size_t n)
{
    const CapiObj *o = &c->obj[obj];
    bool container = o->kind == SK_LIST || o->kind == SK_TUPLE || o->kind == SK_DICT;
    if (o->kind == SK_NONE)
        snprintf(buf, n, "None");
    else if (container || !o->repr[0])
        snprintf(buf, n, "%s", o->type);
    else
        snprintf(buf, n, "%s %s", o->type, o->repr);
    return buf;
}
#define obj_desc capi__obj_desc

bool capi__usable(CapiCall *k, const CapiVal *v, bool null_ok)
{
    Capi *c = k->c;
    const CapiExpr *x = &c->prog.expr[v->expr];
    if (v->ref < 0) {
        if (null_ok)
            return true;
        capi__misuse(k, x->col, "NULL passed to %s, which needs an object",
                     capi_fn_info((CapiFn)k->x->fn)->name);
        return false;
    }
    const CapiRef *r = &c->ref[v->ref];
    char nm[80], od[64], ln[80];
    capi__ref_name(c, v->ref, nm, sizeof nm);
    switch ((CapiRefState)r->state) {
    case CAPI_NULL:
        if (null_ok)
            return true;
        if (r->why_null && r->fn < CF_COUNT)
            capi__misuse(k, x->col,
                         "%s is NULL: %s returned NULL at line %d (%s) and it is used "
                         "without a check; test it first: if (!%s) return NULL",
                         nm, capi_fn_info((CapiFn)r->fn)->name, r->line, r->why_null, nm);
        else
            capi__misuse(k, x->col, "%s is NULL here (set at line %d)", nm, r->line);
        return false;
    case CAPI_RELEASED:
        if (!c->obj[r->obj].alive)
            capi__misuse(k, x->col,
                         "use after free: %s's %s was freed at line %d (its reference was "
                         "released at line %d)", nm, obj_desc(c, r->obj, od, sizeof od),
                         c->obj[r->obj].freed_line, r->gone_line);
        else
            capi__misuse(k, x->col,
                         "%s no longer holds a reference: it was released at line %d; the %s "
                         "survives only because something else holds it", nm, r->gone_line,
                         obj_desc(c, r->obj, od, sizeof od));
        return false;
    case CAPI_RETURNED:
        capi__misuse(k, x->col, "%s was already returned at line %d", nm, r->gone_line);
        return false;
    case CAPI_SCALAR:
        return true;
    case CAPI_OWNED:
        if (!c->obj[r->obj].alive) {
            capi__misuse(k, x->col, "use after free: %s's %s was freed at line %d", nm,
                         obj_desc(c, r->obj, od, sizeof od), c->obj[r->obj].freed_line);
            return false;
        }
        return true;
    case CAPI_BORROWED:
    case CAPI_STOLEN: {
        int bad = broken_lender(c, v->ref, 0);
        if (bad < 0 && c->obj[r->obj].alive)
            return true;
        if (bad < 0) { /* freed by a Py_DECREF of some alias */
            capi__misuse(k, x->col, "use after free: %s's %s was freed at line %d", nm,
                         obj_desc(c, r->obj, od, sizeof od), c->obj[r->obj].freed_line);
            return false;
        }
        const CapiRef *l = &c->ref[bad];
        capi__ref_name(c, bad, ln, sizeof ln);
        const char *how = r->state == CAPI_STOLEN ? "was stolen by" : "was borrowed from";
        char gone[96];
        if (l->state == CAPI_OWNED || l->state == CAPI_BORROWED || l->state == CAPI_STOLEN)
            snprintf(gone, sizeof gone, "%s no longer holds it", ln);
        else
            snprintf(gone, sizeof gone, "%s's reference was released at line %d", ln,
                     l->gone_line);
        if (!c->obj[r->obj].alive)
            capi__misuse(k, x->col,
                         "use after free: %s %s %s at line %d, %s, and the %s was freed "
                         "at line %d", nm, how, ln, r->line, gone,
                         obj_desc(c, r->obj, od, sizeof od), c->obj[r->obj].freed_line);
        else
            capi__misuse(k, x->col,
                         "borrowed reference used after its owner let go: %s %s %s at line "
                         "%d, %s; nothing keeps the %s alive now (it survives here by luck, "
                         "refcount %lld); Py_INCREF it while it is still held",
                         nm, how, ln, r->line, gone, obj_desc(c, r->obj, od, sizeof od),
                         (long long)c->obj[r->obj].refcnt);
        return false;
    }
    }
    return false;
}

/* ---- statements --------------------------------------------------------- */

static bool eval(Capi *c, int e, int line, Buf *note, Buf *err, CapiVal *out)
{
    const CapiExpr *x = &c->prog.expr[e];
    memset(out, 0, sizeof *out);
    out->ref = -1;
    out->expr = e;
    CapiCall k = {c, x, line, note, err};
    switch ((CapiExprKind)x->kind) {
    case CE_VAR: {
        int r = c->cur[x->var];
        if (r < 0) {
            capi__misuse(&k, x->col, "%s was never assigned (the line that assigns it did not run)",
                         c->prog.var[x->var].name);
            return false;
        }
        if (c->ref[r].state == CAPI_SCALAR) {
            out->is_long = true;
            out->num = c->ref[r].scalar;
        } else {
            out->ref = r;
        }
        return true;
    }
    case CE_INT:
        out->is_long = true;
        out->num = x->num;
        return true;
    case CE_STR:
        out->str = x->str;
        return true;
    case CE_NULL:
        return true;
    case CE_NONE:
        out->ref = capi__new_ref(c, CAPI_BORROWED, capi__obj_for(c, c->sim->none, line), line,
                                 x->col, CF_COUNT);
        return true;
    case CE_CALL: {
        CapiVal args[3];
        const CapiFnInfo *fi = capi_fn_info((CapiFn)x->fn);
        for (int i = 0; i < fi->nargs; i++)
            if (!eval(c, x->args[i], line, note, err, &args[i]))
                return false;
        bool ok = capi__call(&k, args, out);
        out->expr = e;
        return ok;
    }
    }
    return false;
}

static void note_sep(Buf *note)
{
    if (note->len)
        buf_adds(note, "; ");
}

static void bind(Capi *c, int var, CapiVal *v, const CapiStmt *s, Buf *note)
{
    int old = c->cur[var];
    const char *name = c->prog.var[var].name;
    if (old >= 0 && c->ref[old].state == CAPI_OWNED && c->ref[old].owned > 0) {
        c->ref[old].gone_line = s->line;
        note_sep(note);
        buf_printf(note, "the reference %s held since line %d is overwritten: it leaks", name,
                   c->ref[old].line);
    }
    const CapiExpr *x = &c->prog.expr[v->expr];
    int r;
    if (v->is_long) {
        r = capi__new_ref(c, CAPI_SCALAR, -1, s->line, x->col, CF_COUNT);
        c->ref[r].scalar = v->num;
        note_sep(note);
        buf_printf(note, "%s = %lld", name, (long long)v->num);
    } else if (x->kind == CE_NULL) {
        r = capi__null_ref(c, s->line, x->col, CF_COUNT, NULL);
        c->ref[r].checked = true;
    } else if (x->kind == CE_VAR) {
        const CapiRef *src = &c->ref[v->ref];
        if (src->state == CAPI_NULL) {
            r = capi__null_ref(c, src->line, src->col, (CapiFn)src->fn, src->why_null);
        } else {
            r = capi__new_ref(c, CAPI_BORROWED, src->obj, s->line, x->col, CF_COUNT);
            c->ref[r].lender = v->ref;
            note_sep(note);
            buf_printf(note, "%s borrows %s's reference (no refcount change)", name,
                       c->prog.var[x->var].name);
        }
    } else {
        r = v->ref;
    }
    c->ref[r].var = var;
    c->cur[var] = r;
}

static bool do_return(Capi *c, const CapiStmt *s, CapiVal *v, Buf *note, Buf *err)
{
    CapiCall k = {c, NULL, s->line, note, err};
    bool is_null = v->ref < 0 || c->ref[v->ref].state == CAPI_NULL;
    if (is_null) {
        if (!c->exc) {
            capi__misuse(&k, s->col, "returned NULL without setting an exception (the caller "
                                     "raises SystemError: error return without exception set)");
            return false;
        }
        note_sep(note);
        buf_printf(note, "returns NULL: the caller sees %s", c->exc);
        c->returned = true;
        c->pc = (int)c->prog.ntop;
        return true;
    }
    if (!capi__usable(&k, v, false))
        return false;
    CapiRef *r = &c->ref[v->ref];
    char nm[80], od[64];
    capi__ref_name(c, v->ref, nm, sizeof nm);
    if (r->state != CAPI_OWNED || r->owned < 1) {
        capi__misuse(&k, s->col,
                     "returns a reference it does not own: %s is %s, but the caller will "
                     "Py_DECREF what it gets; return Py_NewRef(%s) instead",
                     nm, capi_state_name((CapiRefState)r->state), nm);
        return false;
    }
    if (c->exc) {
        capi__misuse(&k, s->col, "returns a result with %s still set (SystemError in the caller); "
                                 "return NULL, or PyErr_Clear() first", c->exc);
        return false;
    }
    const CapiObj *o = &c->obj[r->obj];
    const SimObj *so = sim_obj(c->sim, o->id);
    if (so->kind == SK_LIST || so->kind == SK_TUPLE)
        for (uint32_t i = 0; i < so->len; i++)
            if (!sim_items(c->sim, o->id)[i]) {
                capi__misuse(&k, s->col, "returns a %s whose item %u is still NULL (%s_New "
                                         "leaves items NULL until they are set)",
                             o->type, i, so->kind == SK_LIST ? "PyList" : "PyTuple");
                return false;
            }
    r->owned--;
    if (r->owned == 0) {
        r->state = CAPI_RETURNED;
        r->gone_line = s->line;
    }
    c->ret_ref = v->ref;
    c->returned = true;
    c->pc = (int)c->prog.ntop;
    note_sep(note);
    buf_printf(note, "the caller now owns the %s (refcount %lld)",
               obj_desc(c, r->obj, od, sizeof od), (long long)o->refcnt);
    return true;
}

static bool run_stmt(Capi *c, int si, Buf *note, Buf *err)
{
    const CapiStmt *s = &c->prog.stmt[si];
    CapiVal v;
    switch ((CapiStmtKind)s->kind) {
    case CS_EXPR:
        return eval(c, s->expr, s->line, note, err, &v);
    case CS_ASSIGN:
        if (!eval(c, s->expr, s->line, note, err, &v))
            return false;
        bind(c, s->var, &v, s, note);
        return true;
    case CS_RETURN:
        if (!eval(c, s->expr, s->line, note, err, &v))
            return false;
        return do_return(c, s, &v, note, err);
    case CS_RETURN_NONE: {
        /* Py_RETURN_NONE: Py_INCREF(Py_None); return Py_None (object.h) */
        int obj = capi__obj_for(c, c->sim->none, s->line);
        sim_incref(c->sim, c->sim->none);
        v = (CapiVal){.ref = capi__new_ref(c, CAPI_OWNED, obj, s->line, s->col, CF_COUNT),
                      .expr = -1};
        capi__sync(c);
        if (c->exc) {
            CapiCall k = {c, NULL, s->line, note, err};
            capi__misuse(&k, s->col, "returns None with %s still set (SystemError in the "
                                     "caller); return NULL, or PyErr_Clear() first", c->exc);
            return false;
        }
        c->returned = true;
        c->pc = (int)c->prog.ntop;
        c->ret_ref = v.ref;
        c->ref[v.ref].owned = 0;
        c->ref[v.ref].state = CAPI_RETURNED;
        note_sep(note);
        buf_adds(note, "returns a new reference to None");
        return true;
    }
    case CS_IF: {
        int r = c->cur[s->var];
        const char *name = c->prog.var[s->var].name;
        if (r < 0) {
            CapiCall k = {c, NULL, s->line, note, err};
            capi__misuse(&k, s->col, "%s was never assigned (the line that assigns it did not run)",
                         name);
            return false;
        }
        CapiRef *ref = &c->ref[r];
        bool taken;
        if (s->cond == CC_NEGATIVE) {
            taken = ref->scalar < 0;
        } else {
            ref->checked = true;
            taken = (ref->state == CAPI_NULL) == (s->cond == CC_IS_NULL);
        }
        note_sep(note);
        if (s->cond == CC_NEGATIVE)
            buf_printf(note, "%s is %lld", name, (long long)ref->scalar);
        else
            buf_printf(note, "%s is %sNULL", name, ref->state == CAPI_NULL ? "" : "not ");
        buf_adds(note, taken ? ": the block runs" : ": skipped");
        for (int b = 0; taken && b < s->nbody && !c->returned; b++)
            if (!run_stmt(c, s->body + b, note, err))
                return false;
        return true;
    }
    }
    return false;
}

/* ---- the program ------------------------------------------------------- */

Capi *capi_new(const char *src, size_t len, const char *file, DiagList *dl)
{
    CapiProg prog;
    if (!capi_parse(&prog, src, len, file, dl)) {
        capi_prog_fini(&prog);
        return NULL;
    }
    Capi *c = xcalloc(1, sizeof *c);
    c->prog = prog;
    c->file = xstrdup(file ? file : "<capi>");
    c->sim = sim_new(sim_profile_find("3.11"));
    c->cur = xmalloc((prog.nvar ? prog.nvar : 1) * sizeof *c->cur);
    for (size_t i = 0; i < prog.nvar; i++)
        c->cur[i] = -1;
    c->ret_ref = -1;
    c->seen_events = c->sim->nevents;
    return c;
}

void capi_free(Capi *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nref; i++)
        free(c->ref[i].why_null);
    capi_prog_fini(&c->prog);
    sim_free(c->sim);
    free(c->file), free(c->obj), free(c->ref), free(c->cur), free(c->exc), free(c->leak);
    free(c);
}

int capi_line(const Capi *c)
{
    return c->pc < (int)c->prog.ntop ? c->prog.stmt[c->pc].line : 0;
}

int capi_step(Capi *c, Buf *out, Buf *err)
{
    if (c->pc >= (int)c->prog.ntop)
        return 0;
    int pc = c->pc;
    c->line_now = c->prog.stmt[pc].line;
    Buf note = {0};
    bool ok = run_stmt(c, pc, &note, err);
    capi__sync(c);
    buf_adds(out, c->prog.text[pc]);
    if (note.len)
        buf_printf(out, "  -> %s", buf_str(&note));
    buf_addc(out, '\n');
    buf_fini(&note);
    if (!c->returned)
        c->pc++;
    if (!ok) {
        c->pc = (int)c->prog.ntop;
        return 1;
    }
    return 0;
}

int capi_end(Capi *c, Buf *out, Buf *err)
{
    char nm[80], od[64];
    capi__sync(c);
    c->nleak = 0;
    for (size_t i = 0; i < c->nref; i++) {
        const CapiRef *r = &c->ref[i];
        if (r->state != CAPI_OWNED || r->owned < 1 || r->obj < 0)
            continue;
        c->leak = xgrow(c->leak, &c->capleak, c->nleak + 1, sizeof *c->leak);
        c->leak[c->nleak++] = (CapiLeak){r->line, r->col, r->var, r->obj, r->owned};
        capi__ref_name(c, (int)i, nm, sizeof nm);
        buf_printf(err, "%s:%d:%d: error: leak: %s (%s, refcount %lld) still owns %d "
                        "reference%s when the function ends",
                   c->file, r->line, r->col, nm, obj_desc(c, r->obj, od, sizeof od),
                   (long long)c->obj[r->obj].refcnt, r->owned, r->owned == 1 ? "" : "s");
        if (r->var < 0)
            buf_adds(err, ": the result was never stored, so nothing can release it");
        else if (r->gone_line)
            buf_printf(err, ": %s was overwritten at line %d", nm, r->gone_line);
        else
            buf_printf(err, ": Py_DECREF(%s) before returning, or return it", nm);
        if (c->obj[r->obj].singleton)
            buf_adds(err, " (a 3.11 static object, so harmless here; the same code leaks "
                          "for values that are not cached)");
        buf_addc(err, '\n');
    }
    if (!c->returned)
        buf_adds(out, "the function ended without a return\n");
    else if (c->ret_ref < 0 || c->ref[c->ret_ref].state == CAPI_NULL)
        buf_printf(out, "returned NULL with %s set\n", c->exc ? c->exc : "no exception");
    else {
        int o = c->ref[c->ret_ref].obj;
        buf_printf(out, "returned %s, refcount %lld: the caller owns that reference\n",
                   obj_desc(c, o, od, sizeof od), (long long)c->obj[o].refcnt);
    }
    if (!c->nleak)
        buf_adds(out, "no leaks: every owned reference was released or returned\n");
    else
        buf_printf(out, "%zu leaked reference%s (see the errors)\n", c->nleak,
                   c->nleak == 1 ? "" : "s");
    return c->nleak > 0;
}

/* ---- reading ------------------------------------------------------------- */

const char *capi_state_name(CapiRefState st)
{
    static const char *names[] = {"owned", "borrowed", "stolen", "released",
                                  "NULL",  "returned", "long"};
    return st <= CAPI_SCALAR ? names[st] : "?";
}

const CapiRef *capi_var_ref(const Capi *c, size_t var)
{
    return var < c->prog.nvar && c->cur[var] >= 0 ? &c->ref[c->cur[var]] : NULL;
}

int64_t capi_obj_refcnt(const Capi *c, size_t obj)
{
    return obj < c->nobj ? c->obj[obj].refcnt : 0;
}
