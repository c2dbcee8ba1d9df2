/*
 * lab_roadmap: the plan language of chapter 7 (see lab_roadmap.h).
 *
 * open() reads every line into a PlanInstr and checks, in text order, what
 * each needs before it (a program has no jumps, so text order is run
 * order): an answer needs the BKT lines, a rank needs a goal with weights.
 * So a program that opens runs without errors.  step() applies one
 * directive; the ranking is computed from the state whenever asked, by the
 * same functions the dashboard's roadmap uses (base/skill.h).
 */
#include "lab/roadmap/lab_roadmap.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/linescan.h"
#include "base/xalloc.h"
#include "lab/lab.h"

#define MAX_TOKS 24
#define MAX_LINES 10000 /* a plan is a page, not a data set */

static const char *const stage_ids[SKILL_NSTAGES] = {
    /* the ids of assessments/stages.yaml (the content test compares them) */
    "novice", "advanced-beginner", "competent", "proficient", "expert",
};
static const char *const kind_ids[PLAN_NKINDS] = {
    "single", "multiple", "numeric", "ordering", "predict",
};

typedef struct St {
    PlanInstr *ins;
    size_t nins, pc;
    char names[PLAN_MAX_AREAS][PLAN_ID_MAX + 1]; /* from the areas line */
    size_t nnames;
    /* the state as the lines so far left it */
    size_t nareas;
    char goal[PLAN_ID_MAX + 1];
    int weight_at[PLAN_MAX_AREAS]; /* index of the weight instr for each area, -1 */
    int stage[PLAN_MAX_AREAS];
    bool answered[PLAN_MAX_AREAS];
    double mastery[PLAN_MAX_AREAS];
    int right_at[PLAN_MAX_AREAS][4];
    BktParams bkt;
    double guess[PLAN_NKINDS];
    StageRule rules[SKILL_NSTAGES];
    int overall_min; /* -1 until an `overall` line ran */
} St;

const char *plan_stage_id(int stage)
{
    return stage >= 0 && stage < SKILL_NSTAGES ? stage_ids[stage] : "not-assessed";
}

const char *plan_kind_id(int kind)
{
    return kind >= 0 && kind < PLAN_NKINDS ? kind_ids[kind] : "?";
}

/* ---- reading ------------------------------------------------------------ */

typedef LineWord Tok; /* a word of the line (base/linescan.h) */

typedef struct Reader {
    St *st;
    LineScan ls; /* the lines, the words and the diagnostics */
    bool goal, bkt, guess[PLAN_NKINDS], rule[SKILL_NSTAGES], overall;
    bool weighted[PLAN_MAX_AREAS]; /* in the current goal */
    size_t nweights;
    int level_line[PLAN_MAX_AREAS], answer_line[PLAN_MAX_AREAS];
} Reader;

__attribute__((format(printf, 3, 4)))
static bool fail(Reader *r, const Tok *t, const char *fmt, ...)
{
    /* every message says what was expected there */
    va_list ap;
    va_start(ap, fmt);
    linescan_verror(&r->ls, t ? t->col : 1, fmt, ap);
    va_end(ap);
    return false;
}

static bool read_id(Reader *r, const Tok *t, char *out, const char *what)
{
    bool ok = t->n >= 1 && t->n <= PLAN_ID_MAX;
    for (size_t i = 0; ok && i < t->n; i++) {
        char c = t->s[i];
        ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
    if (!ok)
        return fail(r, t, "expected %s (1-64 characters of a-z, 0-9 and -)", what);
    memcpy(out, t->s, t->n);
    out[t->n] = '\0';
    return true;
}

static bool read_area(Reader *r, const Tok *t, int *area)
{
    char id[PLAN_ID_MAX + 1];
    if (!read_id(r, t, id, "a competency id"))
        return false;
    for (size_t i = 0; i < r->st->nnames; i++)
        if (strcmp(r->st->names[i], id) == 0)
            return *area = (int)i, true;
    return fail(r, t, "expected a competency of the `areas` line, not '%s'", id);
}

static int find(const char *const *ids, int n, const Tok *t)
{
    for (int i = 0; i < n; i++)
        if (lineword_is(t, ids[i]))
            return i;
    return -1;
}

static bool read_stage(Reader *r, const Tok *t, int *stage, bool above_novice)
{
    int s = find(stage_ids, SKILL_NSTAGES, t);
    if (s < (above_novice ? 1 : 0))
        return fail(r, t, "expected a stage: %s", above_novice
                    ? "advanced-beginner, competent, proficient or expert"
                    : "novice, advanced-beginner, competent, proficient or expert");
    *stage = s;
    return true;
}

static bool read_num(Reader *r, const Tok *t, double lo, double hi, double *out,
                     const char *what)
{
    char buf[40], *end;
    double v = 0;
    bool ok = t->n > 0 && t->n < sizeof buf;
    if (ok) {
        memcpy(buf, t->s, t->n);
        buf[t->n] = '\0';
        v = strtod(buf, &end);
        ok = *end == '\0' && isfinite(v) && v >= lo && v <= hi &&
             (buf[0] == '-' || buf[0] == '.' || (buf[0] >= '0' && buf[0] <= '9'));
    }
    if (!ok) {
        char range[64];
        snprintf(range, sizeof range, "from %g to %g", lo, hi);
        return fail(r, t, "expected %s, a number %s", what, range);
    }
    *out = v;
    return true;
}

static bool read_int(Reader *r, const Tok *t, int lo, int hi, int *out, const char *what)
{
    double v;
    if (!read_num(r, t, lo, hi, &v, what))
        return false;
    if (v != floor(v))
        return fail(r, t, "expected %s, a whole number", what);
    *out = (int)v;
    return true;
}

/* "a,b,c" split at commas into tokens (columns kept). */
static size_t split_commas(const Tok *t, Tok *out, size_t cap)
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= t->n && n < cap; i++)
        if (i == t->n || t->s[i] == ',') {
            out[n++] = (Tok){t->s + start, i - start, t->col + (int)start};
            start = i + 1;
        }
    return n;
}

static bool argc_is(Reader *r, const Tok *tk, size_t n, size_t lo, size_t hi, const char *usage)
{
    if (n >= lo && n <= hi)
        return true;
    return fail(r, n > hi ? &tk[hi] : &tk[0], "expected `%s`%s", usage,
                n > hi ? ", and nothing more on the line" : "");
}

static bool need(Reader *r, const Tok *t, bool have, const char *what)
{
    return have || fail(r, t, "expected %s before this line", what);
}

static bool read_step(Reader *r, const Tok *tk, PlanInstr *in)
{
    Tok part[PLAN_MAX_AREAS + 1];
    if (!read_id(r, &tk[1], in->id, "a step id"))
        return false;
    size_t n = split_commas(&tk[2], part, PLAN_MAX_AREAS + 1);
    if (n > PLAN_MAX_AREAS)
        return fail(r, &tk[2], "expected at most %d areas", PLAN_MAX_AREAS);
    for (size_t i = 0; i < n; i++) {
        int a;
        if (!read_area(r, &part[i], &a))
            return false;
        in->comps[in->ncomps++] = a;
    }
    n = split_commas(&tk[3], part, SKILL_NSTAGES + 1);
    for (size_t i = 0; i < n; i++) {
        int s;
        if (!read_stage(r, &part[i], &s, false))
            return false;
        in->stages[s] = true;
    }
    return true;
}

static bool read_answer(Reader *r, const Tok *tk, size_t n, PlanInstr *in)
{
    if (!read_area(r, &tk[1], &in->area))
        return false;
    if (!lineword_is(&tk[2], "right") && !lineword_is(&tk[2], "wrong"))
        return fail(r, &tk[2], "expected right or wrong");
    in->right = lineword_is(&tk[2], "right");
    if (!read_int(r, &tk[3], 1, 3, &in->ints[0], "a difficulty"))
        return false;
    in->kind = 0; /* single */
    if (n == 5 && (in->kind = find(kind_ids, PLAN_NKINDS, &tk[4])) < 0)
        return fail(r, &tk[4], "expected an item kind: single, multiple, numeric, ordering or predict");
    if (r->level_line[in->area]) {
        return fail(r, &tk[1], "expected an area placed by answers: `level` set this one on line %d",
                    r->level_line[in->area]);
    }
    if (!need(r, &tk[0], r->bkt, "a `bkt P_INIT P_LEARN P_SLIP` line") ||
        !need(r, &tk[0], r->guess[in->kind], "a `guess KIND G` line for this item kind"))
        return false;
    for (int s = 1; s < SKILL_NSTAGES; s++)
        if (!r->rule[s])
            return fail(r, &tk[0], "expected a `rule %s ...` line before this line (answers climb the whole ladder)",
                        stage_ids[s]);
    r->answer_line[in->area] = r->ls.line;
    return true;
}

/* One directive line; false (with a diagnostic) when it is wrong. */
static bool read_line(Reader *r, Tok *tk, size_t n, PlanInstr *in)
{
    St *st = r->st;
    Tok *op = &tk[0];
    if (!lineword_is(op, "areas") && st->nnames == 0)
        return fail(r, op, "expected `areas` first: the competency ids in the course's order");
    if (lineword_is(op, "areas")) {
        in->op = PLAN_AREAS;
        if (st->nnames)
            return fail(r, op, "expected one `areas` line only");
        if (n < 2 || n > PLAN_MAX_AREAS + 1)
            return fail(r, op, "expected `areas` and 1 to %d competency ids", PLAN_MAX_AREAS);
        for (size_t i = 1; i < n; i++) {
            if (!read_id(r, &tk[i], st->names[i - 1], "a competency id"))
                return false;
            for (size_t j = 0; j + 1 < i; j++)
                if (strcmp(st->names[j], st->names[i - 1]) == 0)
                    return fail(r, &tk[i], "expected each area once; '%s' is named twice",
                                st->names[j]);
        }
        st->nnames = n - 1;
        return true;
    }
    if (lineword_is(op, "goal")) {
        in->op = PLAN_GOAL;
        r->goal = true;
        r->nweights = 0;
        memset(r->weighted, 0, sizeof r->weighted);
        return argc_is(r, tk, n, 2, 2, "goal ID") && read_id(r, &tk[1], in->id, "a goal id");
    }
    if (lineword_is(op, "weight")) {
        in->op = PLAN_WEIGHT;
        if (!argc_is(r, tk, n, 4, 4, "weight AREA W TARGET") ||
            !need(r, op, r->goal, "a `goal ID` line") || !read_area(r, &tk[1], &in->area) ||
            !read_num(r, &tk[2], 0.1, 10, &in->num[0], "a weight") ||
            !read_stage(r, &tk[3], &in->stage, false))
            return false;
        if (r->weighted[in->area])
            return fail(r, &tk[1], "expected each area once per goal; '%s' has a weight already",
                        st->names[in->area]);
        r->weighted[in->area] = true;
        r->nweights++;
        return true;
    }
    if (lineword_is(op, "step")) {
        in->op = PLAN_STEP;
        return argc_is(r, tk, n, 4, 4, "step ID AREA[,AREA...] STAGE[,STAGE...]") &&
               read_step(r, tk, in);
    }
    if (lineword_is(op, "level")) {
        in->op = PLAN_LEVEL;
        if (!argc_is(r, tk, n, 3, 3, "level AREA STAGE") || !read_area(r, &tk[1], &in->area))
            return false;
        if (r->answer_line[in->area])
            return fail(r, &tk[1], "expected an area not placed by answers (an `answer` line moved '%s' already)",
                        st->names[in->area]);
        r->level_line[in->area] = r->ls.line;
        if (lineword_is(&tk[2], "not-assessed"))
            return in->stage = -1, true;
        return read_stage(r, &tk[2], &in->stage, false);
    }
    if (lineword_is(op, "bkt")) {
        in->op = PLAN_BKT;
        r->bkt = true;
        return argc_is(r, tk, n, 4, 4, "bkt P_INIT P_LEARN P_SLIP") &&
               read_num(r, &tk[1], 0.001, 0.999, &in->num[0], "p(L0)") &&
               read_num(r, &tk[2], 0, 1, &in->num[1], "p(T)") &&
               read_num(r, &tk[3], 0.001, 0.999, &in->num[2], "p(S)");
    }
    if (lineword_is(op, "guess")) {
        in->op = PLAN_GUESS;
        if (!argc_is(r, tk, n, 3, 3, "guess KIND G"))
            return false;
        if ((in->kind = find(kind_ids, PLAN_NKINDS, &tk[1])) < 0)
            return fail(r, &tk[1], "expected an item kind: single, multiple, numeric, ordering or predict");
        r->guess[in->kind] = true;
        return read_num(r, &tk[2], 0.001, 0.999, &in->num[0], "p(G)");
    }
    if (lineword_is(op, "rule")) {
        in->op = PLAN_RULE;
        if (!argc_is(r, tk, n, 6, 6, "rule STAGE MIN_MASTERY MIN_RIGHT AT_DIFFICULTY MIN_EXERCISES") ||
            !read_stage(r, &tk[1], &in->stage, true) ||
            !read_num(r, &tk[2], 0, 1, &in->num[0], "a mastery") ||
            !read_int(r, &tk[3], 0, 99, &in->ints[0], "a count of items") ||
            !read_int(r, &tk[4], 1, 3, &in->ints[1], "a difficulty") ||
            !read_int(r, &tk[5], 0, 99, &in->ints[2], "a count of exercises"))
            return false;
        r->rule[in->stage] = true;
        return true;
    }
    if (lineword_is(op, "overall")) {
        in->op = PLAN_OVERALL;
        r->overall = true;
        return argc_is(r, tk, n, 2, 2, "overall N") &&
               read_int(r, &tk[1], 1, PLAN_MAX_AREAS, &in->ints[0], "a count of areas");
    }
    if (lineword_is(op, "answer")) {
        in->op = PLAN_ANSWER;
        return argc_is(r, tk, n, 4, 5, "answer AREA right|wrong DIFFICULTY [KIND]") &&
               read_answer(r, tk, n, in);
    }
    if (lineword_is(op, "rank")) {
        in->op = PLAN_RANK;
        return argc_is(r, tk, n, 1, 1, "rank") &&
               need(r, op, r->nweights > 0, "a `goal` with `weight AREA W TARGET` lines");
    }
    if (lineword_is(op, "stage")) {
        in->op = PLAN_STAGE;
        return argc_is(r, tk, n, 1, 1, "stage") &&
               need(r, op, r->overall, "an `overall N` line");
    }
    return fail(r, op, "expected a directive (areas, goal, weight, step, level, bkt, guess, "
                "rule, overall, answer, rank or stage)");
}

static void rm_close(void *p);

static void *rm_open(const char *src, size_t len, const char *file, uint64_t seed, DiagList *dl)
{
    (void)seed; /* nothing is random in a plan */
    St *st = xcalloc(1, sizeof *st);
    Reader r = {.st = st};
    linescan_init(&r.ls, src, len, file, dl, 0);
    size_t errors = diag_count(dl, DIAG_ERROR), cap = 0;
    while (linescan_next(&r.ls)) {
        if (r.ls.line > MAX_LINES) {
            linescan_error(&r.ls, 1, "expected at most %d lines in a plan", MAX_LINES);
            break;
        }
        Tok tk[MAX_TOKS];
        bool too_many;
        size_t k = linescan_words(&r.ls, tk, MAX_TOKS, 0, &too_many, NULL);
        if (too_many) {
            fail(&r, &tk[MAX_TOKS - 1], "expected at most %d words on a line", MAX_TOKS);
            continue;
        }
        if (k == 0)
            continue; /* blank lines and comments are not stopping points */
        st->ins = xgrow(st->ins, &cap, st->nins + 1, sizeof *st->ins);
        PlanInstr *in = &st->ins[st->nins];
        *in = (PlanInstr){.line = r.ls.line, .stage = -1, .area = -1};
        if (read_line(&r, tk, k, in))
            st->nins++;
    }
    if (diag_count(dl, DIAG_ERROR) > errors) {
        rm_close(st);
        return NULL;
    }
    st->overall_min = -1;
    for (size_t i = 0; i < PLAN_MAX_AREAS; i++)
        st->weight_at[i] = -1, st->stage[i] = -1;
    return st;
}

static void rm_close(void *p)
{
    St *st = p;
    free(st->ins);
    free(st);
}

static int rm_line(const void *p)
{
    const St *st = p;
    return st->pc < st->nins ? st->ins[st->pc].line : 0;
}

/* ---- the state, read ---------------------------------------------------- */

size_t plan_ninstrs(const void *p) { return ((const St *)p)->nins; }
const PlanInstr *plan_instr(const void *p, size_t i)
{
    const St *st = p;
    return i < st->nins ? &st->ins[i] : NULL;
}
size_t plan_nareas(const void *p) { return ((const St *)p)->nareas; }
const char *plan_area(const void *p, size_t i)
{
    const St *st = p;
    return i < st->nareas ? st->names[i] : "";
}
int plan_area_stage(const void *p, size_t i)
{
    const St *st = p;
    return i < st->nareas ? st->stage[i] : -1;
}
bool plan_area_mastery(const void *p, size_t i, double *mastery)
{
    const St *st = p;
    if (i >= st->nareas || !st->answered[i])
        return false;
    *mastery = st->mastery[i];
    return true;
}
const char *plan_goal(const void *p) { return ((const St *)p)->goal; }

/* The first step that ran so far and fits, in program order: the lines are
 * the course's next steps in content order (the content test checks it). */
static const char *first_step(const St *st, int area, int at)
{
    for (size_t i = 0; i < st->pc; i++) {
        const PlanInstr *in = &st->ins[i];
        if (in->op == PLAN_STEP && skill_step_fits(in->comps, in->ncomps, in->stages, area, at))
            return in->id;
    }
    return NULL;
}

static int row_cmp(const void *a, const void *b)
{
    const PlanRow *x = a, *y = b;
    return skill_rank_cmp(x->priority, x->weight, x->area, y->priority, y->weight, y->area);
}

size_t plan_ranking(const void *p, PlanRow *out)
{
    const St *st = p;
    size_t n = 0;
    for (size_t a = 0; a < st->nareas; a++) {
        if (st->weight_at[a] < 0)
            continue;
        const PlanInstr *w = &st->ins[st->weight_at[a]];
        PlanRow *row = &out[n++];
        *row = (PlanRow){.area = (int)a, .competency = st->names[a], .current = st->stage[a],
                         .target = w->stage, .weight = w->num[0]};
        row->gap = skill_gap(row->current, row->target);
        row->priority = skill_priority(row->gap, row->weight);
        row->step = first_step(st, (int)a, skill_at(row->current));
    }
    if (n > 1) /* out holds n rows; nothing past them is read */
        qsort(out, n, sizeof *out, row_cmp);
    return n;
}

bool plan_overall(const void *p, int *overall, int *assessed, int *needed)
{
    const St *st = p;
    if (st->overall_min < 0)
        return false;
    *assessed = 0;
    for (size_t a = 0; a < st->nareas; a++)
        *assessed += st->stage[a] >= 0;
    *needed = st->overall_min;
    *overall = skill_overall(st->overall_min, st->stage, st->nareas);
    return true;
}

/* ---- running ------------------------------------------------------------ */

static void print_rank(const St *st, Buf *out)
{
    PlanRow rows[PLAN_MAX_AREAS];
    size_t n = plan_ranking(st, rows);
    buf_printf(out, "roadmap for %s (priority = gap x weight)\n", st->goal);
    for (size_t i = 0; i < n; i++) {
        const PlanRow *r = &rows[i];
        buf_printf(out, "%2zu. %-20s %-17s -> %-17s gap %d x weight %g = %g   next: %s\n",
                   i + 1, r->competency, plan_stage_id(r->current), plan_stage_id(r->target),
                   r->gap, r->weight, r->priority,
                   r->gap == 0 ? "(at target)" : r->step ? r->step : "(no step given)");
    }
}

static void print_stage(const St *st, Buf *out)
{
    for (size_t a = 0; a < st->nareas; a++) {
        buf_printf(out, "%-20s %s", st->names[a], plan_stage_id(st->stage[a]));
        if (st->answered[a])
            buf_printf(out, " (p(L) %.3f)", st->mastery[a]);
        buf_addc(out, '\n');
    }
    int overall = -1, assessed = 0, needed = 0;
    plan_overall(st, &overall, &assessed, &needed);
    if (overall >= 0)
        buf_printf(out, "overall: %s (the lower median of %d assessed areas)\n",
                   plan_stage_id(overall), assessed);
    else
        buf_printf(out, "overall: not enough evidence (%d of %d areas assessed)\n", assessed,
                   needed);
}

static void apply_answer(St *st, const PlanInstr *in, Buf *out)
{
    int a = in->area;
    if (!st->answered[a])
        st->mastery[a] = st->bkt.p_init;
    st->answered[a] = true;
    BktParams p = st->bkt;
    p.p_guess = st->guess[in->kind];
    double before = st->mastery[a];
    int was = st->stage[a];
    st->mastery[a] = bkt_update(&p, before, in->right, 1.0);
    if (in->right) /* each answer line is a different item */
        for (int d = 1; d <= in->ints[0]; d++)
            st->right_at[a][d]++;
    st->right_at[a][0] = st->right_at[a][1];
    st->stage[a] = skill_stage(st->rules, st->mastery[a], st->right_at[a], 0, true);
    buf_printf(out, "%s: %s at difficulty %d: p(L) %.3f -> %.3f, %s -> %s\n", st->names[a],
               in->right ? "right" : "wrong", in->ints[0], before, st->mastery[a],
               plan_stage_id(was), plan_stage_id(st->stage[a]));
}

static int rm_step(void *p, Buf *out, Buf *err)
{
    (void)err; /* every problem was found when the plan was read */
    St *st = p;
    if (st->pc >= st->nins)
        return 0;
    size_t at = st->pc;
    const PlanInstr *in = &st->ins[st->pc++];
    switch (in->op) {
    case PLAN_AREAS: st->nareas = st->nnames; break;
    case PLAN_GOAL:
        memcpy(st->goal, in->id, sizeof st->goal);
        for (size_t i = 0; i < PLAN_MAX_AREAS; i++)
            st->weight_at[i] = -1;
        break;
    case PLAN_WEIGHT: st->weight_at[in->area] = (int)at; break;
    case PLAN_STEP: break; /* first_step() reads the steps that ran */
    case PLAN_LEVEL: st->stage[in->area] = in->stage; break;
    case PLAN_BKT:
        st->bkt = (BktParams){.p_init = in->num[0], .p_learn = in->num[1], .p_slip = in->num[2]};
        break;
    case PLAN_GUESS: st->guess[in->kind] = in->num[0]; break;
    case PLAN_RULE:
        st->rules[in->stage] = (StageRule){in->num[0], in->ints[0], in->ints[1], in->ints[2]};
        break;
    case PLAN_OVERALL: st->overall_min = in->ints[0]; break;
    case PLAN_ANSWER: apply_answer(st, in, out); break;
    case PLAN_RANK: print_rank(st, out); break;
    case PLAN_STAGE: print_stage(st, out); break;
    }
    return 0;
}

/* The directives at a glance, for `?` on the lab screen. */
#define LAB_REFERENCE \
    "areas A B ...\tthe competencies in the course's order (first line)\n" \
    "goal ID, weight AREA W TARGET\ta goal and its weights and target stages\n" \
    "step ID AREA S\ta next step for an area at a stage\n" \
    "level AREA STAGE\tplace the learner in an area\n" \
    "answer AREA right|wrong DIFF\tone more answered item (needs bkt, guess, rule)\n" \
    "rank, stage\tprint the roadmap, or every area's stage\n"

const LabClass lab_roadmap = {
    .name = "roadmap",
    .title = "Roadmap planner",
    .ext = "plan",
    .reference = LAB_REFERENCE,
    .open = rm_open,
    .close = rm_close,
    .line = rm_line,
    .step = rm_step,
};
