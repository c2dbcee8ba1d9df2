/*
 * assess_log: the data functions of a learner's assessment record (see
 * assess_log.h).  No I/O here; assess_log_file.c reads and writes it.
 */
#include "learner/assess_log.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static char **dup_list(const char *const *s, size_t n)
{
    char **out = xcalloc(n ? n : 1, sizeof *out);
    for (size_t i = 0; i < n; i++)
        out[i] = xstrdup(s[i]);
    return out;
}

static void free_list(char **s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(s[i]);
    free(s);
}

void assess_log_init(AssessLog *log, const char *profile)
{
    *log = (AssessLog){.schema_version = ASSESS_LOG_SCHEMA_VERSION,
                       .profile = dup_or_null(profile)};
}

void assess_log_fini(AssessLog *log)
{
    for (size_t i = 0; i < log->nanswers; i++) {
        free(log->answers[i].item);
        free_list(log->answers[i].competencies, log->answers[i].ncompetencies);
    }
    for (size_t i = 0; i < log->nexercises; i++) {
        free(log->exercises[i].exercise);
        free_list(log->exercises[i].competencies, log->exercises[i].ncompetencies);
    }
    for (size_t i = 0; i < log->nratings; i++)
        free(log->ratings[i].competency);
    for (size_t i = 0; i < log->nsessions; i++) {
        SessionRec *s = &log->sessions[i];
        free(s->overall);
        for (size_t j = 0; j < s->nstages; j++) {
            free(s->stages[j].competency);
            free(s->stages[j].stage);
        }
        free(s->stages);
    }
    for (size_t i = 0; i < log->ncards; i++)
        free(log->cards[i].item);
    free(log->answers);
    free(log->exercises);
    free(log->ratings);
    free(log->sessions);
    free(log->cards);
    free(log->profile);
    free(log->track);
    *log = (AssessLog){0};
}

void assess_log_add_answer(AssessLog *log, const char *item, int64_t at, AnswerResult result,
                           int difficulty, const char *const *competencies, size_t n,
                           int session)
{
    log->answers = xrealloc(log->answers, (log->nanswers + 1) * sizeof *log->answers);
    log->answers[log->nanswers++] = (AnswerRec){
        .item = xstrdup(item), .at = at, .result = result, .difficulty = difficulty,
        .competencies = dup_list(competencies, n), .ncompetencies = n, .session = session};
    if (at > log->updated)
        log->updated = at;
}

void assess_log_add_exercise(AssessLog *log, const char *exercise, int64_t at, bool solved,
                             int hints, int difficulty, const char *const *competencies,
                             size_t n)
{
    log->exercises = xrealloc(log->exercises, (log->nexercises + 1) * sizeof *log->exercises);
    log->exercises[log->nexercises++] = (ExerciseRec){
        .exercise = xstrdup(exercise), .at = at, .solved = solved,
        .hints = hints < 0 ? 0 : hints, .difficulty = difficulty,
        .competencies = dup_list(competencies, n), .ncompetencies = n};
    if (at > log->updated)
        log->updated = at;
}

void assess_log_add_rating(AssessLog *log, const char *competency, int64_t at, int rating)
{
    log->ratings = xrealloc(log->ratings, (log->nratings + 1) * sizeof *log->ratings);
    log->ratings[log->nratings++] =
        (RatingRec){.competency = xstrdup(competency), .at = at, .rating = rating};
    if (at > log->updated)
        log->updated = at;
}

SessionRec *assess_log_add_session(AssessLog *log, SessionKind kind, int chapter,
                                   int64_t started)
{
    int id = assess_log_next_session(log);
    log->sessions = xrealloc(log->sessions, (log->nsessions + 1) * sizeof *log->sessions);
    SessionRec *s = &log->sessions[log->nsessions++];
    *s = (SessionRec){.id = id, .kind = kind, .chapter = chapter, .started = started};
    return s;
}

void assess_log_set_track(AssessLog *log, const char *track)
{
    free(log->track);
    log->track = dup_or_null(track);
}

int assess_log_next_session(const AssessLog *log)
{
    int top = 0;
    for (size_t i = 0; i < log->nsessions; i++)
        if (log->sessions[i].id > top)
            top = log->sessions[i].id;
    for (size_t i = 0; i < log->nanswers; i++)
        if (log->answers[i].session > top)
            top = log->answers[i].session;
    return top + 1;
}

const ReviewCard *assess_log_card_get(const AssessLog *log, const char *item)
{
    for (size_t i = 0; i < log->ncards; i++)
        if (strcmp(log->cards[i].item, item) == 0)
            return &log->cards[i];
    return NULL;
}

ReviewCard *assess_log_card(AssessLog *log, const char *item)
{
    return (ReviewCard *)assess_log_card_get(log, item);
}

ReviewCard *assess_log_add_card(AssessLog *log, const char *item, double ease, int64_t due)
{
    log->cards = xrealloc(log->cards, (log->ncards + 1) * sizeof *log->cards);
    ReviewCard *c = &log->cards[log->ncards++];
    *c = (ReviewCard){.item = xstrdup(item), .ease = ease, .interval = 0, .due = due};
    return c;
}

int64_t assess_day(int64_t now, long utc_offset)
{
    int64_t t = now + utc_offset;
    return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

const char *assess_session_kind_name(SessionKind k)
{
    return k == SESSION_CHAPTER ? "chapter" : k == SESSION_STAGE ? "stage" : "review";
}

const char *assess_result_name(AnswerResult r)
{
    return r == RESULT_CORRECT ? "correct" : r == RESULT_PARTIAL ? "partial" : "wrong";
}
