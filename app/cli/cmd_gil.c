/*
 * cmd_gil: `pydive gil` — runs the scheduler model (sim/sched.h) once and
 * prints its totals, the speed-up against thread count (1, 2, 4, 8, 16, 72)
 * and a plain-ASCII timeline of the first workers; with --regime processes
 * also the memory of N forked workers against one process with N threads
 * (lab/gil/cow.h).  --json prints the same as one JSON object; --params lists
 * every cost parameter with its source and whether it is an estimate.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "cli/cli.h"
#include "cli/session.h"
#include "lab/gil/cow.h"
#include "sim/sched.h"
#include "lab/gil/workload.h"

static const int sweep_counts[] = {1, 2, 4, 8, 16, 72};
#define NSWEEP (sizeof sweep_counts / sizeof sweep_counts[0])
#define TL_COLS 60

typedef struct GilOpts {
    SchedConfig cfg;
    SchedWorkload wl;
    const char *workload;
    double seconds;
    int lanes;
    double window_ms;
    int heap_mb;
    bool json, params;
    bool seed_given; /* --seed was given; else the pack's seed, if any */
} GilOpts;

static bool parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi))
        return false;
    *out = v;
    return true;
}

/* "name=value[,name=value...]" into the parameters. */
static bool apply_sets(SchedParams *p, const char *spec)
{
    char *copy = xstrdup(spec), *save = NULL;
    bool ok = true;
    for (char *tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        long v;
        ok = eq && (*eq = '\0', parse_long(eq + 1, INT32_MIN, INT32_MAX, &v)) &&
             sched_param_set(p, tok, (int32_t)v);
        if (!ok)
            cli_usage_error("bad --set '%s' (see pydive gil --params for names and ranges)", tok);
    }
    free(copy);
    return ok;
}

static int parse_opts(int argc, char **argv, GilOpts *o)
{
    const char *v;
    long n;
    sched_config_init(&o->cfg);
    o->cfg.nthreads = 8;
    o->cfg.ncores = 8;
    o->workload = "cpu";
    o->seconds = 1.0;
    o->lanes = 8;
    o->window_ms = 20.0;
    o->heap_mb = 1024;
    o->json = cli_take_flag(&argc, argv, "--json");
    o->params = cli_take_flag(&argc, argv, "--params");
    int rc;
#define OPT(name) if ((rc = cli_take_option(&argc, argv, name, &v)) < 0) return 2; if (rc)
    OPT("--threads") {
        if (!parse_long(v, 1, SCHED_MAX_THREADS, &n))
            return cli_usage_error("--threads takes 1 to %d", SCHED_MAX_THREADS);
        o->cfg.nthreads = (int)n;
    }
    OPT("--cores") {
        if (!parse_long(v, 1, SCHED_MAX_CORES, &n))
            return cli_usage_error("--cores takes 1 to %d", SCHED_MAX_CORES);
        o->cfg.ncores = (int)n;
    }
    OPT("--regime") {
        if (!sched_regime_parse(v, &o->cfg.regime))
            return cli_usage_error("--regime takes gil, free or processes");
    }
    OPT("--workload") o->workload = v;
    OPT("--seconds") {
        if (!parse_double(v, 1e-6, 3600.0, &o->seconds))
            return cli_usage_error("--seconds takes a number of seconds up to 3600");
    }
    OPT("--seed") {
        char *end;
        errno = 0;
        o->cfg.seed = strtoull(v, &end, 10);
        if (errno || end == v || *end || *v == '-')
            return cli_usage_error("--seed takes a whole number");
        o->seed_given = true;
    }
    OPT("--lanes") {
        if (!parse_long(v, 0, SCHED_MAX_THREADS, &n))
            return cli_usage_error("--lanes takes 0 to %d", SCHED_MAX_THREADS);
        o->lanes = (int)n;
    }
    OPT("--window") {
        if (!parse_double(v, 0.001, 3600000.0, &o->window_ms))
            return cli_usage_error("--window takes milliseconds");
    }
    OPT("--heap-mb") {
        if (!parse_long(v, 1, 65536, &n))
            return cli_usage_error("--heap-mb takes 1 to 65536");
        o->heap_mb = (int)n;
    }
    OPT("--set") {
        if (!apply_sets(&o->cfg.params, v))
            return 2;
    }
#undef OPT
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc > 1)
        return cli_usage_error("'gil' takes no arguments, only options");
    if (!workload_preset(o->workload, &o->wl)) {
        size_t nw;
        const WorkloadInfo *w = workload_list(&nw);
        Buf b = {0};
        for (size_t i = 0; i < nw; i++)
            buf_printf(&b, "%s%s", i ? ", " : "", w[i].name);
        cli_usage_error("--workload takes %s", buf_str(&b));
        buf_fini(&b);
        return 2;
    }
    o->cfg.workloads = &o->wl;
    o->cfg.nworkloads = 1;
    o->cfg.objects = workload_objects(&o->cfg.nobjects);
    o->cfg.horizon_us = (int64_t)(o->seconds * 1e6 + 0.5);
    if (o->cfg.horizon_us < 1)
        o->cfg.horizon_us = 1;
    int64_t win = (int64_t)(o->window_ms * 1000.0 + 0.5);
    o->cfg.log_until_us = win < o->cfg.horizon_us ? win : o->cfg.horizon_us;
    return 0;
}

static const char lane_glyph[SCHED_LANE_NSTATES + 1] = {'#', '=', '-', '.', '~', 'L', 'c', 's', ' '};

static const char *regime_title(SchedRegime r)
{
    return r == SCHED_GIL ? "default build, one GIL"
         : r == SCHED_FREE_THREADED ? "free-threaded build (PEP 703)"
                                    : "one process per worker (multiprocessing)";
}

static void print_params(const SchedParams *p, bool json, Buf *b)
{
    size_t n;
    const SchedParamInfo *t = sched_param_table(&n);
    for (size_t i = 0; i < n; i++) {
        int32_t v = sched_param_get(p, &t[i]);
        if (json)
            buf_printf(b, "%s\n    {\"name\": \"%s\", \"value\": %" PRId32 ", \"unit\": \"%s\", "
                          "\"default\": %" PRId32 ", \"estimate\": %s, \"source\": \"%s\"}",
                       i ? "," : "", t[i].name, v, t[i].unit, t[i].def,
                       t[i].estimate ? "true" : "false", t[i].source);
        else
            buf_printf(b, "  %-20s %9" PRId32 " %-4s %-9s %s\n", t[i].name, v, t[i].unit,
                       t[i].estimate ? "estimate" : "source", t[i].source);
    }
}

static void totals_json(Buf *b, const SchedTotals *t)
{
    buf_printf(b, "{\"wall_us\": %" PRId64 ", \"tasks\": %" PRId64 ", \"throughput\": %.3f, "
                  "\"serial_us\": %" PRId64 ", \"speedup\": %.4f, \"busy_us\": %" PRId64
                  ", \"utilization\": %.4f, \"handoffs\": %" PRId64 ", \"drop_requests\": %" PRId64
                  ", \"forced_drops\": %" PRId64 ", \"rc_fast\": %" PRId64 ", \"rc_shared\": %" PRId64
                  ", \"rc_contended\": %" PRId64 ", \"lock_acquires\": %" PRId64
                  ", \"lock_waits\": %" PRId64 ", \"preemptions\": %" PRId64
                  ", \"startup_us\": %" PRId64 ", \"pickled_bytes\": %" PRId64 ", \"lane_us\": {",
               t->wall_us, t->tasks, t->throughput, t->serial_us, t->speedup, t->busy_us,
               t->utilization, t->handoffs, t->drop_requests, t->forced_drops, t->rc_fast,
               t->rc_shared, t->rc_contended, t->lock_acquires, t->lock_waits, t->preemptions,
               t->startup_us, t->pickled_bytes);
    for (int l = 0; l < SCHED_LANE_NSTATES; l++)
        buf_printf(b, "%s\"%s\": %" PRId64, l ? ", " : "", sched_lane_name((SchedLane)l),
                   t->lane_us[l]);
    buf_adds(b, "}}");
}

static void totals_text(Buf *b, const Sched *s, const SchedTotals *t)
{
    const SchedConfig *c = sched_config(s);
    int64_t all = 0;
    for (int l = 0; l < SCHED_LANE_NSTATES; l++)
        all += t->lane_us[l];
    buf_printf(b, "Totals\n  simulated time      %.3f ms%s\n", (double)t->wall_us / 1000.0,
               t->done && t->wall_us < c->horizon_us ? " (all tasks finished)" : "");
    buf_printf(b, "  tasks finished      %" PRId64 " (%.1f per second)\n", t->tasks, t->throughput);
    buf_printf(b, "  speed-up            %.2fx against one thread of the default build\n",
               t->speedup);
    buf_printf(b, "  cores busy          %.1f%% of %d core%s\n", t->utilization * 100.0, c->ncores,
               c->ncores == 1 ? "" : "s");
    if (c->ncores <= 16) {
        buf_adds(b, "  busy per core      ");
        for (int k = 0; k < c->ncores; k++)
            buf_printf(b, " %.0f%%", t->wall_us ? 100.0 * (double)sched_core_busy_us(s, k) /
                                                      (double)t->wall_us : 0.0);
        buf_adds(b, "\n");
    }
    buf_adds(b, "  time per state     ");
    for (int l = 0; l < SCHED_LANE_NSTATES; l++)
        if (t->lane_us[l] && all)
            buf_printf(b, " %s %.1f%%", sched_lane_name((SchedLane)l),
                       100.0 * (double)t->lane_us[l] / (double)all);
    buf_adds(b, "\n");
    if (c->regime == SCHED_GIL)
        buf_printf(b, "  GIL hand-offs       %" PRId64 " (%.1f/s; drop requests %" PRId64
                      ", forced drops %" PRId64 ")\n",
                   t->handoffs, t->wall_us ? (double)t->handoffs * 1e6 / (double)t->wall_us : 0.0,
                   t->drop_requests, t->forced_drops);
    if (t->rc_fast || t->rc_shared)
        buf_printf(b, "  refcount ops        %" PRId64 " fast, %" PRId64 " shared (%" PRId64
                      " contended)\n", t->rc_fast, t->rc_shared, t->rc_contended);
    if (t->lock_acquires)
        buf_printf(b, "  lock acquisitions   %" PRId64 " (%" PRId64 " had to wait)\n",
                   t->lock_acquires, t->lock_waits);
    if (t->preemptions)
        buf_printf(b, "  OS preemptions      %" PRId64 "\n", t->preemptions);
    if (c->regime == SCHED_PROCESSES)
        buf_printf(b, "  process start-up    %.1f ms in all; %" PRId64 " bytes pickled\n",
                   (double)t->startup_us / 1000.0, t->pickled_bytes);
}

static void timeline_text(Buf *b, const Sched *s, const GilOpts *o)
{
    const SchedConfig *c = sched_config(s);
    int n = o->lanes < c->nthreads ? o->lanes : c->nthreads;
    int64_t t1 = c->log_until_us;
    if (n <= 0 || t1 <= 0)
        return;
    uint8_t *cells = xmalloc((size_t)n * TL_COLS);
    sched_timeline(s, 0, n, 0, t1, TL_COLS, cells);
    buf_printf(b, "\nTimeline: first %d of %d workers, 0-%.1f ms, %.3f ms per column\n", n,
               c->nthreads, (double)t1 / 1000.0, (double)t1 / 1000.0 / TL_COLS);
    if (c->regime == SCHED_GIL) {
        int16_t gil[TL_COLS];
        sched_gil_timeline(s, 0, t1, TL_COLS, gil);
        buf_adds(b, "  GIL |");
        for (int col = 0; col < TL_COLS; col++)
            buf_addc(b, gil[col] < 0 ? ' ' : "0123456789abcdefghijklmnopqrstuvwxyz"[gil[col] % 36]);
        buf_adds(b, "|  holder (worker number mod 36)\n");
    }
    for (int row = 0; row < n; row++) {
        buf_printf(b, "  %3d |", row);
        for (int col = 0; col < TL_COLS; col++)
            buf_addc(b, lane_glyph[cells[(size_t)row * TL_COLS + (size_t)col]]);
        buf_adds(b, "|\n");
    }
    buf_adds(b, "  # running Python  = C code without the GIL  - waiting for a core\n"
                "  . waiting for the GIL  ~ I/O  L waiting on a lock  c stalled on a shared\n"
                "  refcount  s process start-up/pickling  (blank) finished\n");
    free(cells);
}

/* Memory of N forked workers vs one process with N threads (text or JSON). */
static void memory_section(Buf *b, const GilOpts *o, bool json)
{
    CowConfig cc;
    cow_config_init(&cc);
    cc.heap_mb = o->heap_mb;
    cc.seed = o->cfg.seed;
    CowScenario sc[COW_NSCENARIOS];
    cow_scenarios(&cc, o->cfg.nthreads, sc);
    if (json)
        buf_printf(b, ",\n  \"memory\": {\"heap_mb\": %d, \"workers\": %d, \"rows\": [", o->heap_mb,
                   o->cfg.nthreads);
    else
        buf_printf(b, "\nMemory: parent heap %d MiB, %d workers (lab/gil/cow.h; %s)\n"
                      "  %-52s %10s %10s\n", o->heap_mb, o->cfg.nthreads,
                   "page-level copy-on-write", "approach", "total MiB", "shared %");
    for (int i = 0; i < COW_NSCENARIOS; i++) {
        double mib = (double)sc[i].total_bytes / (1024.0 * 1024.0);
        if (json)
            buf_printf(b, "%s\n    {\"name\": \"%s\", \"total_bytes\": %" PRId64
                          ", \"shared_pct\": %.2f}", i ? "," : "", sc[i].name,
                       sc[i].total_bytes, sc[i].shared_pct);
        else if (sc[i].shared_pct < 0)
            buf_printf(b, "  %-52s %10.0f %10s\n", sc[i].name, mib, "-");
        else
            buf_printf(b, "  %-52s %10.0f %9.1f%%\n", sc[i].name, mib, sc[i].shared_pct);
    }
    if (json)
        buf_adds(b, "]}");
}

int cmd_gil(int argc, char **argv)
{
    GilOpts o;
    memset(&o, 0, sizeof o);
    int rc = parse_opts(argc, argv, &o);
    if (rc)
        return rc;
    uint64_t pack_seed;
    if (!o.seed_given && session_pack_seed(&pack_seed)) /* the whole room sees one run */
        o.cfg.seed = pack_seed;
    Buf b = {0};
    if (o.params && !o.json) {
        buf_adds(&b, "Scheduler parameters (value, unit, provenance):\n");
        print_params(&o.cfg.params, false, &b);
        fputs(buf_str(&b), stdout);
        buf_fini(&b);
        return 0;
    }
    char err[160];
    Sched *s = sched_new(&o.cfg, err, sizeof err);
    if (!s) {
        fprintf(stderr, "pydive: gil: %s\n", err);
        return 1;
    }
    sched_finish(s);
    SchedTotals t;
    sched_totals(s, &t);
    WorkloadPoint pts[NSWEEP];
    if (workload_sweep(&o.cfg, sweep_counts, NSWEEP, pts, err, sizeof err) < 0) {
        fprintf(stderr, "pydive: gil: %s\n", err);
        sched_free(s);
        return 1;
    }
    SchedWorkload *wl = &o.wl;
    size_t nw;
    const WorkloadInfo *wi = workload_list(&nw);
    const char *summary = "";
    for (size_t i = 0; i < nw; i++)
        if (strcmp(wi[i].name, wl->name) == 0)
            summary = wi[i].summary;
    if (o.json) {
        buf_printf(&b, "{\"schema\": 1, \"regime\": \"%s\", \"threads\": %d, \"cores\": %d, "
                       "\"workload\": \"%s\", \"seconds\": %.6f, \"seed\": %" PRIu64 ",\n"
                       "  \"totals\": ",
                   sched_regime_name(o.cfg.regime), o.cfg.nthreads, o.cfg.ncores, wl->name,
                   o.seconds, o.cfg.seed);
        totals_json(&b, &t);
        buf_adds(&b, ",\n  \"core_busy_us\": [");
        for (int k = 0; k < o.cfg.ncores; k++)
            buf_printf(&b, "%s%" PRId64, k ? ", " : "", sched_core_busy_us(s, k));
        buf_adds(&b, "],\n  \"sweep\": [");
        for (size_t i = 0; i < NSWEEP; i++) {
            buf_printf(&b, "%s\n    {\"threads\": %d, \"vs_one\": %.4f, \"totals\": ",
                       i ? "," : "", pts[i].threads, pts[i].vs_one);
            totals_json(&b, &pts[i].totals);
            buf_adds(&b, "}");
        }
        buf_adds(&b, "]");
        if (o.cfg.regime == SCHED_PROCESSES)
            memory_section(&b, &o, true);
        buf_adds(&b, ",\n  \"params\": [");
        print_params(&o.cfg.params, true, &b);
        buf_adds(&b, "]}\n");
    } else {
        buf_printf(&b, "pydive gil: %d worker%s on %d core%s, %s (%s)\n"
                       "workload %s: %s; %.3f s simulated, seed %" PRIu64 "\n\n",
                   o.cfg.nthreads, o.cfg.nthreads == 1 ? "" : "s", o.cfg.ncores,
                   o.cfg.ncores == 1 ? "" : "s", sched_regime_name(o.cfg.regime),
                   regime_title(o.cfg.regime), wl->name, summary, o.seconds, o.cfg.seed);
        totals_text(&b, s, &t);
        buf_printf(&b, "\nSpeed-up against thread count (%s, %d cores, %.3f s each)\n"
                       "  %7s %12s %12s %14s %10s\n", sched_regime_name(o.cfg.regime),
                   o.cfg.ncores, o.seconds, "workers", "tasks/s", "vs 1 worker",
                   "vs 1 default", "cores busy");
        for (size_t i = 0; i < NSWEEP; i++)
            buf_printf(&b, "  %7d %12.1f %11.2fx %13.2fx %9.1f%%\n", pts[i].threads,
                       pts[i].totals.throughput, pts[i].vs_one, pts[i].totals.speedup,
                       pts[i].totals.utilization * 100.0);
        timeline_text(&b, s, &o);
        if (o.cfg.regime == SCHED_PROCESSES)
            memory_section(&b, &o, false);
        buf_adds(&b, "\nCosts marked estimate in `pydive gil --params` are reasoned, not measured.\n");
    }
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
    sched_free(s);
    return 0;
}
