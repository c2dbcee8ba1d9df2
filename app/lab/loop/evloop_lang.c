/*
 * evloop_lang: reads the event-loop lab's programs (grammar in
 * evloop_lang.h).  Words are split on blanks; `key=value` options may come in
 * any order, each at most once.  Numbers are read by hand (no strtod), so a
 * locale's decimal comma never changes what a program means.
 */
#include "lab/loop/evloop_lang.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/linescan.h"
#include "base/xalloc.h"

#define MAX_WORDS 16

typedef LineWord Word; /* a word of the line (base/linescan.h) */

typedef struct Parser {
    LineScan ls; /* the lines, the words and the diagnostics */
    bool ok;
    char paths[EVLOOP_MAX_ROUTES][32]; /* routes defined so far, by slot */
    int nroutes;
    int pending;      /* loads since the last run */
    int pending_line; /* the first of them */
    int failed_loads; /* load lines with errors since the last run (no second error at run) */
    int runs;
} Parser;

static void err(Parser *p, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void err(Parser *p, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(&p->ls, col, fmt, ap);
    va_end(ap);
    p->ok = false;
}

/* ---- numbers ------------------------------------------------------------ */

/* digits[.digits] -> value * 10^6 (micro-units); false when malformed or huge.
 * *end gets the first byte after the number. */
static bool read_micro(const char *s, size_t n, int64_t *out, size_t *end)
{
    size_t i = 0;
    int64_t whole = 0, frac = 0, scale = 1000000;
    if (i >= n || s[i] < '0' || s[i] > '9')
        return false;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        whole = whole * 10 + (s[i++] - '0');
        if (whole > 4000000000LL)
            return false;
    }
    if (i < n && s[i] == '.') {
        i++;
        if (i >= n || s[i] < '0' || s[i] > '9')
            return false;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (scale == 1) /* more than 6 decimals: must be zeros */
                if (s[i] != '0')
                    return false;
            if (scale > 1) {
                scale /= 10;
                frac += (s[i] - '0') * scale;
            }
            i++;
        }
    }
    *out = whole * 1000000 + frac;
    *end = i;
    return true;
}

/* "200ms", "1.5s", "300us", "0" -> µs. */
static bool parse_duration(Parser *p, const char *s, size_t n, int col, const char *what,
                           int64_t *us)
{
    int64_t micro;
    size_t end;
    if (!read_micro(s, n, &micro, &end)) {
        err(p, col, "%s: expected a duration such as 200ms, 1.5s or 300us", what);
        return false;
    }
    const char *u = s + end;
    size_t un = n - end;
    int64_t div; /* micro-units per µs for this unit */
    if (un == 0 && micro == 0) {
        *us = 0;
        return true;
    }
    if (un == 2 && memcmp(u, "us", 2) == 0)
        div = 1000000;
    else if (un == 3 && memcmp(u, "\xc2\xb5s", 3) == 0)
        div = 1000000;
    else if (un == 2 && memcmp(u, "ms", 2) == 0)
        div = 1000;
    else if (un == 1 && u[0] == 's')
        div = 1;
    else {
        err(p, col + (int)end, "%s: expected a unit after the number: us, ms or s", what);
        return false;
    }
    if (micro % div != 0) {
        err(p, col, "%s: finer than 1 us", what);
        return false;
    }
    *us = micro / div;
    if (*us > EVLOOP_MAX_US) {
        err(p, col, "%s: at most 3600s", what);
        return false;
    }
    return true;
}

static bool parse_count(Parser *p, const char *s, size_t n, int col, const char *what, long lo,
                        long hi, long *out)
{
    long v = 0;
    size_t i = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9' && v <= hi; i++)
        v = v * 10 + (s[i] - '0');
    if (n == 0 || i != n || v < lo || v > hi) {
        err(p, col, "%s: expected a whole number from %ld to %ld", what, lo, hi);
        return false;
    }
    *out = v;
    return true;
}

/* ---- options ------------------------------------------------------------- */

typedef struct Opt {
    const char *key;
    const char *val;
    size_t vn;
    int col, vcol;
    bool seen;
} Opt;

/* Matches words[from..] against the allowed keys ("stream" is a flag). */
static bool read_opts(Parser *p, const Word *w, int nw, int from, Opt *opts, int nopts,
                      const char *expected)
{
    bool ok = true;
    for (int i = from; i < nw; i++) {
        const char *eq = memchr(w[i].s, '=', w[i].n);
        size_t kn = eq ? (size_t)(eq - w[i].s) : w[i].n;
        int k = 0;
        for (; k < nopts; k++)
            if (strlen(opts[k].key) == kn && memcmp(opts[k].key, w[i].s, kn) == 0)
                break;
        if (k == nopts) {
            err(p, w[i].col, "unknown option '%.*s': expected %s", (int)kn, w[i].s, expected);
            ok = false;
            continue;
        }
        if (opts[k].seen) {
            err(p, w[i].col, "'%s' given twice", opts[k].key);
            ok = false;
            continue;
        }
        bool flag = strcmp(opts[k].key, "stream") == 0;
        if (flag != !eq || (eq && kn + 1 == w[i].n)) {
            err(p, w[i].col, flag ? "'stream' takes no value" : "expected %s=VALUE",
                opts[k].key);
            ok = false;
            continue;
        }
        opts[k].seen = true;
        opts[k].col = w[i].col;
        if (eq) {
            opts[k].val = eq + 1;
            opts[k].vn = w[i].n - kn - 1;
            opts[k].vcol = w[i].col + (int)kn + 1;
        }
    }
    return ok;
}

static bool opt_duration(Parser *p, const Opt *o, int64_t *us)
{
    return !o->seen || parse_duration(p, o->val, o->vn, o->vcol, o->key, us);
}

/* ---- directives ------------------------------------------------------------ */

static int find_route(const Parser *p, const Word *w)
{
    for (int i = 0; i < p->nroutes; i++)
        if (strlen(p->paths[i]) == w->n && memcmp(p->paths[i], w->s, w->n) == 0)
            return i;
    return -1;
}

static bool path_ok(Parser *p, const Word *w)
{
    bool ok = w->n >= 1 && w->n < 32 && w->s[0] == '/';
    for (size_t i = 0; ok && i < w->n; i++) {
        char c = w->s[i];
        ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '/' || c == '_' || c == '-' || c == '.';
    }
    if (!ok)
        err(p, w->col, "expected a path such as /chat (letters, digits, / _ - ., up to 31)");
    return ok;
}

static bool parse_route(Parser *p, const Word *w, int nw, LoopDirective *d)
{
    if (nw < 3) {
        err(p, nw < 2 ? 0 : w[1].col + (int)w[1].n,
            nw < 2 ? "route: expected a path and async or def: route /chat async io=200ms"
                   : "route: expected async or def after the path");
        return false;
    }
    if (!path_ok(p, &w[1]))
        return false;
    EvloopRoute *r = &d->route;
    memcpy(r->path, w[1].s, w[1].n);
    if (lineword_is(&w[2], "def"))
        r->sync = true;
    else if (!lineword_is(&w[2], "async")) {
        err(p, w[2].col, "expected async or def (how the handler is declared)");
        return false;
    }
    Opt o[] = {{.key = "cpu"}, {.key = "io"}, {.key = "blocking"}, {.key = "stream"}, {.key = "tokens"}, {.key = "every"}};
    if (!read_opts(p, w, nw, 3, o, 6, "cpu=, io=, blocking=, stream, tokens= or every="))
        return false;
    bool ok = opt_duration(p, &o[0], &r->cpu_us) && opt_duration(p, &o[1], &r->io_us) &&
              opt_duration(p, &o[2], &r->blocking_us) && opt_duration(p, &o[5], &r->every_us);
    long tokens = 0;
    if (o[4].seen)
        ok = ok && parse_count(p, o[4].val, o[4].vn, o[4].vcol, "tokens", 1, 100000, &tokens);
    if (!ok)
        return false;
    bool stream = o[3].seen || o[4].seen || o[5].seen;
    if (stream && r->sync) {
        err(p, o[3].seen ? o[3].col : o[4].seen ? o[4].col : o[5].col,
            "this lab streams from async routes only: declare it async");
        return false;
    }
    if (stream && (!o[4].seen || !o[5].seen)) {
        err(p, w[nw - 1].col + (int)w[nw - 1].n,
            "a stream needs tokens=N and every=DURATION (the gap between chunks)");
        return false;
    }
    r->tokens = (int32_t)tokens;
    int ix = find_route(p, &w[1]);
    if (ix < 0) {
        if (p->nroutes >= EVLOOP_MAX_ROUTES) {
            err(p, w[1].col, "at most %d routes", EVLOOP_MAX_ROUTES);
            return false;
        }
        ix = p->nroutes++;
        memcpy(p->paths[ix], r->path, sizeof r->path);
    }
    d->route_ix = ix;
    return true;
}

static bool parse_load(Parser *p, const Word *w, int nw, LoopDirective *d)
{
    if (nw < 2) {
        err(p, 0, "load: expected a route and a rate: load /chat rate=100/s for=10s");
        return false;
    }
    int ix = find_route(p, &w[1]);
    if (ix < 0) {
        err(p, w[1].col, "unknown route '%.*s': define it with a route line above", (int)w[1].n,
            w[1].s);
        return false;
    }
    Opt o[] = {{.key = "rate"}, {.key = "every"}, {.key = "burst"}, {.key = "users"}, {.key = "for"}, {.key = "at"}, {.key = "think"}};
    if (!read_opts(p, w, nw, 2, o, 7, "rate=, every=, burst=, users=, for=, at= or think="))
        return false;
    int kinds = o[0].seen + o[1].seen + o[2].seen + o[3].seen;
    int end = w[nw - 1].col + (int)w[nw - 1].n;
    if (kinds != 1) {
        int col = end, seen = 0;
        for (int k = 0; k < 4; k++) /* point at the second kind given */
            if (o[k].seen && ++seen == 2)
                col = o[k].col;
        err(p, col,
            "expected exactly one of rate=N/s, every=DURATION, burst=N or users=N");
        return false;
    }
    EvloopLoad *l = &d->load;
    l->route = ix;
    d->route_ix = ix;
    if (!opt_duration(p, &o[4], &l->for_us) || !opt_duration(p, &o[5], &l->start_us) ||
        !opt_duration(p, &o[6], &l->think_us))
        return false;
    if (!o[2].seen && !o[4].seen) {
        err(p, end, "expected for=DURATION: how long the load lasts");
        return false;
    }
    if (o[2].seen && (o[4].seen || o[6].seen)) {
        err(p, o[4].seen ? o[4].col : o[6].col, "a burst arrives at once: no for= or think=");
        return false;
    }
    if (o[6].seen && !o[3].seen) {
        err(p, o[6].col, "think= belongs to users=N (closed-loop users)");
        return false;
    }
    double expect = 0;
    long count = 0;
    if (o[0].seen) {
        int64_t micro;
        size_t e;
        if (!read_micro(o[0].val, o[0].vn, &micro, &e) || o[0].vn - e != 2 ||
            memcmp(o[0].val + e, "/s", 2) != 0 || micro == 0 || micro > 1000000LL * 1000000) {
            err(p, o[0].vcol, "rate: expected requests a second such as 100/s (at most 1000000/s)");
            return false;
        }
        l->kind = EVLOAD_RATE;
        l->rate = (double)micro / 1e6;
        expect = l->rate * (double)l->for_us / 1e6;
    } else if (o[1].seen) {
        l->kind = EVLOAD_EVERY;
        if (!opt_duration(p, &o[1], &l->every_us))
            return false;
        if (l->every_us < 1) {
            err(p, o[1].vcol, "every: at least 1us");
            return false;
        }
        expect = (double)l->for_us / (double)l->every_us;
    } else {
        const Opt *c = o[2].seen ? &o[2] : &o[3];
        if (!parse_count(p, c->val, c->vn, c->vcol, c->key, 1, 100000, &count))
            return false;
        l->kind = o[2].seen ? EVLOAD_BURST : EVLOAD_USERS;
        l->count = (int32_t)count;
        expect = count;
    }
    if (expect > EVLOOP_MAX_REQUESTS / 2) {
        err(p, w[2].col, "about %.0f requests: at most %d a load", expect, EVLOOP_MAX_REQUESTS / 2);
        return false;
    }
    return true;
}

static void parse_line(Parser *p, const Word *w, int nw, LoopProgram *prog)
{
    LoopDirective d;
    memset(&d, 0, sizeof d);
    d.line = p->ls.line;
    bool ok = false;
    if (lineword_is(&w[0], "route")) {
        d.op = LOOP_ROUTE;
        ok = parse_route(p, w, nw, &d);
    } else if (lineword_is(&w[0], "threadpool")) {
        d.op = LOOP_THREADPOOL;
        long n = 0;
        if (nw != 2)
            err(p, nw < 2 ? w[0].col + 10 : w[2].col, "threadpool: expected one number of threads");
        else if (parse_count(p, w[1].s, w[1].n, w[1].col, "threadpool", 1, EVLOOP_MAX_POOL, &n))
            ok = true;
        d.pool = (int)n;
    } else if (lineword_is(&w[0], "param")) {
        d.op = LOOP_PARAM;
        const char *eq = nw == 2 ? memchr(w[1].s, '=', w[1].n) : NULL;
        char name[40] = "";
        if (!eq || (size_t)(eq - w[1].s) >= sizeof name) {
            err(p, nw < 2 ? w[0].col + 5 : w[1].col, "param: expected NAME=DURATION");
        } else {
            memcpy(name, w[1].s, (size_t)(eq - w[1].s));
            d.param = evloop_param_find(name);
            int vcol = w[1].col + (int)(eq - w[1].s) + 1;
            if (!d.param)
                err(p, w[1].col, "unknown param '%s': expected request_overhead, resume, "
                                 "token_cpu, thread_handoff, switch_interval or gil_wakeup", name);
            else if (parse_duration(p, eq + 1, w[1].n - (size_t)(eq - w[1].s) - 1, vcol, name,
                                    &d.value)) {
                ok = d.value >= d.param->min && d.value <= d.param->max;
                if (!ok)
                    err(p, vcol, "%s: expected %dus to %dus", name, d.param->min, d.param->max);
            }
        }
    } else if (lineword_is(&w[0], "load")) {
        d.op = LOOP_LOAD;
        ok = parse_load(p, w, nw, &d);
        p->failed_loads += !ok;
        if (ok && p->pending++ == 0)
            p->pending_line = p->ls.line;
        if (ok && p->pending > EVLOOP_MAX_LOADS) {
            err(p, w[0].col, "at most %d load lines before a run", EVLOOP_MAX_LOADS);
            ok = false;
        }
    } else if (lineword_is(&w[0], "run")) {
        d.op = LOOP_RUN;
        if (nw > 1)
            err(p, w[1].col, "run takes nothing after it");
        else if (p->pending == 0 && p->failed_loads == 0)
            err(p, w[0].col, "nothing to run: put load lines before run");
        else if (p->pending == 0)
            p->ok = false; /* its loads were reported already */
        else if (++p->runs > LOOP_MAX_RUNS)
            err(p, w[0].col, "at most %d runs in a program", LOOP_MAX_RUNS);
        else
            ok = true;
        p->pending = 0;
        p->failed_loads = 0;
    } else {
        err(p, w[0].col, "unknown directive '%.*s': expected route, threadpool, param, load or run",
            (int)w[0].n, w[0].s);
    }
    if (!ok)
        return;
    prog->d = xrealloc(prog->d, (prog->n + 1) * sizeof *prog->d);
    prog->d[prog->n++] = d;
}

bool loop_parse(const char *src, size_t len, const char *file, LoopProgram *out, DiagList *dl)
{
    Parser p;
    memset(&p, 0, sizeof p);
    linescan_init(&p.ls, src, len, file, dl, 0);
    p.ok = true;
    memset(out, 0, sizeof *out);
    while (linescan_next(&p.ls)) {
        Word w[MAX_WORDS];
        bool too_many;
        int nw = (int)linescan_words(&p.ls, w, MAX_WORDS, 0, &too_many, NULL);
        if (too_many)
            err(&p, w[MAX_WORDS - 1].col, "too many words on one line (at most %d)", MAX_WORDS);
        else if (nw > 0)
            parse_line(&p, w, nw, out);
    }
    p.ok = p.ok && p.ls.errors == 0; /* a NUL line is reported by the scanner */
    if (p.pending > 0) {
        p.ls.line = p.pending_line;
        err(&p, 1, "this load never plays: add a run line after it");
    }
    if (!p.ok)
        loop_program_fini(out);
    return p.ok;
}

void loop_program_fini(LoopProgram *p)
{
    free(p->d);
    memset(p, 0, sizeof *p);
}

void loop_format_us(int64_t us, char *out, size_t len)
{
    if (us < 1000)
        snprintf(out, len, "%lldus", (long long)us);
    else if (us < 1000000)
        snprintf(out, len, "%.1fms", (double)us / 1000.0);
    else
        snprintf(out, len, "%.2fs", (double)us / 1e6);
}
