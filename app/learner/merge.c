/*
 * merge: two records of one learner made into one (rules in merge.h).
 * Sections: progress, the session id map, the assessment records.
 */
#include "learner/merge.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* ---- progress ---------------------------------------------------------------- */

static bool has_read(const ChapterProgress *c, const char *id)
{
    for (size_t i = 0; i < c->nread; i++)
        if (strcmp(c->read[i], id) == 0)
            return true;
    return false;
}

static int64_t opened(const Progress *p, const char *chapter_id)
{
    const ChapterProgress *c = chapter_id ? progress_chapter_get(p, chapter_id) : NULL;
    return c ? c->last_opened : 0;
}

static void merge_chapter(Progress *into, const ChapterProgress *f, MergeStats *st)
{
    bool existed = progress_chapter_get(into, f->chapter_id) != NULL;
    ChapterProgress *c = progress_chapter(into, f->chapter_id, true);
    if (!c)
        return; /* an id progress cannot record; the parsers never give one */
    if (!existed) {
        st->chapters_added++;
        c->first_opened = f->first_opened;
    }
    if (!existed || f->last_opened > c->last_opened) {
        free(c->section_id);
        c->section_id = f->section_id ? xstrdup(f->section_id) : NULL;
        c->block = f->block;
        c->line = f->line;
        c->last_opened = f->last_opened;
        st->positions_taken += existed;
    }
    if (f->first_opened && (!c->first_opened || f->first_opened < c->first_opened))
        c->first_opened = f->first_opened;
    for (size_t i = 0; i < f->nread; i++) {
        if (has_read(c, f->read[i]))
            continue;
        c->read = xrealloc(c->read, (c->nread + 1) * sizeof *c->read);
        c->read[c->nread++] = xstrdup(f->read[i]);
        st->sections_added++;
    }
}

void progress_merge(Progress *into, const Progress *from, MergeStats *st)
{
    MergeStats ignored = {0};
    st = st ? st : &ignored;
    int64_t mine = opened(into, into->last_chapter), theirs = opened(from, from->last_chapter);
    for (size_t i = 0; i < from->nchapters; i++)
        merge_chapter(into, &from->chapters[i], st);
    if (from->last_chapter && (!into->last_chapter || theirs > mine)) {
        free(into->last_chapter);
        into->last_chapter = xstrdup(from->last_chapter);
    }
    if (from->updated > into->updated)
        into->updated = from->updated;
}

/* ---- session ids --------------------------------------------------------------- */

typedef struct IdMap {
    int *from, *to;
    size_t n;
    int next_free;
} IdMap;

static int map_get(const IdMap *m, int id)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->from[i] == id)
            return m->to[i];
    return -1;
}

static void map_put(IdMap *m, int from, int to)
{
    m->from = xrealloc(m->from, (m->n + 1) * sizeof *m->from);
    m->to = xrealloc(m->to, (m->n + 1) * sizeof *m->to);
    m->from[m->n] = from;
    m->to[m->n++] = to;
}

static bool id_used(const AssessLog *log, const IdMap *m, int id)
{
    for (size_t i = 0; i < log->nsessions; i++)
        if (log->sessions[i].id == id)
            return true;
    for (size_t i = 0; i < log->nanswers; i++)
        if (log->answers[i].session == id)
            return true;
    for (size_t i = 0; i < m->n; i++)
        if (m->to[i] == id)
            return true;
    return false;
}

/* The id a session of `from` (or one known only from its answers) gets here. */
static int map_id(const AssessLog *into, IdMap *m, int id, MergeStats *st)
{
    if (id <= 0)
        return id;
    int got = map_get(m, id);
    if (got >= 0)
        return got;
    got = id_used(into, m, id) ? m->next_free++ : id;
    st->sessions_renumbered += got != id;
    map_put(m, id, got);
    return got;
}

/* A session among the first n of `log` with the same kind, chapter and times. */
static const SessionRec *same_session(const AssessLog *log, size_t n, const SessionRec *s)
{
    for (size_t i = 0; i < n; i++) {
        const SessionRec *t = &log->sessions[i];
        if (t->kind == s->kind && t->chapter == s->chapter && t->started == s->started &&
            t->finished == s->finished)
            return t;
    }
    return NULL;
}

static void copy_session(AssessLog *into, const SessionRec *s, int id)
{
    into->sessions = xrealloc(into->sessions, (into->nsessions + 1) * sizeof *into->sessions);
    SessionRec *t = &into->sessions[into->nsessions++];
    *t = *s;
    t->id = id;
    t->overall = s->overall ? xstrdup(s->overall) : NULL;
    t->stages = xcalloc(s->nstages ? s->nstages : 1, sizeof *t->stages);
    for (size_t k = 0; k < s->nstages; k++)
        t->stages[k] = (StageSnap){xstrdup(s->stages[k].competency),
                                   s->stages[k].stage ? xstrdup(s->stages[k].stage) : NULL,
                                   s->stages[k].mastery};
}

/* ---- assessment records -------------------------------------------------------- */

/* Stable insertion sorts by time: the lists are nearly sorted already. */
#define SORT_BY(arr, n, type, key)                                                            \
    for (size_t i_ = 1; i_ < (n); i_++) {                                                     \
        type v_ = (arr)[i_];                                                                  \
        size_t j_ = i_;                                                                       \
        while (j_ > 0 && (arr)[j_ - 1].key > v_.key) {                                        \
            (arr)[j_] = (arr)[j_ - 1];                                                        \
            j_--;                                                                             \
        }                                                                                     \
        (arr)[j_] = v_;                                                                       \
    }

static void merge_answers(AssessLog *into, const AssessLog *from, IdMap *m, MergeStats *st)
{
    size_t mine = into->nanswers;
    for (size_t i = 0; i < from->nanswers; i++) {
        const AnswerRec *a = &from->answers[i];
        bool same = false;
        for (size_t k = 0; k < mine && !same; k++)
            same = into->answers[k].at == a->at && into->answers[k].result == a->result &&
                   strcmp(into->answers[k].item, a->item) == 0;
        if (same) {
            st->answers_same++;
            continue;
        }
        int session = map_id(into, m, a->session, st);
        assess_log_add_answer(into, a->item, a->at, a->result, a->difficulty,
                              (const char *const *)a->competencies, a->ncompetencies, session);
        st->answers_added++;
    }
    SORT_BY(into->answers, into->nanswers, AnswerRec, at)
}

static void merge_evidence(AssessLog *into, const AssessLog *from, MergeStats *st)
{
    size_t mine = into->nexercises;
    for (size_t i = 0; i < from->nexercises; i++) {
        const ExerciseRec *x = &from->exercises[i];
        bool same = false;
        for (size_t k = 0; k < mine && !same; k++) {
            const ExerciseRec *y = &into->exercises[k];
            same = y->at == x->at && y->solved == x->solved && y->hints == x->hints &&
                   strcmp(y->exercise, x->exercise) == 0;
        }
        if (!same) {
            assess_log_add_exercise(into, x->exercise, x->at, x->solved, x->hints,
                                    x->difficulty, (const char *const *)x->competencies,
                                    x->ncompetencies);
            st->exercises_added++;
        }
    }
    SORT_BY(into->exercises, into->nexercises, ExerciseRec, at)
    mine = into->nratings;
    for (size_t i = 0; i < from->nratings; i++) {
        const RatingRec *r = &from->ratings[i];
        bool same = false;
        for (size_t k = 0; k < mine && !same; k++)
            same = into->ratings[k].at == r->at && into->ratings[k].rating == r->rating &&
                   strcmp(into->ratings[k].competency, r->competency) == 0;
        if (!same) {
            assess_log_add_rating(into, r->competency, r->at, r->rating);
            st->ratings_added++;
        }
    }
    SORT_BY(into->ratings, into->nratings, RatingRec, at)
}

static void merge_cards(AssessLog *into, const AssessLog *from, MergeStats *st)
{
    for (size_t i = 0; i < from->ncards; i++) {
        const ReviewCard *f = &from->cards[i];
        ReviewCard *c = assess_log_card(into, f->item);
        if (!c) {
            c = assess_log_add_card(into, f->item, f->ease, f->due);
            st->cards_added++;
        } else if (f->due > c->due) {
            st->cards_taken++;
        } else {
            continue;
        }
        c->ease = f->ease;
        c->interval = f->interval;
        c->repetitions = f->repetitions;
        c->lapses = f->lapses;
        c->due = f->due;
    }
}

void assess_log_merge(AssessLog *into, const AssessLog *from, MergeStats *st)
{
    MergeStats ignored = {0};
    st = st ? st : &ignored;
    IdMap m = {.next_free = 1};
    int top = assess_log_next_session(into), theirs = assess_log_next_session(from);
    m.next_free = top > theirs ? top : theirs;
    /* sessions first, so their answers find the id they were given */
    size_t mine = into->nsessions;
    for (size_t i = 0; i < from->nsessions; i++) {
        const SessionRec *s = &from->sessions[i];
        const SessionRec *same = same_session(into, mine, s);
        if (same) {
            if (map_get(&m, s->id) < 0)
                map_put(&m, s->id, same->id);
            st->sessions_same++;
            continue;
        }
        copy_session(into, s, map_id(into, &m, s->id, st));
        st->sessions_added++;
    }
    merge_answers(into, from, &m, st);
    SORT_BY(into->sessions, into->nsessions, SessionRec, started)
    merge_evidence(into, from, st);
    merge_cards(into, from, st);
    if (from->track && (!into->track || from->updated > into->updated) &&
        !same_str(into->track, from->track))
        assess_log_set_track(into, from->track);
    if (from->updated > into->updated)
        into->updated = from->updated;
    free(m.from);
    free(m.to);
}

size_t merge_changes(const MergeStats *st)
{
    return st->chapters_added + st->sections_added + st->positions_taken + st->answers_added +
           st->exercises_added + st->ratings_added + st->sessions_added + st->cards_added +
           st->cards_taken;
}
