/*
 * export_csv: the CSV form of an export, written and read (see export.h and
 * docs/EXPORT.md).  RFC 4180 quoting; one record per row, its kind in the
 * first column, so a spreadsheet opens it and a script can grep it:
 *
 *     pydive-export,VERSION,PROFILE,EXPORTED,COURSE,PACK,PACK_VERSION
 *     progress,UPDATED,LAST_CHAPTER
 *     chapter,ID,SECTION,BLOCK,LINE,FIRST_OPENED,LAST_OPENED
 *     read,CHAPTER_ID,SECTION_ID
 *     assessments,UPDATED,TRACK
 *     answer,ITEM,AT,RESULT,DIFFICULTY,SESSION,COMPETENCIES
 *     exercise,EXERCISE,AT,SOLVED,HINTS,DIFFICULTY,COMPETENCIES
 *     rating,COMPETENCY,AT,RATING
 *     session,ID,KIND,CHAPTER,STARTED,FINISHED,ITEMS,CORRECT,OVERALL
 *     stage,SESSION_ID,COMPETENCY,STAGE,MASTERY
 *     card,ITEM,EASE,INTERVAL,REPETITIONS,LAPSES,DUE
 *     checksum,sha256:HEX
 *
 * An empty unquoted field is null; "" is the empty string.  COMPETENCIES is
 * one field of ids joined by ';' (a ';' or '\' inside an id is escaped by '\').
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/export.h"

static const char *const RESULTS[] = {"wrong", "partial", "correct", NULL};
static const char *const KINDS[] = {"chapter", "stage", "review", NULL};

/* ---- writing ------------------------------------------------------------- */

static void field(Buf *b, const char *s)
{
    buf_addc(b, ',');
    if (!s)
        return;
    if (*s && !strpbrk(s, ",\"\r\n") && s[0] != ' ' && s[strlen(s) - 1] != ' ') {
        buf_adds(b, s);
        return;
    }
    buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            buf_addc(b, '"');
        buf_addc(b, *s);
    }
    buf_addc(b, '"');
}

static void ifield(Buf *b, int64_t v)
{
    buf_printf(b, ",%" PRId64, v);
}

static void list_field(Buf *b, char *const *v, size_t n)
{
    Buf j = {0};
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_addc(&j, ';');
        for (const char *p = v[i]; *p; p++) {
            if (*p == ';' || *p == '\\')
                buf_addc(&j, '\\');
            buf_addc(&j, *p);
        }
    }
    field(b, j.len ? buf_str(&j) : "");
    buf_fini(&j);
}

static void write_progress(const Progress *p, Buf *b)
{
    buf_printf(b, "progress,%" PRId64, p->updated);
    field(b, p->last_chapter);
    buf_addc(b, '\n');
    for (size_t i = 0; i < p->nchapters; i++) {
        const ChapterProgress *c = &p->chapters[i];
        buf_adds(b, "chapter");
        field(b, c->chapter_id);
        field(b, c->section_id);
        ifield(b, c->block);
        ifield(b, c->line);
        ifield(b, c->first_opened);
        ifield(b, c->last_opened);
        buf_addc(b, '\n');
        for (size_t k = 0; k < c->nread; k++) {
            buf_adds(b, "read");
            field(b, c->chapter_id);
            field(b, c->read[k]);
            buf_addc(b, '\n');
        }
    }
}

static void write_log(const AssessLog *log, Buf *b)
{
    buf_printf(b, "assessments,%" PRId64, log->updated);
    field(b, log->track);
    buf_addc(b, '\n');
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        buf_adds(b, "answer");
        field(b, a->item);
        ifield(b, a->at);
        field(b, RESULTS[a->result]);
        ifield(b, a->difficulty);
        ifield(b, a->session);
        list_field(b, a->competencies, a->ncompetencies);
        buf_addc(b, '\n');
    }
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *x = &log->exercises[i];
        buf_adds(b, "exercise");
        field(b, x->exercise);
        ifield(b, x->at);
        field(b, x->solved ? "true" : "false");
        ifield(b, x->hints);
        ifield(b, x->difficulty);
        list_field(b, x->competencies, x->ncompetencies);
        buf_addc(b, '\n');
    }
    for (size_t i = 0; i < log->nratings; i++) {
        buf_adds(b, "rating");
        field(b, log->ratings[i].competency);
        ifield(b, log->ratings[i].at);
        ifield(b, log->ratings[i].rating);
        buf_addc(b, '\n');
    }
    for (size_t i = 0; i < log->nsessions; i++) {
        const SessionRec *s = &log->sessions[i];
        buf_printf(b, "session,%d", s->id);
        field(b, KINDS[s->kind]);
        ifield(b, s->chapter);
        ifield(b, s->started);
        ifield(b, s->finished);
        ifield(b, s->items);
        ifield(b, s->correct);
        field(b, s->overall);
        buf_addc(b, '\n');
        for (size_t k = 0; k < s->nstages; k++) {
            buf_printf(b, "stage,%d", s->id);
            field(b, s->stages[k].competency);
            field(b, s->stages[k].stage);
            buf_printf(b, ",%.6f\n", s->stages[k].mastery);
        }
    }
    for (size_t i = 0; i < log->ncards; i++) {
        const ReviewCard *c = &log->cards[i];
        buf_adds(b, "card");
        field(b, c->item);
        buf_printf(b, ",%.6f", c->ease);
        ifield(b, c->interval);
        ifield(b, c->repetitions);
        ifield(b, c->lapses);
        ifield(b, c->due);
        buf_addc(b, '\n');
    }
}

void export_write_csv(const Export *e, Buf *out)
{
    buf_printf(out, "%s,%d", EXPORT_FORMAT_NAME, e->version);
    field(out, e->profile);
    ifield(out, e->exported);
    field(out, e->course);
    field(out, e->pack);
    ifield(out, e->pack_version);
    buf_addc(out, '\n');
    write_progress(&e->progress, out);
    write_log(&e->log, out);
}

/* ---- reading: rows ---------------------------------------------------------- */

#define MAX_FIELDS 12

typedef struct Row {
    char *f[MAX_FIELDS];     /* owned; NULL for a null (empty unquoted) field */
    int col[MAX_FIELDS];
    size_t n;
    int line;
} Row;

typedef struct Csv {
    const char *text;
    size_t len, pos;
    int line;
    const char *file;
    DiagList *diags;
    int errors;
    int64_t log_updated; /* as the file states it; adding records moves log.updated */
} Csv;

static void row_fini(Row *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->f[i]);
    r->n = 0;
}

static void csv_error(Csv *c, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void csv_error(Csv *c, int line, int col, const char *fmt, ...)
{
    if (c->errors++ >= 40)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_add(c->diags, DIAG_ERROR, c->file, line, col, "%s", msg);
}

/* Reads one row ending at a newline (or the end); false at the end. */
static bool next_row(Csv *c, Row *r)
{
    row_fini(r);
    if (c->pos >= c->len)
        return false;
    r->line = c->line;
    size_t line_start = c->pos;
    for (;;) {
        Buf v = {0};
        bool quoted = false;
        int col = (int)(c->pos - line_start) + 1;
        if (c->pos < c->len && c->text[c->pos] == '"') {
            quoted = true;
            c->pos++;
            for (;;) {
                if (c->pos >= c->len) {
                    csv_error(c, r->line, col, "a quoted field is never closed");
                    break;
                }
                char ch = c->text[c->pos++];
                if (ch == '"' && c->pos < c->len && c->text[c->pos] == '"')
                    c->pos++;
                else if (ch == '"')
                    break;
                if (ch == '\n')
                    c->line++;
                buf_addc(&v, ch);
            }
        }
        bool told = false;
        while (c->pos < c->len && c->text[c->pos] != ',' && c->text[c->pos] != '\n') {
            if (quoted && !told)
                csv_error(c, c->line, col, "text after a quoted field");
            told = true;
            buf_addc(&v, c->text[c->pos++]);
        }
        if (r->n < MAX_FIELDS) {
            r->col[r->n] = col;
            r->f[r->n++] = v.len || quoted ? (v.len ? buf_take(&v) : xstrdup("")) : NULL;
        } else {
            csv_error(c, r->line, col, "too many fields in a row");
        }
        buf_fini(&v);
        if (c->pos >= c->len || c->text[c->pos] == '\n') {
            c->pos++;
            c->line++;
            return true;
        }
        c->pos++; /* the comma */
    }
}

static bool want_fields(Csv *c, const Row *r, size_t n)
{
    if (r->n == n)
        return true;
    csv_error(c, r->line, 1, "a '%s' row has %zu fields; expected %zu", r->f[0] ? r->f[0] : "",
              r->n, n);
    return false;
}

static int64_t rint_(Csv *c, const Row *r, size_t i, int64_t lo, int64_t hi)
{
    const char *s = r->f[i];
    if (s && *s) {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (*end == '\0' && errno == 0 && v >= lo && v <= hi)
            return v;
    }
    csv_error(c, r->line, r->col[i], "expected a whole number from %" PRId64 " to %" PRId64
              " in field %zu", lo, hi, i + 1);
    return lo < 0 && hi > 0 ? 0 : lo;
}

static double rnum_(Csv *c, const Row *r, size_t i, double lo, double hi)
{
    const char *s = r->f[i];
    if (s && *s) {
        char *end;
        errno = 0;
        double v = strtod(s, &end);
        if (*end == '\0' && errno == 0 && isfinite(v) && v >= lo && v <= hi)
            return v;
    }
    csv_error(c, r->line, r->col[i], "expected a number from %g to %g in field %zu", lo, hi,
              i + 1);
    return lo;
}

/* A required string (non-null), copied. */
static char *rstr_(Csv *c, const Row *r, size_t i)
{
    if (r->f[i])
        return xstrdup(r->f[i]);
    csv_error(c, r->line, r->col[i], "field %zu is empty; expected text", i + 1);
    return xstrdup("");
}

static char *ropt(const Row *r, size_t i)
{
    return r->f[i] ? xstrdup(r->f[i]) : NULL;
}

static int renum(Csv *c, const Row *r, size_t i, const char *const *names)
{
    for (int k = 0; names[k]; k++)
        if (r->f[i] && strcmp(r->f[i], names[k]) == 0)
            return k;
    csv_error(c, r->line, r->col[i], "unknown value '%s' in field %zu", r->f[i] ? r->f[i] : "",
              i + 1);
    return 0;
}

static char **rlist(const Row *r, size_t i, size_t *n)
{
    *n = 0;
    const char *s = r->f[i] ? r->f[i] : "";
    size_t parts = 1;
    for (const char *p = s; *p; p++)
        parts += *p == ';';
    char **out = xcalloc(parts + 1, sizeof *out);
    if (!*s)
        return out;
    Buf cur = {0};
    for (;; s++) {
        if (*s == '\\' && s[1]) {
            buf_addc(&cur, *++s);
        } else if (*s == ';' || *s == '\0') {
            out[(*n)++] = cur.len ? buf_take(&cur) : xstrdup("");
            buf_fini(&cur);
            if (!*s)
                break;
        } else {
            buf_addc(&cur, *s);
        }
    }
    return out;
}

/* ---- reading: records ------------------------------------------------------- */

static void read_chapter(Csv *c, const Row *r, Progress *p)
{
    if (!want_fields(c, r, 7))
        return;
    char *id = rstr_(c, r, 1);
    ChapterProgress *ch = NULL;
    if (progress_chapter_get(p, id))
        csv_error(c, r->line, r->col[1], "chapter '%s' is listed twice", id);
    else if (!(ch = progress_chapter(p, id, true)))
        csv_error(c, r->line, r->col[1], "'%s' is not a usable chapter id", id);
    if (ch) {
        ch->section_id = ropt(r, 2);
        if (ch->section_id && !progress_id_ok(ch->section_id))
            csv_error(c, r->line, r->col[2], "'%s' is not a usable section id", ch->section_id);
        ch->block = (int)rint_(c, r, 3, 0, INT32_MAX);
        ch->line = (int)rint_(c, r, 4, 0, INT32_MAX);
        ch->first_opened = rint_(c, r, 5, 0, INT64_MAX);
        ch->last_opened = rint_(c, r, 6, 0, INT64_MAX);
    }
    free(id);
}

static void read_read(Csv *c, const Row *r, Progress *p)
{
    if (!want_fields(c, r, 3))
        return;
    if (!r->f[1] || !progress_chapter_get(p, r->f[1]))
        csv_error(c, r->line, r->col[1], "a 'read' row before its chapter's 'chapter' row");
    else if (!r->f[2] || !progress_id_ok(r->f[2]))
        csv_error(c, r->line, r->col[2], "not a usable section id");
    else
        progress_mark_read(p, r->f[1], r->f[2], p->updated);
}

static void read_answer(Csv *c, const Row *r, AssessLog *log)
{
    if (!want_fields(c, r, 7))
        return;
    size_t n;
    char **comps = rlist(r, 6, &n);
    char *item = rstr_(c, r, 1);
    assess_log_add_answer(log, item, rint_(c, r, 2, 0, INT64_MAX),
                          (AnswerResult)renum(c, r, 3, RESULTS), (int)rint_(c, r, 4, 1, 3),
                          (const char *const *)comps, n, (int)rint_(c, r, 5, 0, INT32_MAX));
    free(item);
    for (size_t i = 0; i < n; i++)
        free(comps[i]);
    free(comps);
}

static void read_exercise(Csv *c, const Row *r, AssessLog *log)
{
    static const char *const bools[] = {"false", "true", NULL};
    if (!want_fields(c, r, 7))
        return;
    size_t n;
    char **comps = rlist(r, 6, &n);
    char *ex = rstr_(c, r, 1);
    assess_log_add_exercise(log, ex, rint_(c, r, 2, 0, INT64_MAX), renum(c, r, 3, bools) == 1,
                            (int)rint_(c, r, 4, 0, 1000), (int)rint_(c, r, 5, 1, 3),
                            (const char *const *)comps, n);
    free(ex);
    for (size_t i = 0; i < n; i++)
        free(comps[i]);
    free(comps);
}

static void read_session(Csv *c, const Row *r, AssessLog *log)
{
    if (!want_fields(c, r, 9))
        return;
    int id = (int)rint_(c, r, 1, 1, INT32_MAX);
    for (size_t i = 0; i < log->nsessions; i++)
        if (log->sessions[i].id == id)
            csv_error(c, r->line, r->col[1], "session id %d is used twice", id);
    SessionKind kind = (SessionKind)renum(c, r, 2, KINDS);
    SessionRec *s = assess_log_add_session(log, kind, (int)rint_(c, r, 3, 0, 99),
                                           rint_(c, r, 4, 0, INT64_MAX));
    s->id = id;
    s->finished = rint_(c, r, 5, 0, INT64_MAX);
    s->items = (int)rint_(c, r, 6, 0, INT32_MAX);
    s->correct = (int)rint_(c, r, 7, 0, INT32_MAX);
    s->overall = ropt(r, 8);
}

static void read_stage(Csv *c, const Row *r, AssessLog *log)
{
    if (!want_fields(c, r, 5))
        return;
    int id = (int)rint_(c, r, 1, 1, INT32_MAX);
    SessionRec *s = NULL;
    for (size_t i = 0; i < log->nsessions; i++)
        if (log->sessions[i].id == id)
            s = &log->sessions[i];
    if (!s) {
        csv_error(c, r->line, r->col[1], "a 'stage' row before its session %d", id);
        return;
    }
    s->stages = xrealloc(s->stages, (s->nstages + 1) * sizeof *s->stages);
    s->stages[s->nstages++] = (StageSnap){rstr_(c, r, 2), ropt(r, 3), rnum_(c, r, 4, 0, 1)};
}

static void read_card(Csv *c, const Row *r, AssessLog *log)
{
    if (!want_fields(c, r, 7))
        return;
    char *item = rstr_(c, r, 1);
    if (assess_log_card_get(log, item))
        csv_error(c, r->line, r->col[1], "item '%s' has two review cards", item);
    ReviewCard *k = assess_log_add_card(log, item, rnum_(c, r, 2, 1.3, 10),
                                        rint_(c, r, 6, INT32_MIN, INT32_MAX));
    k->interval = (int)rint_(c, r, 3, 0, 100000);
    k->repetitions = (int)rint_(c, r, 4, 0, 100000);
    k->lapses = (int)rint_(c, r, 5, 0, 100000);
    free(item);
}

static void read_row(Csv *c, const Row *r, Export *e, int *seen)
{
    const char *kind = r->f[0] ? r->f[0] : "";
    if (strcmp(kind, "progress") == 0 && want_fields(c, r, 3)) {
        e->progress.updated = rint_(c, r, 1, 0, INT64_MAX);
        free(e->progress.last_chapter); /* a repeated row is an error, found below */
        e->progress.last_chapter = ropt(r, 2);
        seen[0]++;
    } else if (strcmp(kind, "assessments") == 0 && want_fields(c, r, 3)) {
        e->log.updated = c->log_updated = rint_(c, r, 1, 0, INT64_MAX);
        free(e->log.track);
        e->log.track = ropt(r, 2);
        seen[1]++;
    } else if (strcmp(kind, "chapter") == 0) {
        read_chapter(c, r, &e->progress);
    } else if (strcmp(kind, "read") == 0) {
        read_read(c, r, &e->progress);
    } else if (strcmp(kind, "answer") == 0) {
        read_answer(c, r, &e->log);
    } else if (strcmp(kind, "exercise") == 0) {
        read_exercise(c, r, &e->log);
    } else if (strcmp(kind, "rating") == 0 && want_fields(c, r, 4)) {
        char *comp = rstr_(c, r, 1);
        assess_log_add_rating(&e->log, comp, rint_(c, r, 2, 0, INT64_MAX),
                              (int)rint_(c, r, 3, 1, 5));
        free(comp);
    } else if (strcmp(kind, "session") == 0) {
        read_session(c, r, &e->log);
    } else if (strcmp(kind, "stage") == 0) {
        read_stage(c, r, &e->log);
    } else if (strcmp(kind, "card") == 0) {
        read_card(c, r, &e->log);
    } else if (strcmp(kind, "progress") != 0 && strcmp(kind, "assessments") != 0 &&
               strcmp(kind, "rating") != 0) {
        csv_error(c, r->line, 1, "unknown row kind '%s'", kind);
    }
}

/* The first row: format, then version (a newer one stops here). */
static ExportStatus read_head(Csv *c, const Row *r, Export *e)
{
    if (r->n < 2 || !r->f[0] || strcmp(r->f[0], EXPORT_FORMAT_NAME) != 0) {
        csv_error(c, r->line, 1, "not a pydive export (expected a first row '%s,...')",
                  EXPORT_FORMAT_NAME);
        return EXPORT_DAMAGED;
    }
    e->version = (int)rint_(c, r, 1, 1, INT32_MAX);
    if (c->errors)
        return EXPORT_DAMAGED;
    if (e->version > EXPORT_VERSION) {
        csv_error(c, r->line, r->col[1], "export version %d was written by a newer pydive; "
                  "this pydive reads version %d (update pydive on this machine)", e->version,
                  EXPORT_VERSION);
        return EXPORT_FUTURE;
    }
    if (!want_fields(c, r, 7))
        return EXPORT_DAMAGED;
    e->profile = rstr_(c, r, 2);
    e->exported = rint_(c, r, 3, 0, INT64_MAX);
    e->course = ropt(r, 4);
    e->pack = ropt(r, 5);
    e->pack_version = (int)rint_(c, r, 6, 0, 1000000);
    return EXPORT_OK;
}

/* The offset of the last row when it is "checksum,sha256:HEX\n"; else -1. */
static long sum_row(const char *text, size_t len, char sum[SHA256_HEX])
{
    static const char prefix[] = "checksum,sha256:";
    size_t need = sizeof prefix - 1 + 64;
    size_t end = len && text[len - 1] == '\n' ? len - 1 : len;
    if (end < need || (end > need && text[end - need - 1] != '\n') ||
        memcmp(text + end - need, prefix, sizeof prefix - 1) != 0)
        return -1;
    for (size_t i = end - 64; i < end; i++)
        if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f')))
            return -1;
    memcpy(sum, text + end - 64, 64);
    sum[64] = '\0';
    return (long)(end - need);
}

ExportStatus export_read_csv(const char *text, size_t len, const char *file, Export *out,
                             DiagList *diags)
{
    Csv c = {text, len, 0, 1, file, diags, 0, 0};
    Row r = {0};
    next_row(&c, &r);
    ExportStatus st = read_head(&c, &r, out);
    char sum[SHA256_HEX];
    long body = st == EXPORT_OK ? sum_row(text, len, sum) : 0;
    if (st == EXPORT_OK && body < 0) {
        csv_error(&c, 0, 0, "no 'checksum,sha256:...' row at the end: the file was cut short "
                  "or edited after it was exported");
        st = EXPORT_TAMPERED;
    }
    if (st == EXPORT_OK)
        st = export_verify(text, (size_t)body, sum, file, out, diags);
    int seen[2] = {0, 0};
    c.len = st == EXPORT_OK ? (size_t)body : 0;
    while (st == EXPORT_OK && next_row(&c, &r))
        read_row(&c, &r, out, seen);
    row_fini(&r);
    out->log.updated = c.log_updated; /* the file's word, as the YAML and JSON readers keep it */
    if (st == EXPORT_OK && (seen[0] != 1 || seen[1] != 1))
        csv_error(&c, 0, 0, "expected one 'progress' row and one 'assessments' row");
    if (st == EXPORT_OK && c.errors)
        st = EXPORT_DAMAGED;
    if (st == EXPORT_OK) {
        free(out->progress.profile);
        out->progress.profile = xstrdup(out->profile);
        free(out->log.profile);
        out->log.profile = xstrdup(out->profile);
    }
    return st;
}
