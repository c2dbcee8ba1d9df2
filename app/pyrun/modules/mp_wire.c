/*
 * mp_wire: a call of multiprocessing's run in a child process that is a
 * fork of pydive itself (base/jobs.h: jobs_fork_one), so that the child's
 * simulated heap is the parent's, copied on write, and whatever the child
 * changes stays there, as with CPython's fork start method (the default on
 * Linux up to 3.13).  The child runs the calls from C (vm_call), catches
 * what it prints, and sends back a report: its output, each result encoded
 * as pickle would carry it, the simulated time each call took, its exit
 * code, or why the model refused or which exception ended it.
 *
 * The report is a byte string of records: 'O' stream(1) len(4) text;
 * 'V' value; 'T' ps(8); 'C' code(4); 'R' line(4) len(4) text; 'E' exctype(4)
 * len(4) text; a Queue's or a Pipe's traffic (mp_queue.c), in the order it
 * happened: 'G' channel(4) (an item taken), 'P' channel(4) ps(8) value (an
 * item sent, ps after the child began), 'D' channel(4) ps(8) (a JoinableQueue's
 * task_done()); 'W' shared(8) copied(8): the pages of the parent's objects
 * at the fork and those the child copied (sim/forkpages.h).  A value: 'N' None, 't'/'f' bool, 'I' int(8), 'D' double(8),
 * 'S' len(4) utf-8, 'U' tuple n(4) values, 'L' list, 'M' dict n(4) pairs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/jobs.h"
#include "base/xalloc.h"
#include "sim/forkpages.h"
#include "pyrun/modules/mp_int.h"

#define S (I->sim)

typedef struct Job {
    PyRun *I;
    const char *name;
    const MpCall *calls;
    int ncalls;
} Job;

static void put_u32(Buf *b, uint32_t v) { buf_add(b, &v, 4); }
static void put_i64(Buf *b, int64_t v) { buf_add(b, &v, 8); }

static void capture(void *ctx, int stream, const char *text, size_t n)
{
    Buf *b = ctx;
    buf_addc(b, 'O');
    buf_addc(b, (char)stream);
    put_u32(b, (uint32_t)n);
    buf_add(b, text, n);
}

/* false: v is of a kind the model does not carry (refused) */
bool mp_encode(PyRun *I, SimId v, Buf *b, int depth)
{
    if (depth > 50)
        return py_not_modelled(I, 0, "a result nested more than 50 deep carried between processes");
    switch (sim_kind(S, v)) {
    case SK_NONE: buf_addc(b, 'N'); return true;
    case SK_BOOL: buf_addc(b, v == S->true_ ? 't' : 'f'); return true;
    case SK_INT:
        if (sim_obj(S, v)->sub || sim_is_subinst(S, v))
            break;
        buf_addc(b, 'I');
        put_i64(b, sim_obj(S, v)->v.i);
        return true;
    case SK_FLOAT: {
        if (sim_is_subinst(S, v))
            break;
        double d = sim_obj(S, v)->v.f;
        buf_addc(b, 'D');
        buf_add(b, &d, 8);
        return true;
    }
    case SK_STR: {
        if (sim_is_subinst(S, v))
            break;
        size_t n;
        const char *s = sim_str_data(S, v, &n);
        buf_addc(b, 'S');
        put_u32(b, (uint32_t)n);
        buf_add(b, s, n);
        return true;
    }
    case SK_TUPLE: case SK_LIST: {
        if (sim_is_subinst(S, v))
            break;
        uint32_t n = sim_obj(S, v)->len;
        buf_addc(b, sim_kind(S, v) == SK_TUPLE ? 'U' : 'L');
        put_u32(b, n);
        for (uint32_t i = 0; i < n; i++)
            if (!mp_encode(I, sim_items(S, v)[i], b, depth + 1))
                return false;
        return true;
    }
    case SK_DICT: {
        if (sim_is_subinst(S, v))
            break;
        buf_addc(b, 'M');
        put_u32(b, sim_obj(S, v)->len);
        SimId k, x;
        uint32_t pos = 0;
        while (sim_dict_next(S, v, &pos, &k, &x))
            if (!mp_encode(I, k, b, depth + 1) || !mp_encode(I, x, b, depth + 1))
                return false;
        return true;
    }
    default: break;
    }
    return py_not_modelled(I, 0, "a '%s' carried between processes (the model carries None, bool, int, float, "
                                 "str, tuple, list and dict)", op_typename(I, v));
}

/* the child's refusal or exception, once its call failed */
static void failure(PyRun *I, Buf *b)
{
    if (I->refused) {
        buf_addc(b, 'R');
        put_u32(b, (uint32_t)I->refused_line);
        put_u32(b, (uint32_t)strlen(I->refusal));
        buf_adds(b, I->refusal);
        return;
    }
    if (py_err_matches(I, EXC_SystemExit)) {
        SimId e = exc_instance(I);
        SimId args = e ? sim_exc_get(S, e, SIM_EXC_ARGS) : 0;
        SimId code = args && sim_kind(S, args) == SK_TUPLE && sim_obj(S, args)->len ? sim_items(S, args)[0] : 0;
        int c = !code || code == S->none ? 0 : sim_kind(S, code) == SK_INT ? (int)sim_obj(S, code)->v.i : 1;
        sim_xdecref(S, e);
        py_err_clear(I);
        buf_addc(b, 'C');
        put_u32(b, (uint32_t)c);
        return;
    }
    SimId e = exc_instance(I);
    int t = -1;
    for (int k = 0; e && k < EXC_COUNT; k++)
        if (I->exc_types[k] && I->exc_types[k] == sim_type_of(S, e))
            t = k;
    SimId args = e ? sim_exc_get(S, e, SIM_EXC_ARGS) : 0;
    uint32_t na = args && sim_kind(S, args) == SK_TUPLE ? sim_obj(S, args)->len : 9;
    if (na > 1 || (na == 1 && sim_kind(S, sim_items(S, args)[0]) != SK_STR))
        t = -1; /* the parent makes it again from its message alone */
    size_t n = 0;
    const char *msg = na == 1 ? sim_str_data(S, sim_items(S, args)[0], &n) : "";
    buf_addc(b, 'E');
    put_u32(b, (uint32_t)(t + 1));
    put_u32(b, (uint32_t)n);
    buf_add(b, msg, n);
    sim_xdecref(S, e);
    py_err_clear(I);
}

/* the pages the child copied so far */
static void cow_pages(PyRun *I, Buf *out)
{
    int64_t shared, copied;
    sim_forkpages_counts(S, &shared, &copied);
    buf_addc(out, 'W');
    put_i64(out, shared);
    put_i64(out, copied);
}

static void child(void *ctx, int index, Buf *out)
{
    (void)index;
    Job *j = ctx;
    PyRun *I = j->I;
    snprintf(mp_state(I)->current_name, sizeof mp_state(I)->current_name, "%s", j->name);
    I->out = capture;
    I->out_ctx = out;
    mp_state(I)->wire = out;
    mp_state(I)->child_t0 = I->vs.now;
    mq_forked(I);
    vs_forked(&I->vs); /* the threads the program ran (all ended) are gone: sleeps need no switching */
    sim_forkpages_begin(S); /* the parent's pages, shared until written */
    for (int c = 0; c < j->ncalls; c++) {
        const MpCall *k = &j->calls[c];
        int64_t t0 = I->vs.now;
        SimId r = vm_call_kw(I, k->fn, k->args, k->nargs, k->kwnames);
        if (!r) {
            cow_pages(I, out);
            failure(I, out);
            return;
        }
        Buf v = {0};
        bool ok = mp_encode(I, r, &v, 0);
        sim_decref(S, r);
        if (!ok) {
            buf_fini(&v);
            cow_pages(I, out);
            failure(I, out);
            return;
        }
        buf_addc(out, 'V');
        buf_add(out, buf_str(&v), v.len);
        buf_fini(&v);
        buf_addc(out, 'T');
        put_i64(out, I->vs.now - t0);
    }
    cow_pages(I, out);
    buf_addc(out, 'C');
    put_u32(out, 0);
}

/* ---- the parent's side ------------------------------------------------------ */

typedef struct Reader {
    const char *p, *end;
    bool bad;
} Reader;

static bool take(Reader *r, void *dst, size_t n)
{
    if ((size_t)(r->end - r->p) < n) {
        r->bad = true;
        return false;
    }
    memcpy(dst, r->p, n);
    r->p += n;
    return true;
}

static uint32_t get_u32(Reader *r)
{
    uint32_t v = 0;
    take(r, &v, 4);
    return v;
}

static SimId decode(PyRun *I, Reader *r);

SimId mp_decode(PyRun *I, const char **p, const char *end)
{
    Reader r = {*p, end, false};
    SimId v = decode(I, &r);
    *p = r.p;
    return r.bad ? (sim_xdecref(S, v), (SimId)0) : v;
}

static SimId decode(PyRun *I, Reader *r)
{
    char tag = 0;
    if (!take(r, &tag, 1))
        return 0;
    switch (tag) {
    case 'N': sim_incref(S, S->none); return S->none;
    case 't': case 'f': return sim_bool(S, tag == 't');
    case 'I': { int64_t v = 0; take(r, &v, 8); return sim_int(S, v); }
    case 'D': { double d = 0; take(r, &d, 8); return sim_float(S, d); }
    case 'S': {
        uint32_t n = get_u32(r);
        if ((size_t)(r->end - r->p) < n)
            return r->bad = true, (SimId)0;
        SimId s = sim_str(S, r->p, n);
        r->p += n;
        return s;
    }
    case 'U': case 'L': {
        uint32_t n = get_u32(r);
        SimId c = tag == 'U' ? sim_tuple(S, n) : sim_list(S, 0);
        for (uint32_t i = 0; i < n && !r->bad; i++) {
            SimId x = decode(I, r);
            if (!x)
                break;
            if (tag == 'U')
                sim_tuple_set(S, c, i, x);
            else
                sim_list_append(S, c, x);
        }
        if (r->bad) { /* a tuple's empty slots are NULL: fill them before it goes */
            for (uint32_t i = 0; tag == 'U' && i < n; i++)
                if (!sim_items(S, c)[i])
                    sim_tuple_set(S, c, i, bi_none(I));
            sim_decref(S, c);
            return 0;
        }
        return c;
    }
    case 'M': {
        uint32_t n = get_u32(r);
        SimId d = sim_dict(S);
        for (uint32_t i = 0; i < n && !r->bad; i++) {
            SimId k = decode(I, r), v = k ? decode(I, r) : 0;
            if (!v) {
                sim_xdecref(S, k);
                break;
            }
            sim_dict_set(S, d, k, v);
        }
        if (r->bad) {
            sim_decref(S, d);
            return 0;
        }
        return d;
    }
    default: r->bad = true; return 0;
    }
}

static bool read_report(PyRun *I, const Buf *wire, int ncalls, MpReport *rep)
{
    Reader r = {wire->data, wire->data + wire->len, false};
    rep->results = xcalloc((size_t)(ncalls ? ncalls : 1), sizeof *rep->results);
    rep->elapsed = xcalloc((size_t)(ncalls ? ncalls : 1), sizeof *rep->elapsed);
    while (r.p < r.end && !r.bad) {
        char tag = *r.p++;
        if (tag == 'O') {
            char stream = 0;
            take(&r, &stream, 1);
            uint32_t n = get_u32(&r);
            if ((size_t)(r.end - r.p) < n)
                return false;
            buf_addc(&rep->out, stream);
            put_u32(&rep->out, n);
            buf_add(&rep->out, r.p, n);
            r.p += n;
        } else if (tag == 'V' && rep->ncalls < ncalls) {
            rep->results[rep->ncalls] = decode(I, &r);
        } else if (tag == 'T' && rep->ncalls < ncalls) {
            take(&r, &rep->elapsed[rep->ncalls++], 8);
        } else if (tag == 'G' || tag == 'P' || tag == 'D') {
            MpChanOp op = {tag, (int)get_u32(&r), 0, 0};
            if (tag != 'G')
                take(&r, &op.at, 8);
            if (tag == 'P') {
                if (!(op.v = decode(I, &r)))
                    return false;
            }
            rep->ops = xrealloc(rep->ops, (size_t)(rep->nops + 1) * sizeof *rep->ops);
            rep->ops[rep->nops++] = op;
        } else if (tag == 'W') {
            take(&r, &rep->shared_pages, 8);
            take(&r, &rep->copied_pages, 8);
        } else if (tag == 'C') {
            rep->exitcode = (int)get_u32(&r);
        } else if (tag == 'R' || tag == 'E') {
            if (tag == 'R') {
                rep->refused = true;
                rep->line = (int)get_u32(&r);
            } else {
                rep->exc = (int)get_u32(&r);
                rep->exc = rep->exc ? rep->exc : -1;
                rep->exitcode = 1;
            }
            uint32_t n = get_u32(&r);
            if ((size_t)(r.end - r.p) < n)
                return false;
            char *dst = tag == 'R' ? rep->why : rep->excmsg;
            size_t cap = tag == 'R' ? sizeof rep->why : sizeof rep->excmsg;
            snprintf(dst, cap, "%.*s", (int)n, r.p);
            r.p += n;
        } else {
            return false;
        }
    }
    return !r.bad;
}

bool mp_run_child(PyRun *I, const char *name, const MpCall *calls, int ncalls, MpReport *rep)
{
    Buf wire = {0};
    Job j = {I, name, calls, ncalls};
    *rep = (MpReport){0};
    if (!jobs_fork_one(child, &j, 0, &wire)) {
        buf_fini(&wire);
        return false;
    }
    bool ok = read_report(I, &wire, ncalls, rep);
    buf_fini(&wire);
    if (!ok) {
        rep->refused = true;
        snprintf(rep->why, sizeof rep->why, "a child process whose report did not read back");
    }
    vs_proc_note(&I->vs, name, rep->shared_pages, rep->copied_pages); /* for the threads view */
    return true;
}

void mp_replay_output(PyRun *I, const MpReport *rep)
{
    const char *p = rep->out.data, *end = p + rep->out.len;
    while (end - p >= 5) {
        int stream = p[0];
        uint32_t n;
        memcpy(&n, p + 1, 4);
        p += 5;
        if ((size_t)(end - p) < n)
            break;
        py_write(I, stream, p, n);
        p += n;
    }
}

void mp_report_fini(PyRun *I, MpReport *rep)
{
    for (int i = 0; rep->results && i < rep->ncalls; i++)
        sim_xdecref(S, rep->results[i]);
    free(rep->results);
    free(rep->elapsed);
    for (int i = 0; i < rep->nops; i++)
        sim_xdecref(S, rep->ops[i].v);
    free(rep->ops);
    buf_fini(&rep->out);
    *rep = (MpReport){0};
}
