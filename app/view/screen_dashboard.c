/*
 * screen_dashboard: the learner's skill stage per competency and overall,
 * with the evidence behind it, the roadmap for their goal, the items due
 * for review and how the stage moved over past sessions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "learner/mastery.h"
#include "learner/review.h"
#include "learner/roadmap.h"
#include "view/glyphs.h"
#include "view/keys.h"
#include "view/screens.h"
#include "view/styled.h"

/* Rows of a scrolling page: `line` counts rows of the whole page, only those
 * between skip and skip + rows land on the canvas. */
typedef struct Pen {
    Canvas *cv;
    int line, skip, top, rows;
} Pen;

static int pen_row(Pen *p)
{
    int r = p->line++ - p->skip;
    return r >= 0 && r < p->rows ? p->top + r : -1;
}

static void pen_text(Pen *p, int x, const char *s, Role role)
{
    int y = pen_row(p);
    if (y >= 0)
        canvas_text_fit(p->cv, x, y, p->cv->w - x - 1, s, role);
}

/* Five cells, one per Dreyfus stage; filled up to the learner's. */
static void ladder(Canvas *cv, int x, int y, int stage)
{
    for (int i = 0; i < ASSESS_NSTAGES; i++) {
        bool on = stage >= 0 && i <= stage;
        canvas_put(cv, x + i, y, glyph(cv->ascii, on ? GLYPH_BAR_FULL : GLYPH_BAR_EMPTY),
                   on ? ROLE_DONE : ROLE_PENDING);
    }
}

static const char *stage_name(const AssessContent *c, int stage)
{
    return stage >= 0 && stage < ASSESS_NSTAGES ? c->stages[stage].name : "not assessed";
}

static void draw_competencies(Pen *p, const AssessContent *c, const StageReport *r)
{
    pen_text(p, 1, "Area                          Stage                      Mastery  Evidence",
             ROLE_SUBTLE);
    for (size_t i = 0; i < r->n; i++) {
        const CompetencyEstimate *e = &r->comps[i];
        int y = pen_row(p);
        if (y < 0)
            continue;
        char title[96];
        snprintf(title, sizeof title, "%zu. %s", i + 1, c->competencies[e->competency].title);
        canvas_text_fit(p->cv, 1, y, 29, title, ROLE_NORMAL);
        ladder(p->cv, 31, y, e->stage);
        canvas_text_fit(p->cv, 37, y, 21, stage_name(c, e->stage),
                        e->stage >= 0 ? ROLE_STRONG : ROLE_SUBTLE);
        char m[96];
        if (e->stage >= 0) {
            int k = snprintf(m, sizeof m, "%3.0f%%     %s", e->mastery * 100.0,
                             mastery_confidence_name(e->confidence));
            if (e->answers)
                k += snprintf(m + k, sizeof m - (size_t)k, ", %d answer%s", e->answers,
                              e->answers == 1 ? "" : "s");
            if (e->solved)
                k += snprintf(m + k, sizeof m - (size_t)k, ", exercises");
            if (e->ratings)
                snprintf(m + k, sizeof m - (size_t)k, ", self-rated");
            canvas_text_fit(p->cv, 59, y, p->cv->w - 60, m, ROLE_NORMAL);
        }
    }
}

static void draw_roadmap(Pen *p, const AssessContent *c, const AssessLog *log,
                         const StageReport *r)
{
    const Track *t = log->track ? assess_track(c, log->track) : NULL;
    if (!t && c->ntracks)
        t = &c->tracks[0];
    if (!t)
        return;
    char line[320];
    snprintf(line, sizeof line, "Roadmap for your goal: %s%s", t->title,
             log->track ? "" : " (press t to choose yours)");
    pen_text(p, 1, line, ROLE_HEADING);
    RoadmapEntry *entries = calloc(t->nweights + 1, sizeof *entries);
    size_t n = roadmap_build(c, t, r, entries);
    int shown = 0;
    for (size_t i = 0; i < n && shown < 4; i++) {
        const RoadmapEntry *e = &entries[i];
        if (e->gap <= 0)
            continue;
        shown++;
        snprintf(line, sizeof line, "%d. %s: %s %s %s (priority %.1f)", shown,
                 c->competencies[e->competency].title, stage_name(c, e->current),
                 p->cv->ascii ? "->" : "\xe2\x86\x92", stage_name(c, e->target), e->priority);
        pen_text(p, 2, line, ROLE_STRONG);
        for (size_t k = 0; k < e->nactions && k < 2; k++) {
            const Action *act = e->actions[k];
            Styled ref = {0}; /* "ch01#three-layers" reads as its section: "§1.2 ..." */
            if (act->ref)
                markup_plain(act->ref, &ref);
            snprintf(line, sizeof line, "%s %s (%d min%s%s)", p->cv->ascii ? ">" : "\xe2\x96\xb8",
                     act->title, act->minutes, act->ref ? ", " : "", ref.text ? ref.text : "");
            styled_fini(&ref);
            pen_text(p, 5, line, ROLE_NORMAL);
        }
    }
    if (shown == 0)
        pen_text(p, 2, "You are at or above the target stage in every area of this goal.",
                 ROLE_NORMAL);
    free(entries);
}

static void draw_review_and_history(Pen *p, const App *a, const AssessLog *log)
{
    char line[256];
    size_t *due = NULL;
    size_t ndue = review_due(log, a->assess, a->today, &due);
    free(due);
    if (ndue)
        snprintf(line, sizeof line, "Review: %zu item%s due today (press v)", ndue,
                 ndue == 1 ? "" : "s");
    else {
        int64_t next = review_next_day(log, a->today);
        if (next > 0)
            snprintf(line, sizeof line, "Review: nothing due today; next in %lld day(s)",
                     (long long)(next - a->today));
        else
            snprintf(line, sizeof line, "Review: missed items will come back here (SM-2 spacing)");
    }
    pen_text(p, 1, line, ndue ? ROLE_STRONG : ROLE_NORMAL);

    /* The overall stage after each of the last sessions, oldest first. */
    int n = log->nsessions ? snprintf(line, sizeof line, "History: %zu session%s; overall stage "
                                                         "after each", log->nsessions,
                                      log->nsessions == 1 ? "" : "s")
                           : snprintf(line, sizeof line, "History: no sessions yet");
    size_t from = log->nsessions > 5 ? log->nsessions - 5 : 0;
    for (size_t i = from; i < log->nsessions && n < (int)sizeof line - 40; i++) {
        const char *st = log->sessions[i].overall;
        int k = st ? assess_stage_index(a->assess, st) : -1;
        n += snprintf(line + n, sizeof line - (size_t)n, "%s%s", i == from ? ": " : " > ",
                      k >= 0 ? a->assess->stages[k].name : "not enough evidence");
    }
    pen_text(p, 1, line, ROLE_NORMAL);
}

void screen_dashboard_draw(App *a, Canvas *cv)
{
    char right[64];
    snprintf(right, sizeof right, "profile: %s", a->profile ? a->profile : "-");
    chrome_top(a, cv, "Your skill stage and roadmap", right);
    if (!a->assess || !a->assess_log) {
        canvas_text_fit(cv, 2, 2, cv->w - 4, "The assessments could not be loaded:", ROLE_ERROR);
        canvas_text_fit(cv, 2, 3, cv->w - 4, a->assess_error, ROLE_NORMAL);
        canvas_text_fit(cv, 2, 5, cv->w - 4, "Reading works as before; Esc goes back.", ROLE_NORMAL);
        chrome_hints(a, cv, ON_DASH);
        return;
    }
    StageReport r;
    mastery_report(a->assess, a->assess_log, a->now, &r);
    Pen p = {cv, 0, a->dash_top, 2, cv->h - 3};
    char line[256];
    if (r.overall >= 0)
        snprintf(line, sizeof line, "Overall: %s (from %d of %zu areas assessed)",
                 a->assess->stages[r.overall].name, r.assessed, r.n);
    else
        snprintf(line, sizeof line, "Overall: not enough evidence yet (%d of %zu areas assessed). "
                                    "Press a for the stage assessment.", r.assessed, r.n);
    pen_text(&p, 1, line, ROLE_HEADING);
    p.line++;
    draw_competencies(&p, a->assess, &r);
    p.line++;
    draw_roadmap(&p, a->assess, a->assess_log, &r);
    p.line++;
    draw_review_and_history(&p, a, a->assess_log);
    p.line++;
    pen_text(&p, 1, "Chapter checks: press 1-7. R rates yourself in an area. Stages follow the "
                    "Dreyfus model; mastery is Bayesian Knowledge Tracing (docs/ASSESSMENTS.md).",
             ROLE_SUBTLE);
    if (a->dash_top > 0 && a->dash_top > p.line - p.rows)
        a->dash_top = p.line - p.rows > 0 ? p.line - p.rows : 0;
    stage_report_fini(&r);
    chrome_hints(a, cv, ON_DASH);
}
