/*
 * lab_loop: the event-loop lab (chapter 5), `model = "loop"`, files *.loop.
 *
 * The program (grammar in lab/loop/evloop_lang.h) declares routes, the thread
 * pool, costs and loads; each `run` line plays the loads since the previous
 * run on a fresh server.  A run is computed to its end when the line starts,
 * so its report is printed at once, and played again frame by frame
 * (busy/tick/settle) for the screen.  Seeds: the lab's seed plus the run's
 * index, so two runs in one program draw different arrivals.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "lab/loop/evloop_lab.h"
#include "lab/loop/evloop_lang.h"

typedef struct LoopLab {
    LoopProgram prog;
    size_t pc;          /* next directive */
    uint64_t seed;
    EvloopRoute routes[EVLOOP_MAX_ROUTES];
    size_t nroutes;
    int pool;
    EvloopParams params;
    EvloopLoad pending[EVLOOP_MAX_LOADS];
    size_t npending;
    LoopRunResult *runs;
    size_t nruns;
    Evloop *anim;       /* the run on screen */
    int64_t tick_us;    /* simulated time a frame */
} LoopLab;

static void *loop_open(const char *src, size_t len, const char *file, uint64_t seed,
                       DiagList *dl)
{
    LoopProgram prog;
    if (!loop_parse(src, len, file, &prog, dl))
        return NULL;
    LoopLab *L = xcalloc(1, sizeof *L);
    L->prog = prog;
    L->seed = seed;
    L->pool = EVLOOP_DEFAULT_POOL;
    evloop_params_default(&L->params);
    return L;
}

static void loop_close(void *st)
{
    LoopLab *L = st;
    loop_program_fini(&L->prog);
    evloop_free(L->anim);
    free(L->runs);
    free(L);
}

static int loop_line(const void *st)
{
    const LoopLab *L = st;
    return L->pc < L->prog.n ? L->prog.d[L->pc].line : 0;
}

/* ---- the report ------------------------------------------------------------ */

static int pct(int64_t part, int64_t whole)
{
    return whole > 0 ? (int)((part * 100 + whole / 2) / whole) : 0;
}

static void print_estimates(const LoopLab *L, Buf *out)
{
    size_t n, col;
    const EvloopParamInfo *t = evloop_param_table(&n);
    buf_adds(out, "  estimated costs (not measured):");
    col = 33;
    for (size_t i = 0; i < n; i++) {
        if (!t[i].estimate)
            continue;
        char v[24], item[64];
        loop_format_us(evloop_param_get(&L->params, &t[i]), v, sizeof v);
        int len = snprintf(item, sizeof item, " %s %s", t[i].name, v);
        if (col + (size_t)len > 78) { /* keep the report within 80 columns */
            buf_adds(out, "\n   ");
            col = 3;
        }
        buf_adds(out, item);
        col += (size_t)len;
    }
    buf_addc(out, '\n');
}

static void print_report(const LoopLab *L, const LoopRunResult *r, Buf *out)
{
    const EvloopTotals *t = &r->tot;
    char a[24], b[24], c[24], d[24];
    buf_printf(out, "run %zu (line %d): %lld requests", L->nruns, r->line, (long long)t->arrived);
    if (t->window_us > 0) {
        loop_format_us(t->window_us, a, sizeof a);
        buf_printf(out, " in %s (%.1f/s offered)", a, t->offered);
    }
    buf_printf(out, ", threadpool %d\n", r->pool);
    buf_adds(out, "  route            kind   done      p50      p95      p99      max\n");
    for (size_t i = 0; i < r->nroutes; i++) {
        const EvloopRouteStats *s = &r->stats[i];
        if (!r->loaded[i])
            continue;
        loop_format_us(s->p50_us, a, sizeof a);
        loop_format_us(s->p95_us, b, sizeof b);
        loop_format_us(s->p99_us, c, sizeof c);
        loop_format_us(s->max_us, d, sizeof d);
        buf_printf(out, "  %-16s %-5s %5lld %8s %8s %8s %8s\n", r->routes[i].path,
                   r->routes[i].sync ? "def" : "async", (long long)s->done, a, b, c, d);
        if (r->routes[i].tokens > 0 && s->done > 0) {
            loop_format_us(s->ttft_p50_us, a, sizeof a);
            loop_format_us(s->ttft_p99_us, b, sizeof b);
            buf_printf(out, "  %-16s first chunk p50 %s, p99 %s\n", "", a, b);
        }
    }
    buf_printf(out, "  throughput %.1f/s, max queue %lld (loop %lld, pool %lld), "
                    "pool threads used %d of %d\n",
               t->throughput, (long long)t->max_queue, (long long)t->max_loop_queue,
               (long long)t->max_pool_queue, t->peak_threads, r->pool);
    int64_t w = t->now_us;
    buf_printf(out, "  loop: running %d%%, blocked %d%%, waiting for the GIL %d%%, idle %d%%\n",
               pct(t->loop_us[EVS_RUN], w), pct(t->loop_us[EVS_BLOCKED], w),
               pct(t->loop_us[EVS_GIL_WAIT], w), pct(t->loop_us[EVS_IDLE], w));
    if (t->event_cap)
        buf_printf(out, "  stopped after %d events, at %s simulated: %lld requests unanswered\n"
                        "  (a very short switch interval or a huge load costs too much to model)\n",
                   EVLOOP_MAX_EVENTS, (loop_format_us(t->now_us, a, sizeof a), a),
                   (long long)(t->arrived - t->done));
    else if (t->truncated)
        buf_printf(out, "  stopped early (1-hour cap or %d requests): %lld unanswered\n",
                   EVLOOP_MAX_REQUESTS, (long long)(t->arrived - t->done));
}

/* ---- running ------------------------------------------------------------------ */

static int do_run(LoopLab *L, int line, Buf *out, Buf *err)
{
    EvloopConfig c;
    evloop_config_init(&c);
    c.routes = L->routes;
    c.nroutes = L->nroutes;
    c.loads = L->pending;
    c.nloads = L->npending;
    c.pool_size = L->pool;
    c.params = L->params;
    c.seed = L->seed + L->nruns;
    L->npending = 0;
    char msg[128];
    Evloop *e = evloop_new(&c, msg, sizeof msg);
    if (!e) {
        buf_printf(err, "line %d: %s\n", line, msg);
        return 1;
    }
    evloop_finish(e);
    L->runs = xrealloc(L->runs, (L->nruns + 1) * sizeof *L->runs);
    LoopRunResult *r = &L->runs[L->nruns++];
    memset(r, 0, sizeof *r);
    r->line = line;
    r->pool = L->pool;
    r->nroutes = L->nroutes;
    memcpy(r->routes, L->routes, sizeof r->routes);
    for (size_t i = 0; i < c.nloads; i++)
        r->loaded[c.loads[i].route] = true;
    r->nloads = c.nloads < EVLOOP_MAX_LOADS ? c.nloads : EVLOOP_MAX_LOADS;
    memcpy(r->loads, c.loads, r->nloads * sizeof *r->loads);
    for (size_t i = 0; i < L->nroutes; i++)
        evloop_route_stats(e, (int)i, &r->stats[i]);
    evloop_totals(e, &r->tot);
    evloop_free(e);
    print_report(L, r, out);
    if (L->nruns == 1)
        print_estimates(L, out);
    /* the same run again, for the screen to play */
    evloop_free(L->anim);
    L->anim = evloop_new(&c, msg, sizeof msg);
    int64_t span = r->tot.now_us;
    L->tick_us = span / 90 > 1000 ? span / 90 : 1000; /* about 3 s at 30 frames a second */
    return 0;
}

static int loop_step(void *st, Buf *out, Buf *err)
{
    LoopLab *L = st;
    if (L->pc >= L->prog.n)
        return 0;
    const LoopDirective *d = &L->prog.d[L->pc++];
    switch ((LoopOp)d->op) {
    case LOOP_ROUTE:
        L->routes[d->route_ix] = d->route;
        if ((size_t)d->route_ix >= L->nroutes)
            L->nroutes = (size_t)d->route_ix + 1;
        return 0;
    case LOOP_THREADPOOL:
        L->pool = d->pool;
        return 0;
    case LOOP_PARAM:
        evloop_param_set(&L->params, d->param->name, d->value);
        return 0;
    case LOOP_LOAD:
        L->pending[L->npending++] = d->load;
        return 0;
    case LOOP_RUN:
        return do_run(L, d->line, out, err);
    }
    return 0;
}

static bool loop_busy(const void *st)
{
    const LoopLab *L = st;
    return L->anim && !evloop_done(L->anim);
}

static void loop_tick(void *st)
{
    LoopLab *L = st;
    if (loop_busy(L))
        evloop_advance(L->anim, evloop_now(L->anim) + L->tick_us);
}

static void loop_settle(void *st)
{
    LoopLab *L = st;
    if (L->anim)
        evloop_finish(L->anim);
}

/* The directives at a glance, for `?` on the lab screen. */
#define LAB_REFERENCE \
    "route PATH async [cpu=D] [io=D]\tan async def handler; also blocking=D, stream tokens=N every=D\n" \
    "route PATH def [cpu=D] [io=D]\ta plain def handler, run in the thread pool\n" \
    "threadpool N\tthe pool's size (AnyIO's default: 40)\n" \
    "param NAME=D\ta cost (switch_interval, request_overhead, ...)\n" \
    "load PATH rate=R/s for=D\tPoisson arrivals; also every=D, burst=N, users=N\n" \
    "run\tplays the loads since the last run and prints a report\n"

const LabClass lab_loop = {
    .name = "loop",
    .title = "Event loop",
    .ext = "loop",
    .reference = LAB_REFERENCE,
    .open = loop_open,
    .close = loop_close,
    .line = loop_line,
    .step = loop_step,
    .busy = loop_busy,
    .tick = loop_tick,
    .settle = loop_settle,
    .end = NULL,
};

/* ---- accessors (lab/loop/evloop_lab.h) ------------------------------------------------ */

bool loop_lab_is(const Lab *lab)
{
    return lab && lab->cls == &lab_loop && lab->st;
}

const LoopRunResult *loop_lab_runs(const Lab *lab, size_t *n)
{
    const LoopLab *L = loop_lab_is(lab) ? lab->st : NULL;
    *n = L ? L->nruns : 0;
    return L ? L->runs : NULL;
}

const Evloop *loop_lab_sim(const Lab *lab)
{
    return loop_lab_is(lab) ? ((const LoopLab *)lab->st)->anim : NULL;
}

const EvloopRoute *loop_lab_routes(const Lab *lab, size_t *n)
{
    const LoopLab *L = loop_lab_is(lab) ? lab->st : NULL;
    *n = L ? L->nroutes : 0;
    return L ? L->routes : NULL;
}

int loop_lab_pool(const Lab *lab)
{
    return loop_lab_is(lab) ? ((const LoopLab *)lab->st)->pool : EVLOOP_DEFAULT_POOL;
}

const EvloopParams *loop_lab_params(const Lab *lab)
{
    return loop_lab_is(lab) ? &((const LoopLab *)lab->st)->params : NULL;
}
