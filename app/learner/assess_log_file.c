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

#include "base/buf.h"
#include "base/xalloc.h"
#include "learner/assess_log_tree.h"
#include "learner/assess_store.h"
#include "learner/ytree.h"
#include "learner/yemit.h"

/* ---- writing ------------------------------------------------------------ */

static void emit_session(YEmit *em, const SessionRec *s)
{
    yemit_open(em, true, false);
    yemit_int(em, "id", s->id);
    yemit_str(em, "kind", assess_session_kind_name(s->kind));
    yemit_int(em, "chapter", s->chapter);
    yemit_int(em, "started", s->started);
    yemit_int(em, "finished", s->finished);
    yemit_int(em, "items", s->items);
    yemit_int(em, "correct", s->correct);
    yemit_str(em, "overall", s->overall);
    yemit_scalar(em, "stages", false);
    yemit_open(em, false, false);
    for (size_t j = 0; j < s->nstages; j++) {
        yemit_open(em, true, true);
        yemit_str(em, "competency", s->stages[j].competency);
        yemit_str(em, "stage", s->stages[j].stage);
        yemit_dbl(em, "mastery", s->stages[j].mastery);
        yemit_close(em, true);
    }
    yemit_close(em, false);
    yemit_close(em, true);
}

void assess_log_serialize(const AssessLog *log, Buf *out)
{
    YEmit em;
    yemit_begin(&em, out);
    yemit_open(&em, true, false);
    yemit_int(&em, "schema", ASSESS_LOG_SCHEMA_VERSION);
    yemit_str(&em, "profile", log->profile ? log->profile : "");
    yemit_int(&em, "updated", log->updated);
    yemit_str(&em, "track", log->track);
    yemit_scalar(&em, "answers", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < log->nanswers; i++) {
        const AnswerRec *a = &log->answers[i];
        yemit_open(&em, true, false);
        yemit_str(&em, "item", a->item);
        yemit_int(&em, "at", a->at);
        yemit_str(&em, "result", assess_result_name(a->result));
        yemit_int(&em, "difficulty", a->difficulty);
        yemit_list(&em, "competencies", a->competencies, a->ncompetencies);
        yemit_int(&em, "session", a->session);
        yemit_close(&em, true);
    }
    yemit_close(&em, false);
    yemit_scalar(&em, "exercises", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < log->nexercises; i++) {
        const ExerciseRec *x = &log->exercises[i];
        yemit_open(&em, true, false);
        yemit_str(&em, "exercise", x->exercise);
        yemit_int(&em, "at", x->at);
        yemit_bool(&em, "solved", x->solved);
        yemit_int(&em, "hints", x->hints);
        yemit_int(&em, "difficulty", x->difficulty);
        yemit_list(&em, "competencies", x->competencies, x->ncompetencies);
        yemit_close(&em, true);
    }
    yemit_close(&em, false);
    yemit_scalar(&em, "ratings", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < log->nratings; i++) {
        yemit_open(&em, true, true);
        yemit_str(&em, "competency", log->ratings[i].competency);
        yemit_int(&em, "at", log->ratings[i].at);
        yemit_int(&em, "rating", log->ratings[i].rating);
        yemit_close(&em, true);
    }
    yemit_close(&em, false);
    yemit_scalar(&em, "sessions", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < log->nsessions; i++)
        emit_session(&em, &log->sessions[i]);
    yemit_close(&em, false);
    yemit_scalar(&em, "review", false);
    yemit_open(&em, false, false);
    for (size_t i = 0; i < log->ncards; i++) {
        const ReviewCard *c = &log->cards[i];
        yemit_open(&em, true, true);
        yemit_str(&em, "item", c->item);
        yemit_dbl(&em, "ease", c->ease);
        yemit_int(&em, "interval", c->interval);
        yemit_int(&em, "repetitions", c->repetitions);
        yemit_int(&em, "lapses", c->lapses);
        yemit_int(&em, "due", c->due);
        yemit_close(&em, true);
    }
    yemit_close(&em, false);
    yemit_close(&em, true);
    yemit_finish(&em); /* empty *out on failure: "could not write" */
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
