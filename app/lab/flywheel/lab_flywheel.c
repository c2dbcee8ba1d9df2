/*
 * lab_flywheel: reads a flywheel program (see lab_flywheel.h) into a list
 * of directives, then runs them one line at a time over the model of
 * lab/flywheel/flywheel.h.  A `run` line computes all its steps at once (the table
 * goes to out then); it stays busy only so a view can draw the new steps one
 * frame at a time.
 */
#include "lab/flywheel/lab_flywheel.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/linescan.h"
#include "base/xalloc.h"

typedef enum FlyOp { OP_SET, OP_STOCK, OP_RUN, OP_SHOCK, OP_SHOW, OP_DATA } FlyOp;

enum { STOCK_USERS, STOCK_LIBRARIES, STOCK_TOOLS };
static const char *const STOCKS[] = {"users", "libraries", "tools"};

typedef struct FlyDirective {
    FlyOp op;
    int line;
    int nset;                 /* OP_SET: names and values */
    char names[5][2];
    double values[5];
    int stock;                /* OP_STOCK, OP_SHOCK */
    double value;             /* OP_STOCK: the level; OP_SHOCK: percent */
    int steps;                /* OP_RUN */
    size_t datum;             /* OP_DATA: index into data */
} FlyDirective;

typedef struct FlyLab {
    FlyDirective *dirs;
    size_t ndirs, pc;         /* pc: the directive about to run */
    FlyParams params;
    FlyState *series;
    size_t nseries, cap;
    size_t shown;
    size_t total_steps;       /* steps asked for by the whole program */
    size_t clamped;
    FlyDatum *data;
    size_t ndata;
    FlyMark *marks;
    size_t nmarks;
} FlyLab;

/* ---- reading the program --------------------------------------------------- */

typedef LineWord Tok; /* a word of the line (base/linescan.h) */

/* A plain decimal number with an optional sign; *v gets it. */
static bool tok_number(const Tok *t, double *v)
{
    char buf[64];
    if (t->n == 0 || t->n >= sizeof buf)
        return false;
    memcpy(buf, t->s, t->n);
    buf[t->n] = '\0';
    const char *p = buf + (buf[0] == '-' || buf[0] == '+');
    size_t d = strspn(p, "0123456789");
    if (p[d] == '.')
        d += 1 + strspn(p + d + 1, "0123456789");
    if (d == 0 || p[d] != '\0' || strcmp(p, ".") == 0)
        return false;
    *v = strtod(buf, NULL);
    return isfinite(*v);
}

static int stock_index(const Tok *t)
{
    for (int i = 0; i < 3; i++)
        if (lineword_is(t, STOCKS[i]))
            return i;
    return -1;
}

typedef struct Reader {
    LineScan ls; /* the lines, the words and the diagnostics */
    FlyLab *st;
} Reader;

static void rd_error(Reader *r, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void rd_error(Reader *r, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(&r->ls, col, fmt, ap);
    va_end(ap);
}

static void read_set(Reader *r, const Tok *t, size_t n, FlyDirective *d)
{
    if (n < 2) {
        rd_error(r, t[0].col + (int)t[0].n, "expected NAME=VALUE after 'set' (names: a b d g c)");
        return;
    }
    for (size_t i = 1; i < n && i <= 5; i++) {
        const char *eq = memchr(t[i].s, '=', t[i].n);
        char name[8] = "";
        if (eq && (size_t)(eq - t[i].s) < sizeof name)
            snprintf(name, sizeof name, "%.*s", (int)(eq - t[i].s), t[i].s);
        const FlyParamInfo *info = eq ? flywheel_param_find(name) : NULL;
        if (!info) {
            rd_error(r, t[i].col, "expected NAME=VALUE with NAME one of a b d g c, found '%.*s'",
                     (int)t[i].n, t[i].s);
            continue;
        }
        Tok v = {eq + 1, t[i].n - (size_t)(eq + 1 - t[i].s), t[i].col + (int)(eq + 1 - t[i].s)};
        double x;
        if (!tok_number(&v, &x) || x < info->lo || x > info->hi) {
            rd_error(r, v.col, "expected a number from %g to %g for '%s' (%s)", info->lo,
                     info->hi, info->name, info->meaning);
            continue;
        }
        snprintf(d->names[d->nset], sizeof d->names[0], "%s", info->name);
        d->values[d->nset++] = x;
    }
    if (n > 6)
        rd_error(r, t[6].col, "expected at most 5 NAME=VALUE pairs after 'set'");
}

static void read_stock(Reader *r, const Tok *t, size_t n, FlyDirective *d)
{
    d->stock = stock_index(&t[0]);
    bool share = d->stock == STOCK_USERS;
    if (n != 2 || !tok_number(&t[1], &d->value) || d->value < 0 || (share && d->value > 1) ||
        d->value > 1e6)
        rd_error(r, n >= 2 ? t[1].col : t[0].col + (int)t[0].n,
                 share ? "expected one number from 0 to 1 after 'users' (a share of all developers)"
                       : "expected one number from 0 to 1000000 after '%.*s' (an index)",
                 (int)t[0].n, t[0].s);
}

static void read_run(Reader *r, const Tok *t, size_t n, FlyDirective *d)
{
    double x = 0;
    if (n < 2 || !tok_number(&t[1], &x) || x != floor(x) || x < 1 || x > FLY_MAX_RUN) {
        rd_error(r, n >= 2 ? t[1].col : t[0].col + 3,
                 "expected a whole number of steps from 1 to %d after 'run'", FLY_MAX_RUN);
        return;
    }
    if (n > 3 || (n == 3 && !lineword_is(&t[2], "steps") && !lineword_is(&t[2], "years") &&
                  !lineword_is(&t[2], "step") && !lineword_is(&t[2], "year"))) {
        rd_error(r, t[2].col, "expected 'steps' or 'years' (or nothing) after the count");
        return;
    }
    d->steps = (int)x;
    r->st->total_steps += (size_t)x;
    if (r->st->total_steps > FLY_MAX_STEPS)
        rd_error(r, t[1].col, "the program runs more than %d steps in all", FLY_MAX_STEPS);
}

static void read_shock(Reader *r, const Tok *t, size_t n, FlyDirective *d)
{
    d->stock = n >= 2 ? stock_index(&t[1]) : -1;
    if (d->stock < 0) {
        rd_error(r, n >= 2 ? t[1].col : t[0].col + 6,
                 "expected users, libraries or tools after 'shock'");
        return;
    }
    Tok p = n >= 3 ? t[2] : (Tok){"", 0, t[1].col + (int)t[1].n + 1};
    bool pct = p.n > 1 && p.s[p.n - 1] == '%';
    Tok num = {p.s, pct ? p.n - 1 : p.n, p.col};
    if (n != 3 || !pct || !tok_number(&num, &d->value) || d->value < -100 || d->value > 1000)
        rd_error(r, p.col, "expected a change in percent from -100%% to +1000%% (like -50%%)");
}

static void read_data(Reader *r, const Tok *t, size_t n, FlyDirective *d)
{
    double v;
    if (n != 4 || t[2].n < 2 || t[2].s[0] != '"') {
        rd_error(r, n >= 2 ? t[1].col : t[0].col + 5,
                 "expected data ID \"LABEL\" VALUE (a figure of assets/data/ID.yaml)");
        return;
    }
    if (!tok_number(&t[3], &v)) {
        rd_error(r, t[3].col, "expected the figure as a number after the label");
        return;
    }
    for (size_t i = 0; i < t[1].n; i++)
        if (!((t[1].s[i] >= 'a' && t[1].s[i] <= 'z') || (t[1].s[i] >= '0' && t[1].s[i] <= '9') ||
              t[1].s[i] == '-')) {
            rd_error(r, t[1].col, "expected a data set id (a file name in assets/data without .yaml)");
            return;
        }
    FlyLab *st = r->st;
    st->data = xrealloc(st->data, (st->ndata + 1) * sizeof *st->data);
    st->data[st->ndata] = (FlyDatum){xstrndup(t[1].s, t[1].n), xstrndup(t[2].s + 1, t[2].n - 2),
                                     v, xstrndup(t[3].s, t[3].n), r->ls.line};
    d->datum = st->ndata++;
}

static void read_line(Reader *r)
{
    Tok t[8];
    bool more, unclosed;
    size_t n = linescan_words(&r->ls, t, 8, LINESCAN_QUOTES, &more, &unclosed);
    if (n == 0)
        return;
    if (unclosed) {
        rd_error(r, (int)r->ls.len, "expected a closing '\"' before the end of the line");
        return;
    }
    if (more) {
        rd_error(r, t[7].col, "too many words on one line");
        return;
    }
    FlyDirective d = {.line = r->ls.line};
    size_t before = r->ls.errors;
    if (lineword_is(&t[0], "set"))
        d.op = OP_SET, read_set(r, t, n, &d);
    else if (stock_index(&t[0]) >= 0)
        d.op = OP_STOCK, read_stock(r, t, n, &d);
    else if (lineword_is(&t[0], "run"))
        d.op = OP_RUN, read_run(r, t, n, &d);
    else if (lineword_is(&t[0], "shock"))
        d.op = OP_SHOCK, read_shock(r, t, n, &d);
    else if (lineword_is(&t[0], "show")) {
        d.op = OP_SHOW;
        if (n > 1)
            rd_error(r, t[1].col, "expected nothing after 'show'");
    } else if (lineword_is(&t[0], "data"))
        d.op = OP_DATA, read_data(r, t, n, &d);
    else
        rd_error(r, t[0].col,
                 "expected a directive: set, users, libraries, tools, run, shock, show or data; "
                 "found '%.*s'", (int)t[0].n, t[0].s);
    if (r->ls.errors > before)
        return;
    FlyLab *st = r->st;
    st->dirs = xrealloc(st->dirs, (st->ndirs + 1) * sizeof *st->dirs);
    st->dirs[st->ndirs++] = d;
}

static void fly_close(void *p);

static void *fly_open(const char *src, size_t len, const char *file, uint64_t seed, DiagList *dl)
{
    (void)seed; /* nothing random */
    FlyLab *st = xcalloc(1, sizeof *st);
    st->params = flywheel_defaults();
    st->cap = 64;
    st->series = xmalloc(st->cap * sizeof *st->series);
    st->series[0] = (FlyState){0.2, 0, 0};
    st->nseries = st->shown = 1;
    Reader r = {.st = st};
    linescan_init(&r.ls, src, len, file, dl, 0);
    while (r.ls.errors < 50 && linescan_next(&r.ls))
        read_line(&r);
    if (r.ls.errors) {
        fly_close(st);
        return NULL;
    }
    return st;
}

static void fly_close(void *p)
{
    FlyLab *st = p;
    for (size_t i = 0; i < st->ndata; i++) {
        free(st->data[i].id);
        free(st->data[i].label);
        free(st->data[i].text);
    }
    free(st->data);
    free(st->marks);
    free(st->series);
    free(st->dirs);
    free(st);
}

/* ---- running -------------------------------------------------------------- */

static int fly_line(const void *p)
{
    const FlyLab *st = p;
    return st->pc < st->ndirs ? st->dirs[st->pc].line : 0;
}

static FlyState *now(FlyLab *st)
{
    return &st->series[st->nseries - 1];
}

static double *stock(FlyState *s, int which)
{
    return which == STOCK_USERS ? &s->users : which == STOCK_LIBRARIES ? &s->libraries : &s->tools;
}

__attribute__((format(printf, 2, 3)))
static void add_mark(FlyLab *st, const char *fmt, ...)
{
    st->marks = xrealloc(st->marks, (st->nmarks + 1) * sizeof *st->marks);
    FlyMark *m = &st->marks[st->nmarks++];
    m->t = (int)st->nseries - 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->what, sizeof m->what, fmt, ap);
    va_end(ap);
}

static void row(Buf *out, size_t t, const FlyState *s)
{
    buf_printf(out, "%5zu  %6.3f  %9.3f  %9.3f\n", t, s->users, s->libraries, s->tools);
}

static void run_steps(FlyLab *st, int steps, Buf *out)
{
    size_t first = st->nseries - 1;
    int every = steps <= 12 ? 1 : (steps + 9) / 10; /* about ten rows */
    buf_printf(out, " step       U          L          T\n");
    row(out, first, now(st));
    for (int k = 1; k <= steps; k++) {
        if (st->nseries == st->cap) {
            st->cap *= 2;
            st->series = xrealloc(st->series, st->cap * sizeof *st->series);
        }
        st->series[st->nseries] = st->series[st->nseries - 1];
        st->nseries++;
        if (flywheel_step(&st->params, now(st))) {
            st->clamped++;
            buf_printf(out, "note: step %zu: U held within 0..1 (a share cannot go beyond)\n",
                       st->nseries - 1);
        }
        if (k % every == 0 || k == steps)
            row(out, st->nseries - 1, now(st));
    }
}

static void show(const FlyLab *st, Buf *out)
{
    const FlyParams *p = &st->params;
    const FlyState *s = &st->series[st->nseries - 1];
    buf_printf(out, "flywheel model, an illustration, not a forecast (step %zu)\n",
               st->nseries - 1);
    buf_printf(out, "  L' = L + a*U - d*L                  a=%g d=%g\n", p->a, p->d);
    buf_printf(out, "  T' = T + b*L - d*T                  b=%g\n", p->b);
    buf_printf(out, "  U' = U + g*(L+T)*U*(1-U) - c*U      g=%g c=%g\n", p->g, p->c);
    buf_printf(out, "  U=%.3f  L=%.3f  T=%.3f\n", s->users, s->libraries, s->tools);
}

static int fly_step(void *p, Buf *out, Buf *err)
{
    (void)err; /* every check was made when the program was read */
    FlyLab *st = p;
    if (st->pc >= st->ndirs)
        return 0;
    const FlyDirective *d = &st->dirs[st->pc++];
    switch (d->op) {
    case OP_SET:
        for (int i = 0; i < d->nset; i++) {
            *flywheel_param(&st->params, d->names[i]) = d->values[i];
            buf_printf(out, "%s%s=%g", i ? " " : "set ", d->names[i], d->values[i]);
        }
        buf_addc(out, '\n');
        break;
    case OP_STOCK:
        *stock(now(st), d->stock) = d->value;
        buf_printf(out, "%s = %g at step %zu\n", STOCKS[d->stock], d->value, st->nseries - 1);
        add_mark(st, "%s = %g", STOCKS[d->stock], d->value);
        break;
    case OP_RUN:
        st->shown = st->nseries;
        run_steps(st, d->steps, out);
        break;
    case OP_SHOCK: {
        double *v = stock(now(st), d->stock), before = *v;
        *v = before * (1 + d->value / 100);
        buf_printf(out, "shock: %s %+g%% at step %zu: %.4f -> %.4f\n", STOCKS[d->stock],
                   d->value, st->nseries - 1, before, *v);
        add_mark(st, "%s %+g%%", STOCKS[d->stock], d->value);
        break;
    }
    case OP_SHOW: show(st, out); break;
    case OP_DATA: {
        const FlyDatum *x = &st->data[d->datum];
        buf_printf(out, "data %s \"%s\" = %s\n", x->id, x->label, x->text);
        break;
    }
    }
    return 0;
}

static bool fly_busy(const void *p)
{
    const FlyLab *st = p;
    return st->shown < st->nseries;
}

static void fly_tick(void *p)
{
    FlyLab *st = p;
    if (st->shown < st->nseries)
        st->shown++;
}

static void fly_settle(void *p)
{
    FlyLab *st = p;
    st->shown = st->nseries;
}

/* The directives at a glance, for `?` on the lab screen. */
#define LAB_REFERENCE \
    "set a=.. b=.. d=.. g=.. c=..\tthe model's parameters\n" \
    "users X, libraries X, tools X\tsets a stock now\n" \
    "run N [steps|years]\truns N steps and prints a table\n" \
    "shock STOCK -50%\tmultiplies a stock by (1 + P/100)\n" \
    "show\tthe equations with the current values\n" \
    "data ID \"LABEL\" VALUE\tquotes one figure of assets/data/ID.yaml\n"

const LabClass lab_flywheel = {
    .name = "flywheel",
    .title = "Flywheel model (an illustration)",
    .ext = "fly",
    .reference = LAB_REFERENCE,
    .open = fly_open,
    .close = fly_close,
    .line = fly_line,
    .step = fly_step,
    .busy = fly_busy,
    .tick = fly_tick,
    .settle = fly_settle,
    .end = NULL,
};

/* ---- accessors ------------------------------------------------------------- */

static const FlyLab *state(const Lab *lab)
{
    return lab->st && lab->cls == &lab_flywheel ? lab->st : NULL;
}

const FlyParams *fly_lab_params(const Lab *lab)
{
    const FlyLab *st = state(lab);
    return st ? &st->params : NULL;
}

const FlyState *fly_lab_series(const Lab *lab, size_t *nseries)
{
    const FlyLab *st = state(lab);
    *nseries = st ? st->nseries : 0;
    return st ? st->series : NULL;
}

size_t fly_lab_shown(const Lab *lab)
{
    const FlyLab *st = state(lab);
    return st ? st->shown : 0;
}

const FlyDatum *fly_lab_data(const Lab *lab, size_t *n)
{
    const FlyLab *st = state(lab);
    *n = st ? st->ndata : 0;
    return st ? st->data : NULL;
}

const FlyMark *fly_lab_marks(const Lab *lab, size_t *n)
{
    const FlyLab *st = state(lab);
    *n = st ? st->nmarks : 0;
    return st ? st->marks : NULL;
}

size_t fly_lab_clamped(const Lab *lab)
{
    const FlyLab *st = state(lab);
    return st ? st->clamped : 0;
}
