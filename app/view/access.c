/*
 * access: chapter access under a workshop pack's policies (see access.h).
 */
#include "view/access.h"

#include <stdio.h>
#include <string.h>

#include "learner/gate.h"

static size_t read_in(const Progress *p, const Chapter *ch)
{
    size_t n = 0;
    for (size_t i = 0; i < ch->nsections; i++)
        n += progress_is_read(p, ch->id, ch->sections[i].id);
    return n;
}

/* Why agenda chapter `wc` holds back the ones after it; false when it does not. */
static bool holds_back(const AccessCtx *x, const WorkshopChapter *wc, char *why, size_t len)
{
    const Chapter *ch = course_chapter_by_id(x->course, wc->chapter_id);
    const WorkshopPolicy *p = &wc->policy;
    if (!ch)
        return false;
    if (!p->skip) {
        size_t done = read_in(x->progress, ch);
        if (done < ch->nsections) {
            snprintf(why, len, "Finish chapter %d first (%zu of %zu sections read).", ch->number,
                     done, ch->nsections);
            return true;
        }
    }
    if (p->min_score >= 0) {
        int best = x->log ? gate_check_score(x->log, ch->number) : -1;
        if (best < p->min_score) {
            if (best < 0)
                snprintf(why, len, "Chapter %d's check needs %d%% (not taken yet).", ch->number,
                         p->min_score);
            else
                snprintf(why, len, "Chapter %d's check needs %d%% (your best: %d%%).",
                         ch->number, p->min_score, best);
            return true;
        }
    }
    if (p->competency >= 0 && p->stage >= 0) {
        int at = x->assess && x->log ? gate_stage_of(x->assess, x->log, x->now, p->competency)
                                     : -1;
        if (at < p->stage) {
            snprintf(why, len, "Reach the stage '%s' in %s first (after chapter %d).",
                     p->min_stage, p->min_competency, ch->number);
            return true;
        }
    }
    return false;
}

ChapterAccess access_chapter(const AccessCtx *ctx, const char *chapter_id)
{
    ChapterAccess a = {ACCESS_OPEN, -1, ""};
    const Workshop *w = ctx->workshop;
    if (!w)
        return a;
    int k = workshop_agenda_index(w, chapter_id);
    if (k < 0) {
        a.state = ACCESS_HIDDEN;
        snprintf(a.why, sizeof a.why, "This chapter is not part of this workshop.");
        return a;
    }
    if (!w->agenda[k].open) {
        a.state = ACCESS_CLOSED;
        snprintf(a.why, sizeof a.why, "Your instructor has not opened this chapter yet.");
        return a;
    }
    for (int j = 0; j < k; j++) {
        if (holds_back(ctx, &w->agenda[j], a.why, sizeof a.why)) {
            a.state = ACCESS_LOCKED;
            a.blocker = j;
            return a;
        }
    }
    return a;
}
