/*
 * assess_log_file: the learner's assessments file, written and read.
 *
 * One YAML document written by libyaml's emitter (strings double-quoted),
 * read back by a strict reader: the first key is the schema, every key is
 * known and required, every value has one type, and the document must end
 * with an explicit "..." so a file cut short at any byte reads as damaged,
 * never as less history.  The full format is in docs/ASSESSMENTS.md:
 *
 *     schema: 1
 *     profile: "alice"
 *     updated: 1700000300
 *     track: "llm-api-service"        (null = none chosen)
 *     answers:    [{item, at, result, difficulty, competencies, session}]
 *     exercises:  [{exercise, at, solved, hints, difficulty, competencies}]
 *     ratings:    [{competency, at, rating}]
 *     sessions:   [{id, kind, chapter, started, finished, items, correct, overall,
 *                   stages: [{competency, stage, mastery}]}]
 *     review:     [{item, ease, interval, repetitions, lapses, due}]
 *     ...
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "base/buf.h"
#include "base/xalloc.h"
#include "learner/assess_log_tree.h"
#include "learner/assess_store.h"
#include "learner/ytree.h"

/* ---- writing ------------------------------------------------------------ */

typedef struct Em {
    yaml_emitter_t e;
    bool ok;
} Em;

static int to_buf(void *data, unsigned char *bytes, size_t size)
{
    buf_add(data, bytes, size);
    return 1;
}

static void emit(Em *em, yaml_event_t *ev)
{
    if (em->ok && !yaml_emitter_emit(&em->e, ev))
        em->ok = false;
}

static void scalar(Em *em, const char *s, bool quoted)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (const yaml_char_t *)s, (int)strlen(s),
                                      1, 1,
                                      quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE
                                             : YAML_PLAIN_SCALAR_STYLE)) {
        em->ok = false;
        return;
    }
    emit(em, &ev);
}

static void str(Em *em, const char *key, const char *v)
{
    scalar(em, key, false);
    if (v)
        scalar(em, v, true);
    else
        scalar(em, "null", false);
}

static void i64(Em *em, const char *key, int64_t v)
{
    char num[32];
    snprintf(num, sizeof num, "%" PRId64, v);
    scalar(em, key, false);
    scalar(em, num, false);
}

static void dbl(Em *em, const char *key, double v)
{
    char num[40];
    snprintf(num, sizeof num, "%.6f", v);
    scalar(em, key, false);
    scalar(em, num, false);
}

static void open_(Em *em, bool map, bool flow)
{
    yaml_event_t ev;
    if (map)
        yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                            flow ? YAML_FLOW_MAPPING_STYLE
                                                 : YAML_BLOCK_MAPPING_STYLE);
    else
        yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                             flow ? YAML_FLOW_SEQUENCE_STYLE
                                                  : YAML_BLOCK_SEQUENCE_STYLE);
    emit(em, &ev);
}

static void close_(Em *em, bool map)
{
    yaml_event_t ev;
    if (map)
        yaml_mapping_end_event_initialize(&ev);
    else
        yaml_sequence_end_event_initialize(&ev);
    emit(em, &ev);
}

static void list(Em *em, const char *key, char **items, size_t n)
{
    scalar(em, key, false);
    open_(em, false, true);
    for (size_t i = 0; i < n; i++)
        scalar(em, items[i], true);
    close_(em, false);
}

static void emit_session(Em *em, const SessionRec *s)
{
    open_(em, true, false);
    i64(em, "id", s->id);
    str(em, "kind", assess_session_kind_name(s->kind));
    i64(em, "chapter", s->chapter);
    i64(em, "started", s->started);
    i64(em, "finished", s->finished);
    i64(em, "items", s->items);
    i64(em, "correct", s->correct);
    str(em, "overall", s->overall);
    scalar(em, "stages", false);
    open_(em, false, false);
    for (size_t j = 0; j < s->nstages; j++) {
        open_(em, true, true);
        str(em, "competency", s->stages[j].competency);
        str(em, "stage", s->stages[j].stage);
        dbl(em, "mastery", s->stages[j].mastery);
        close_(em, true);
    }
    close_(em, false);
    close_(em, true);
}

void assess_log_serialize(const AssessLog *log, Buf *out)
{
    buf_clear(out);
    Em em = {.ok = true};
    if (!yaml_emitter_initialize(&em.e))
        return;
    yaml_emitter_set_output(&em.e, to_buf, out);
    yaml_emitter_set_unicode(&em.e, 1);
    yaml_emitter_set_width(&em.e, -1);
    yaml_emitter_set_indent(&em.e, 2);
    yaml_event_t ev;
    yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
    emit(&em, &ev);
    yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
    emit(&em, &ev);
    open_(&em, true, false);
    i64(&em, "schema", ASSESS_LOG_SCHEMA_VERSION);
    str(&em, "profile", log->profile ? log->profile : "");
    i64(&em, "updated", log->updated);
    str(&em, "track", log->track);
    scalar(&em, "answers", false);
    open_(&em, false, false);
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        open_(&em, true, false);
        str(&em, "item", a->item);
        i64(&em, "at", a->at);
        str(&em, "result", assess_result_name(a->result));
        i64(&em, "difficulty", a->difficulty);
        list(&em, "competencies", a->competencies, a->ncompetencies);
        i64(&em, "session", a->session);
        close_(&em, true);
    }
    close_(&em, false);
    scalar(&em, "exercises", false);
    open_(&em, false, false);
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *x = &log->exercises[i];
        open_(&em, true, false);
        str(&em, "exercise", x->exercise);
        i64(&em, "at", x->at);
        scalar(&em, "solved", false);
        scalar(&em, x->solved ? "true" : "false", false);
        i64(&em, "hints", x->hints);
        i64(&em, "difficulty", x->difficulty);
        list(&em, "competencies", x->competencies, x->ncompetencies);
        close_(&em, true);
    }
    close_(&em, false);
    scalar(&em, "ratings", false);
    open_(&em, false, false);
    for (size_t i = 0; i < log->nratings; i++) {
        open_(&em, true, true);
        str(&em, "competency", log->ratings[i].competency);
        i64(&em, "at", log->ratings[i].at);
        i64(&em, "rating", log->ratings[i].rating);
        close_(&em, true);
    }
    close_(&em, false);
    scalar(&em, "sessions", false);
    open_(&em, false, false);
    for (size_t i = 0; i < log->nsessions; i++)
        emit_session(&em, &log->sessions[i]);
    close_(&em, false);
    scalar(&em, "review", false);
    open_(&em, false, false);
    for (size_t i = 0; i < log->ncards; i++) {
        const ReviewCard *c = &log->cards[i];
        open_(&em, true, true);
        str(&em, "item", c->item);
        dbl(&em, "ease", c->ease);
        i64(&em, "interval", c->interval);
        i64(&em, "repetitions", c->repetitions);
        i64(&em, "lapses", c->lapses);
        i64(&em, "due", c->due);
        close_(&em, true);
    }
    close_(&em, false);
    close_(&em, true);
    yaml_document_end_event_initialize(&ev, 0);
    emit(&em, &ev);
    yaml_stream_end_event_initialize(&ev);
    emit(&em, &ev);
    if (em.ok && !yaml_emitter_flush(&em.e))
        em.ok = false;
    yaml_emitter_delete(&em.e);
    if (!em.ok)
        buf_clear(out);
}

/* ---- reading ------------------------------------------------------------ */

static bool get_str(YtDoc *d, const YtNode *m, const char *key, bool nullable, char **out)
{
    const YtNode *v = yt_get(m, key);
    if (nullable && yt_is_null(v))
        return true;
    if (v && v->kind == YT_SCALAR && v->plain && !yt_is_null(v)) {
        yt_error(d, v, "expected a quoted string for '%s'", key);
        return false;
    }
    return yt_string(d, v, key, out);
}

static int64_t get_int(YtDoc *d, const YtNode *m, const char *key, int64_t lo, int64_t hi)
{
    int64_t v = 0;
    yt_int(d, yt_get(m, key), key, lo, hi, &v);
    return v;
}

static int enum_of(YtDoc *d, const YtNode *m, const char *key, const char *const *names)
{
    char *s = NULL;
    int found = -1;
    if (get_str(d, m, key, false, &s))
        for (int i = 0; names[i]; i++)
            if (strcmp(names[i], s) == 0)
                found = i;
    if (s && found < 0)
        yt_error(d, yt_get(m, key), "unknown %s '%s'", key, s);
    free(s);
    return found < 0 ? 0 : found;
}

static void get_list(YtDoc *d, const YtNode *m, const char *key, char ***out, size_t *n)
{
    yt_strings(d, yt_get(m, key), key, out, n);
}

static const YtNode *entries(YtDoc *d, const YtNode *root, const char *key)
{
    const YtNode *l = yt_get(root, key);
    if (l && l->kind == YT_SEQ)
        return l;
    yt_error(d, l, "expected a list for '%s', found %s", key, yt_kind_name(l));
    return NULL;
}

#define EACH(list, var)                                                                      \
    for (size_t var##_i = 0; (list) && var##_i < (list)->nkids; var##_i++)                    \
        for (const YtNode *var = (list)->kids[var##_i]; var; var = NULL)

static void read_answers(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"item", "at", "result", "difficulty", "competencies",
                                    "session", NULL};
    static const char *const results[] = {"wrong", "partial", "correct", NULL};
    const YtNode *l = entries(d, root, "answers");
    EACH(l, n) {
        if (!yt_check_keys(d, n, "an answer", k, k))
            continue;
        AnswerRec a = {0};
        get_str(d, n, "item", false, &a.item);
        a.at = get_int(d, n, "at", 0, INT64_MAX);
        a.result = (AnswerResult)enum_of(d, n, "result", results);
        a.difficulty = (int)get_int(d, n, "difficulty", 1, 3);
        get_list(d, n, "competencies", &a.competencies, &a.ncompetencies);
        a.session = (int)get_int(d, n, "session", 0, INT32_MAX);
        log->answers = xrealloc(log->answers, (log->nanswers + 1) * sizeof *log->answers);
        log->answers[log->nanswers++] = a;
        if (!a.item) /* keep the record consistent for fini; the error is reported */
            log->answers[log->nanswers - 1].item = xstrdup("");
    }
}

static void read_exercises(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"exercise", "at", "solved", "hints", "difficulty",
                                    "competencies", NULL};
    const YtNode *l = entries(d, root, "exercises");
    EACH(l, n) {
        if (!yt_check_keys(d, n, "an exercise", k, k))
            continue;
        ExerciseRec x = {0};
        get_str(d, n, "exercise", false, &x.exercise);
        x.at = get_int(d, n, "at", 0, INT64_MAX);
        yt_bool(d, yt_get(n, "solved"), "solved", &x.solved);
        x.hints = (int)get_int(d, n, "hints", 0, 1000);
        x.difficulty = (int)get_int(d, n, "difficulty", 1, 3);
        get_list(d, n, "competencies", &x.competencies, &x.ncompetencies);
        if (!x.exercise)
            x.exercise = xstrdup("");
        log->exercises = xrealloc(log->exercises, (log->nexercises + 1) * sizeof *log->exercises);
        log->exercises[log->nexercises++] = x;
    }
}

static void read_ratings(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"competency", "at", "rating", NULL};
    const YtNode *l = entries(d, root, "ratings");
    EACH(l, n) {
        if (!yt_check_keys(d, n, "a rating", k, k))
            continue;
        RatingRec r = {0};
        get_str(d, n, "competency", false, &r.competency);
        r.at = get_int(d, n, "at", 0, INT64_MAX);
        r.rating = (int)get_int(d, n, "rating", 1, 5);
        if (!r.competency)
            r.competency = xstrdup("");
        log->ratings = xrealloc(log->ratings, (log->nratings + 1) * sizeof *log->ratings);
        log->ratings[log->nratings++] = r;
    }
}

static void read_snaps(YtDoc *d, const YtNode *l, SessionRec *s)
{
    static const char *const k[] = {"competency", "stage", "mastery", NULL};
    if (!l || l->kind != YT_SEQ) {
        yt_error(d, l, "expected a list for 'stages', found %s", yt_kind_name(l));
        return;
    }
    s->stages = xcalloc(l->nkids ? l->nkids : 1, sizeof *s->stages);
    EACH(l, n) {
        if (!yt_check_keys(d, n, "a stage entry", k, k))
            continue;
        StageSnap *sn = &s->stages[s->nstages++];
        get_str(d, n, "competency", false, &sn->competency);
        if (!sn->competency)
            sn->competency = xstrdup("");
        get_str(d, n, "stage", true, &sn->stage);
        yt_number(d, yt_get(n, "mastery"), "mastery", 0, 1, &sn->mastery);
    }
}

static void read_sessions(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"id", "kind", "chapter", "started", "finished", "items",
                                    "correct", "overall", "stages", NULL};
    static const char *const kinds[] = {"chapter", "stage", "review", NULL};
    const YtNode *l = entries(d, root, "sessions");
    EACH(l, n) {
        if (!yt_check_keys(d, n, "a session", k, k))
            continue;
        log->sessions = xrealloc(log->sessions, (log->nsessions + 1) * sizeof *log->sessions);
        SessionRec *s = &log->sessions[log->nsessions++];
        *s = (SessionRec){0};
        s->id = (int)get_int(d, n, "id", 1, INT32_MAX);
        for (size_t j = 0; j + 1 < log->nsessions; j++)
            if (log->sessions[j].id == s->id)
                yt_error(d, yt_get(n, "id"), "session id %d is used twice", s->id);
        s->kind = (SessionKind)enum_of(d, n, "kind", kinds);
        s->chapter = (int)get_int(d, n, "chapter", 0, 99);
        s->started = get_int(d, n, "started", 0, INT64_MAX);
        s->finished = get_int(d, n, "finished", 0, INT64_MAX);
        s->items = (int)get_int(d, n, "items", 0, INT32_MAX);
        s->correct = (int)get_int(d, n, "correct", 0, INT32_MAX);
        get_str(d, n, "overall", true, &s->overall);
        read_snaps(d, yt_get(n, "stages"), s);
    }
}

static void read_cards(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"item", "ease", "interval", "repetitions", "lapses", "due",
                                    NULL};
    const YtNode *l = entries(d, root, "review");
    EACH(l, n) {
        if (!yt_check_keys(d, n, "a review card", k, k))
            continue;
        ReviewCard c = {0};
        get_str(d, n, "item", false, &c.item);
        if (!c.item)
            c.item = xstrdup("");
        else if (assess_log_card_get(log, c.item))
            yt_error(d, yt_get(n, "item"), "item '%s' has two review cards", c.item);
        yt_number(d, yt_get(n, "ease"), "ease", 1.3, 10, &c.ease);
        c.interval = (int)get_int(d, n, "interval", 0, 100000);
        c.repetitions = (int)get_int(d, n, "repetitions", 0, 100000);
        c.lapses = (int)get_int(d, n, "lapses", 0, 100000);
        c.due = get_int(d, n, "due", INT32_MIN, INT32_MAX);
        log->cards = xrealloc(log->cards, (log->ncards + 1) * sizeof *log->cards);
        log->cards[log->ncards++] = c;
    }
}

static void read_root(YtDoc *d, const YtNode *root, AssessLog *log)
{
    static const char *const k[] = {"schema", "profile", "updated", "track", "answers",
                                    "exercises", "ratings", "sessions", "review", NULL};
    if (!root || root->kind != YT_MAP || root->nkids < 2 ||
        strcmp(root->kids[0]->str ? root->kids[0]->str : "", "schema") != 0) {
        yt_error(d, root, "expected a mapping starting with 'schema: %d'",
                 ASSESS_LOG_SCHEMA_VERSION);
        return;
    }
    int64_t v = get_int(d, root, "schema", 1, INT32_MAX);
    if (v > ASSESS_LOG_SCHEMA_VERSION) {
        yt_error(d, root->kids[1], "this assessments file has schema %" PRId64 ", written by "
                 "a newer pydive; this pydive reads schema %d", v, ASSESS_LOG_SCHEMA_VERSION);
        log->schema_version = (int)v;
        return;
    }
    if (!yt_check_keys(d, root, "the assessments file", k, k))
        return;
    free(log->profile);
    log->profile = NULL;
    get_str(d, root, "profile", false, &log->profile);
    assess_log_read_fields(d, root, log);
}

void assess_log_read_fields(YtDoc *d, const YtNode *map, AssessLog *log)
{
    log->updated = get_int(d, map, "updated", 0, INT64_MAX);
    get_str(d, map, "track", true, &log->track);
    read_answers(d, map, log);
    read_exercises(d, map, log);
    read_ratings(d, map, log);
    read_sessions(d, map, log);
    read_cards(d, map, log);
}

bool assess_log_parse(const char *text, size_t len, const char *file, AssessLog *out,
                      DiagList *diags)
{
    assess_log_init(out, NULL);
    YtDoc d;
    if (len > ASSESS_FILE_MAX) {
        diag_add(diags, DIAG_ERROR, file, 0, 0, "the file is %zu bytes; expected at most %d",
                 len, ASSESS_FILE_MAX);
        return false;
    }
    bool ok = ytree_parse(&d, text, len, file, diags);
    if (ok && !d.root) {
        yt_error(&d, NULL, "the file is empty; expected a mapping starting with 'schema: %d'",
                 ASSESS_LOG_SCHEMA_VERSION);
    } else if (ok) {
        read_root(&d, d.root, out);
        if (d.errors == 0 && !d.explicit_end)
            yt_error(&d, NULL, "the file ends without its '...' end marker; it was cut short "
                     "or edited");
    }
    ok = ok && d.errors == 0;
    ytree_fini(&d);
    if (!ok) {
        int declared = out->schema_version;
        assess_log_fini(out);
        assess_log_init(out, NULL);
        if (declared > ASSESS_LOG_SCHEMA_VERSION)
            out->schema_version = declared; /* the store keeps such a file as it is */
    }
    return ok;
}
