/*
 * cmd_run: `pydive run FILE.py [--python VER] [--memory SIZE] [--trace] [--stats] [--json]`
 * runs a program on the simulated CPython and prints what that CPython
 * would print; --trace adds the model's events (stderr), --stats and
 * --json the final heap (stdout, after the program's own output).
 * Ctrl-C raises KeyboardInterrupt in the program, as in CPython (the process
 * then dies by SIGINT, exit 130 in a shell); --max-steps N and --timeout S
 * stop a runaway one with a RuntimeError.
 * `pydive run --check FILE...` only parses each file under the profile's
 * grammar: silent and 0 when all are valid Python, else CPython's
 * SyntaxError report for each invalid one and 1.  A program that uses what
 * the model does not run exits with PY_EXIT_REFUSED (3) and one line:
 * "pydive: line N: ... is not modelled by the simulated CPython".
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/fsutil.h"
#include "base/printable.h"
#include "cli/cli.h"
#include "pyrun/gc_timing.h"
#include "pyrun/pyrun.h"
#include "pyrun/refuse.h"
#include "sim/gc.h"
#include "sim/stats.h"

/* PYDIVE_AUDIT=1 and the model does not recount to what it claims */
#define PYDIVE_AUDIT_FAILED 99
#define RUN_SOURCE_MAX (16u << 20) /* bytes: far above any program a learner writes */

/* stdout is flushed before stderr is written, as CPython's output reads in
 * a pipe or a file: the prints, then the traceback */
static void write_stream(int stream, const char *text, size_t n)
{
    if (stream == 2)
        fflush(stdout);
    fwrite(text, 1, n, stream == 2 ? stderr : stdout);
    if (stream == 2)
        fflush(stderr);
}

/* The program's output: written as it comes until the run's gc timing is
 * exposed (pyrun/gc_timing.h), held from then on until the re-runs have
 * said how much of it CPython would certainly print. */
typedef struct RunOutput {
    PyRun *run;
    GcCapture cap;
    size_t shown;   /* chunks of cap already written */
    bool holding, unchecked;
} RunOutput;

/* Writes the held chunks up to byte `upto` of the capture (all: -1). */
static void flush_held(RunOutput *o, long upto)
{
    const char *bytes = buf_str(&o->cap.bytes);
    for (; o->shown < o->cap.n; o->shown++) {
        const GcChunk *c = &o->cap.chunks[o->shown];
        if (upto >= 0 && (long)(c->at + c->len) > upto) {
            if (upto > (long)c->at + 1)
                write_stream(c->stream, bytes + c->at + 1, (size_t)(upto - (long)c->at - 1));
            return;
        }
        write_stream(c->stream, bytes + c->at + 1, c->len - 1);
    }
}

/* Where the output every run agrees on ends: after the last whole line
 * before `at`, but never before what was already written. */
static long agreed_end(const RunOutput *o, long at)
{
    const char *bytes = buf_str(&o->cap.bytes);
    long floor = o->shown < o->cap.n ? (long)o->cap.chunks[o->shown].at : (long)o->cap.bytes.len;
    long i = at;
    while (i > floor && bytes[i - 1] != '\n')
        i--;
    return i;
}

static void out_fn(void *ctx, int stream, const char *text, size_t n)
{
    RunOutput *o = ctx;
    if (o->run && !o->unchecked) {
        gc_capture_add(&o->cap, stream, text, n, py_current_line(o->run));
        if (o->cap.overflow) { /* too much to compare: shown as it comes, with a note */
            flush_held(o, -1);
            o->unchecked = true;
            o->holding = false;
        } else if (o->holding || py_gc_timing_exposed(o->run)) {
            o->holding = true;
            return;
        } else {
            o->shown = o->cap.n;
        }
    }
    write_stream(stream, text, n);
}

/* At the end of an exposed run: the output every start count agrees on,
 * then the refusal where they part (PY_EXIT_REFUSED), or all of it. */
static int settle_output(RunOutput *o, const GcTimingSpec *spec, int code, bool stopped)
{
    if (!py_gc_timing_sensitive(o->run) || o->unchecked || stopped) {
        flush_held(o, -1);
        if (py_gc_timing_sensitive(o->run) && (o->unchecked || stopped))
            fprintf(stderr, "pydive: note: this output depends on when CPython's automatic "
                            "collections run, which pydive could not check for this run\n");
        return code;
    }
    long at = gc_timing_divergence(spec, &o->cap, code);
    if (at == -2) /* Ctrl-C or --timeout during the check */
        return settle_output(o, spec, code, true);
    if (at < 0) {
        flush_held(o, -1);
        return code;
    }
    flush_held(o, agreed_end(o, at));
    fflush(stdout);
    fprintf(stderr, "pydive: line %d: %s\n", gc_capture_line_at(&o->cap, at), gc_timing_refusal());
    return PY_EXIT_REFUSED;
}

static const char *event_name(SimEventKind k)
{
    static const char *names[] = {"alloc", "free", "arena+", "arena-", "pool+", "pool-",
                                  "gc-start", "gc-phase", "gc-done", "finalize", "weakref-cb",
                                  "resurrect", "track", "untrack", "freelist-put", "freelist-take"};
    return names[k];
}

static void dump_events(Sim *s, uint64_t *since, int line)
{
    SimEvent ev[256];
    size_t n;
    while ((n = sim_events_since(s, *since, ev, 256)) > 0) {
        for (size_t i = 0; i < n; i++) {
            const SimEvent *e = &ev[i];
            fprintf(stderr, "[trace] line %d: %s", line, event_name((SimEventKind)e->kind));
            if (e->obj)
                fprintf(stderr, " %s#%u gen%u", sim_kind_name((SimKind)e->okind), e->obj, e->gen);
            if (e->kind == SE_GC_PHASE || e->kind == SE_GC_DONE)
                fprintf(stderr, " %s collected=%u", gc_phase_name((GcPhase)e->a), e->b);
            else if (e->kind == SE_GC_START)
                fprintf(stderr, " generation=%u", e->a);
            else if (e->kind == SE_ALLOC || e->kind == SE_FREE)
                fprintf(stderr, " %u bytes", e->a);
            else if (e->kind >= SE_ARENA_NEW && e->kind <= SE_POOL_EMPTY)
                fprintf(stderr, " arena=%u pool=%u", e->a, e->b);
            fputc('\n', stderr);
        }
        *since = ev[n - 1].seq + 1;
    }
}

bool cli_parse_size(const char *text, uint64_t *bytes)
{
    char *end;
    if (!text || *text < '0' || *text > '9')
        return false;
    unsigned long long n = strtoull(text, &end, 10);
    unsigned shift = 0;
    switch (*end) {
    case 'K': case 'k': shift = 10; end++; break;
    case 'M': case 'm': shift = 20; end++; break;
    case 'G': case 'g': shift = 30; end++; break;
    case 'T': case 't': shift = 40; end++; break;
    default: break;
    }
    if (shift && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
        end += strlen(end);
    if (*end || n == 0 || n > (UINT64_MAX >> shift))
        return false;
    *bytes = (uint64_t)n << shift;
    return true;
}

/* Set by the signal handlers, read by the running program (pyrun.h). */
static volatile sig_atomic_t stop_flag;

static void on_sigint(int sig)
{
    (void)sig;
    stop_flag = PY_STOP_INTERRUPT;
}

static void on_alarm(int sig)
{
    (void)sig;
    stop_flag = PY_STOP_TIMEOUT;
}

/* A whole positive number from an option's text; false when it is not one. */
static bool parse_count(const char *text, unsigned long long *out)
{
    char *end;
    if (!text || !*text || *text == '-')
        return false;
    *out = strtoull(text, &end, 10);
    return *end == '\0' && *out > 0;
}

/* Reads a program, capped as --watch and lab files are: `pydive run
 * /dev/zero` must not read until memory runs out (issue 20).  False, with
 * CPython's "can't open file" and the reason, when it cannot. */
static bool read_file(const char *path, Buf *src)
{
    Buf err = {0};
    bool ok = file_read(path, RUN_SOURCE_MAX, src, &err);
    if (!ok)
        fprintf(stderr, "pydive: can't open file '%s': %s\n", shown(path), shown(buf_str(&err)));
    buf_fini(&err);
    return ok;
}

/* --check: parse every file, run none. */
static int check_files(int argc, char **argv, const SimProfile *prof)
{
    Sim *sim = sim_new(prof);
    int code = 0;
    for (int i = 1; i < argc; i++) {
        Buf src = {0}, report = {0};
        if (!read_file(argv[i], &src)) {
            code = 2;
        } else if (py_check(buf_str(&src), src.len, argv[i], sim, &report) != 0) {
            fputs(buf_str(&report), stderr);
            if (code == 0)
                code = 1;
        }
        buf_fini(&src);
        buf_fini(&report);
    }
    sim_free(sim);
    return code;
}

int cmd_run(int argc, char **argv)
{
    const char *ver = NULL, *memory = NULL;
    if (cli_take_option(&argc, argv, "--python", &ver) < 0)
        return 2;
    if (cli_take_option(&argc, argv, "--memory", &memory) < 0)
        return 2;
    uint64_t limit = 0;
    if (memory && !cli_parse_size(memory, &limit))
        return cli_usage_error("--memory takes a size such as 4G, 512M or 1000000, not '%s'",
                               memory);
    bool trace = cli_take_flag(&argc, argv, "--trace");
    bool stats = cli_take_flag(&argc, argv, "--stats");
    bool json = cli_take_flag(&argc, argv, "--json");
    bool watch = cli_take_flag(&argc, argv, "--watch");
    bool present = cli_take_flag(&argc, argv, "--present");
    bool check = cli_take_flag(&argc, argv, "--check");
    if (cli_take_flag(&argc, argv, "--modelled")) { /* docs/MODELLED.md */
        Buf b = {0};
        py_modelled_text(&b);
        fputs(buf_str(&b), stdout);
        buf_fini(&b);
        return 0;
    }
    const char *views = NULL, *max_steps = NULL, *timeout = NULL, *cores = NULL;
    if (cli_take_option(&argc, argv, "--cores", &cores) < 0 ||
        cli_take_option(&argc, argv, "--views", &views) < 0 ||
        cli_take_option(&argc, argv, "--max-steps", &max_steps) < 0 ||
        cli_take_option(&argc, argv, "--timeout", &timeout) < 0)
        return 2;
    unsigned long long steps = 0, seconds = 0;
    if (max_steps && !parse_count(max_steps, &steps))
        return cli_usage_error("--max-steps needs a whole number above 0, not '%s'", max_steps);
    unsigned long long ncores = PY_DEFAULT_CORES;
    if (cores && (!parse_count(cores, &ncores) || ncores > 256))
        return cli_usage_error("--cores needs a whole number from 1 to 256, not '%s'", cores);
    if (timeout && (!parse_count(timeout, &seconds) || seconds > 86400))
        return cli_usage_error("--timeout needs whole seconds from 1 to 86400, not '%s'",
                               timeout);
    if (cli_take_flag(&argc, argv, "--help"))
        return cli_command_help("run");
    if (cli_reject_unknown(argc, argv))
        return 2;
    if (argc < 2 || (argc != 2 && !check))
        return cli_usage_error(check ? "run --check needs at least one FILE.py" : "run needs exactly one FILE.py");
    const SimProfile *prof = ver ? sim_profile_find(ver) : sim_profile_default();
    if (!prof)
        return cli_usage_error("unknown Python version '%s' (choose from %s)", ver,
                               sim_profile_names());
    if (check)
        return check_files(argc, argv, prof);
    if (prof->partial_note)
        fprintf(stderr, "pydive: note: %s\n", prof->partial_note);
    if (watch)
        return cmd_watch(argv[1], prof, views, present, limit);
    Buf src = {0};
    if (!read_file(argv[1], &src))
        return 2;
    Sim *sim = sim_new(prof);
    sim_set_events(sim, trace); /* only --trace shows the model's events */
    if (limit)
        sim_set_memory_limit(sim, limit);
    char *abs = realpath(argv[1], NULL); /* CPython names __main__ by its absolute path */
    RunOutput output = {0};
    PyRun *run = py_new(sim, buf_str(&src), src.len, abs ? abs : argv[1], out_fn, &output);
    output.run = run;
    output.unchecked = trace; /* --trace interleaves the model's events: no holding */
    if (steps)
        py_set_step_limit(run, steps);
    py_set_cores(run, (int)ncores);
    struct sigaction sa = {0}, old_int, old_alrm;
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, &old_int);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, &old_alrm);
    stop_flag = PY_STOP_NONE;
    py_set_stop_flag(run, &stop_flag);
    if (seconds)
        alarm((unsigned)seconds);
    PyStatus st;
    if (trace) {
        uint64_t since = sim->nevents;
        int line = py_current_line(run);
        while ((st = py_step(run)) == PY_PAUSED) {
            dump_events(sim, &since, line);
            line = py_current_line(run);
        }
        py_finalize(run);
        dump_events(sim, &since, line);
    } else {
        st = py_run(run);
    }
    int code = py_exit_code(run);
    bool stopped = stop_flag != PY_STOP_NONE || py_interrupted(run);
    GcTimingSpec spec = {.prof = prof, .src = buf_str(&src), .srclen = src.len,
                         .filename = abs ? abs : argv[1], .memory_limit = limit,
                         .step_limit = steps ? steps : 4 * py_steps(run) + 100000,
                         .stop = &stop_flag, .slack = py_gc_slack(run)};
    code = settle_output(&output, &spec, code, stopped);
    gc_capture_fini(&output.cap);
    free(abs);
    alarm(0);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGALRM, &old_alrm, NULL);
    fflush(stdout);
    if (getenv("PYDIVE_AUDIT") && *getenv("PYDIVE_AUDIT")) {
        /* hidden, for the test suites: recount the model at exit, fail loudly */
        Buf report = {0};
        if (!py_audit(run, &report)) {
            fprintf(stderr, "pydive: sim_audit failed after the program:\n%s", buf_str(&report));
            code = PYDIVE_AUDIT_FAILED;
        }
        buf_fini(&report);
    }
    Buf b = {0};
    if (stats)
        sim_snapshot_text(sim, &b);
    if (json)
        sim_snapshot_json(sim, &b);
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
    bool interrupted = py_exit_code(run) && py_interrupted(run);
    (void)st;
    py_free(run);
    sim_free(sim);
    buf_fini(&src);
    if (interrupted) { /* as CPython: the shell sees the interrupt (exit 130) */
        fflush(stdout);
        fflush(stderr);
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return 130; /* only when SIGINT is blocked */
    }
    return code;
}
