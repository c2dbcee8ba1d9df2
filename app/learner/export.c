/*
 * export: the YAML and JSON writers, the reader for both (through ytree: a
 * JSON export is also a YAML document), the checksum, and the dispatch to
 * the CSV half (export_csv.c).  See export.h and docs/EXPORT.md.
 *
 * YAML and JSON share one writer: the top level differs (block mapping or
 * braces), every record inside is the same flow mapping, strings are always
 * double-quoted with JSON escapes (which YAML reads the same way), numbers
 * are plain, and doubles are printed "%.6f" like the profile files.
 */
#include "learner/export.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "learner/assess_log_tree.h"
#include "learner/ytree.h"

static const char *const FORMAT_NAMES[] = {"yaml", "json", "csv"};
static const char *const RESULT_NAMES[] = {"wrong", "partial", "correct"};
static const char *const KIND_NAMES[] = {"chapter", "stage", "review"};

void export_init(Export *e, const char *profile)
{
    *e = (Export){.version = EXPORT_VERSION, .profile = profile ? xstrdup(profile) : NULL};
    progress_init(&e->progress, profile);
    assess_log_init(&e->log, profile);
}

void export_fini(Export *e)
{
    free(e->profile);
    free(e->course);
    free(e->pack);
    progress_fini(&e->progress);
    assess_log_fini(&e->log);
    *e = (Export){0};
}

bool export_format_parse(const char *name, ExportFormat *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, FORMAT_NAMES[i]) == 0) {
            *out = (ExportFormat)i;
            return true;
        }
    return false;
}

const char *export_format_name(ExportFormat f)
{
    return (unsigned)f < 3 ? FORMAT_NAMES[f] : "?";
}

const char *export_status_text(ExportStatus s)
{
    switch (s) {
    case EXPORT_OK:
        return "ok";
    case EXPORT_DAMAGED:
        return "damaged or not a pydive export";
    case EXPORT_TAMPERED:
        return "changed after it was exported (the checksum does not match)";
    case EXPORT_FUTURE:
        return "written by a newer pydive";
    }
    return "?";
}

void export_digest(const char *text, size_t len, char out[SHA256_HEX])
{
    sha256_hex(text, len, out);
}

/* ---- writing: YAML and JSON ---------------------------------------------- */

typedef struct Out {
    Buf *b;
    bool json;
    bool first;   /* no member written yet in the current record or block */
} Out;

/* A double-quoted string with the escapes JSON and YAML both read.  C0, DEL,
 * the C1 controls and U+FEFF are escaped (YAML refuses them raw). */
static void q(Buf *b, const char *s)
{
    buf_addc(b, '"');
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        unsigned c = *p;
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_adds(b, "\\n");
        else if (c == '\t')
            buf_adds(b, "\\t");
        else if (c < 0x20 || c == 0x7f)
            buf_printf(b, "\\u%04x", c);
        else if (c == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            buf_printf(b, "\\u%04x", (unsigned)*++p);
        else if (c == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
            buf_adds(b, "\\ufeff");
            p += 2;
        } else
            buf_addc(b, (char)c);
    }
    buf_addc(b, '"');
}

/* Members of a one-line record "{k: v, ...}". */
static void rk(Out *o, const char *key)
{
    buf_adds(o->b, o->first ? "{" : ", ");
    o->first = false;
    if (o->json)
        q(o->b, key);
    else
        buf_adds(o->b, key);
    buf_adds(o->b, ": ");
}

static void rstr(Out *o, const char *key, const char *v)
{
    rk(o, key);
    if (v)
        q(o->b, v);
    else
        buf_adds(o->b, "null");
}

static void rinteg(Out *o, const char *key, int64_t v)
{
    rk(o, key);
    buf_printf(o->b, "%" PRId64, v);
}

static void rnum(Out *o, const char *key, double v)
{
    rk(o, key);
    buf_printf(o->b, "%.6f", v);
}

static void rstrs(Out *o, const char *key, char *const *v, size_t n)
{
    rk(o, key);
    buf_addc(o->b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_adds(o->b, ", ");
        q(o->b, v[i]);
    }
    buf_addc(o->b, ']');
}

static void rend(Out *o)
{
    buf_adds(o->b, o->first ? "{}" : "}");
}

/* Members of the block levels: `depth` 1 (top) or 2 (progress, assessments). */
static void member(Out *o, int depth, const char *key)
{
    if (o->json) {
        buf_printf(o->b, "%s\n%*s", o->first ? "" : ",", 2 * depth, "");
        q(o->b, key);
        buf_adds(o->b, ": ");
    } else {
        buf_printf(o->b, "%*s%s: ", 2 * (depth - 1), "", key);
    }
    o->first = false;
}

static void mend(Out *o)
{
    if (!o->json)
        buf_addc(o->b, '\n');
}

static void mstr(Out *o, int depth, const char *key, const char *v)
{
    member(o, depth, key);
    if (v)
        q(o->b, v);
    else
        buf_adds(o->b, "null");
    mend(o);
}

static void mint(Out *o, int depth, const char *key, int64_t v)
{
    member(o, depth, key);
    buf_printf(o->b, "%" PRId64, v);
    mend(o);
}

static void block_open(Out *o, const char *key)
{
    if (o->json) {
        member(o, 1, key);
        buf_addc(o->b, '{');
    } else {
        buf_printf(o->b, "%s:\n", key);
    }
    o->first = true;
}

static void block_close(Out *o)
{
    if (o->json)
        buf_adds(o->b, "\n  }");
    o->first = false;
}

/* A list of records at depth 2; each item is started by `item`. */
static void list_open(Out *o, const char *key, size_t n)
{
    if (!o->json && n > 0) {
        buf_printf(o->b, "  %s:\n", key);
        return;
    }
    member(o, 2, key);
    buf_adds(o->b, n == 0 ? "[]" : "[");
    if (n == 0)
        mend(o);
}

static void item(Out *o, size_t i)
{
    if (o->json)
        buf_printf(o->b, "%s\n      ", i ? "," : "");
    else
        buf_adds(o->b, "  - ");
    o->first = true;
}

static void item_end(Out *o)
{
    rend(o);
    if (!o->json)
        buf_addc(o->b, '\n');
}

static void list_close(Out *o, size_t n)
{
    if (o->json && n > 0)
        buf_adds(o->b, "\n    ]");
    o->first = false;
}

static void write_progress(Out *o, const Progress *p)
{
    block_open(o, "progress");
    mint(o, 2, "updated", p->updated);
    mstr(o, 2, "last_chapter", p->last_chapter);
    list_open(o, "chapters", p->nchapters);
    for (size_t i = 0; i < p->nchapters; i++) {
        const ChapterProgress *c = &p->chapters[i];
        item(o, i);
        rstr(o, "id", c->chapter_id);
        rstr(o, "section", c->section_id);
        rinteg(o, "block", c->block);
        rinteg(o, "line", c->line);
        rinteg(o, "first_opened", c->first_opened);
        rinteg(o, "last_opened", c->last_opened);
        rstrs(o, "read", c->read, c->nread);
        item_end(o);
    }
    list_close(o, p->nchapters);
    block_close(o);
}

static void write_records(Out *o, const AssessLog *log)
{
    list_open(o, "answers", log->nanswers);
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        item(o, i);
        rstr(o, "item", a->item);
        rinteg(o, "at", a->at);
        rstr(o, "result", RESULT_NAMES[a->result]);
        rinteg(o, "difficulty", a->difficulty);
        rstrs(o, "competencies", a->competencies, a->ncompetencies);
        rinteg(o, "session", a->session);
        item_end(o);
    }
    list_close(o, log->nanswers);
    list_open(o, "exercises", log->nexercises);
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *x = &log->exercises[i];
        item(o, i);
        rstr(o, "exercise", x->exercise);
        rinteg(o, "at", x->at);
        rk(o, "solved");
        buf_adds(o->b, x->solved ? "true" : "false");
        rinteg(o, "hints", x->hints);
        rinteg(o, "difficulty", x->difficulty);
        rstrs(o, "competencies", x->competencies, x->ncompetencies);
        item_end(o);
    }
    list_close(o, log->nexercises);
    list_open(o, "ratings", log->nratings);
    for (size_t i = 0; i < log->nratings; i++) {
        item(o, i);
        rstr(o, "competency", log->ratings[i].competency);
        rinteg(o, "at", log->ratings[i].at);
        rinteg(o, "rating", log->ratings[i].rating);
        item_end(o);
    }
    list_close(o, log->nratings);
}

static void write_sessions(Out *o, const AssessLog *log)
{
    list_open(o, "sessions", log->nsessions);
    for (size_t i = 0; i < log->nsessions; i++) {
        const SessionRec *s = &log->sessions[i];
        item(o, i);
        rinteg(o, "id", s->id);
        rstr(o, "kind", KIND_NAMES[s->kind]);
        rinteg(o, "chapter", s->chapter);
        rinteg(o, "started", s->started);
        rinteg(o, "finished", s->finished);
        rinteg(o, "items", s->items);
        rinteg(o, "correct", s->correct);
        rstr(o, "overall", s->overall);
        rk(o, "stages");
        buf_addc(o->b, '[');
        for (size_t k = 0; k < s->nstages; k++) {
            buf_adds(o->b, k ? ", " : "");
            o->first = true;
            rstr(o, "competency", s->stages[k].competency);
            rstr(o, "stage", s->stages[k].stage);
            rnum(o, "mastery", s->stages[k].mastery);
            rend(o);
        }
        buf_addc(o->b, ']');
        o->first = false;
        item_end(o);
    }
    list_close(o, log->nsessions);
    list_open(o, "review", log->ncards);
    for (size_t i = 0; i < log->ncards; i++) {
        const ReviewCard *c = &log->cards[i];
        item(o, i);
        rstr(o, "item", c->item);
        rnum(o, "ease", c->ease);
        rinteg(o, "interval", c->interval);
        rinteg(o, "repetitions", c->repetitions);
        rinteg(o, "lapses", c->lapses);
        rinteg(o, "due", c->due);
        item_end(o);
    }
    list_close(o, log->ncards);
}

static void write_tree(const Export *e, bool json, Buf *b)
{
    Out o = {b, json, true};
    if (json)
        buf_adds(b, "{");
    else
        buf_adds(b, "# pydive export: a learner's progress and assessment record "
                    "(docs/EXPORT.md).\n# Do not edit: the checksum covers every byte above "
                    "its line.\n");
    mstr(&o, 1, "format", EXPORT_FORMAT_NAME);
    mint(&o, 1, "version", e->version);
    mstr(&o, 1, "profile", e->profile);
    mint(&o, 1, "exported", e->exported);
    mstr(&o, 1, "course", e->course);
    mstr(&o, 1, "pack", e->pack);
    mint(&o, 1, "pack_version", e->pack_version);
    write_progress(&o, &e->progress);
    block_open(&o, "assessments");
    mint(&o, 2, "updated", e->log.updated);
    mstr(&o, 2, "track", e->log.track);
    write_records(&o, &e->log);
    write_sessions(&o, &e->log);
    block_close(&o);
    if (json)
        buf_adds(b, ",\n");
}

void export_write(Export *e, ExportFormat format, Buf *out)
{
    buf_clear(out);
    if (format == EXPORT_CSV)
        export_write_csv(e, out);
    else
        write_tree(e, format == EXPORT_JSON, out);
    export_digest(out->data, out->len, e->checksum);
    buf_printf(out,
               format == EXPORT_JSON   ? "  \"checksum\": \"sha256:%s\"\n}\n"
               : format == EXPORT_YAML ? "checksum: \"sha256:%s\"\n...\n"
                                       : "checksum,sha256:%s\n",
               e->checksum);
}
