/*
 * cmd_stage: `pydive stage [--json]` — the learner's stage per competency
 * and overall, with the evidence behind each and what would move it up —
 * and `pydive roadmap [--track T]` — the competencies ranked for a goal,
 * each with its next steps.  Read-only, except that --track remembers the
 * goal chosen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/printable.h"
#include "base/xalloc.h"
#include "cli/assess_cli.h"
#include "cli/cli.h"
#include "learner/mastery.h"
#include "learner/review.h"
#include "learner/roadmap.h"

static const char *stage_id(const AssessContent *c, int s)
{
    return s >= 0 ? c->stages[s].id : NULL;
}

static size_t due_today(const AssessCli *a)
{
    size_t *due;
    size_t n = review_due(&a->log, &a->content, a->today, &due);
    free(due);
    return n;
}

static void print_json(const AssessCli *a, const StageReport *r)
{
    const AssessContent *c = &a->content;
    Buf b = {0};
    buf_adds(&b, "{\"schema\": 1, \"profile\": ");
    printable_json(&b, a->profile);
    buf_adds(&b, ", \"file\": ");
    printable_json(&b, a->store.path);
    buf_adds(&b, ", \"overall\": ");
    printable_json(&b, stage_id(c, r->overall));
    buf_printf(&b, ", \"assessed\": %d, \"track\": ", r->assessed);
    printable_json(&b, a->log.track);
    buf_printf(&b, ", \"review_due\": %zu, \"competencies\": [", due_today(a));
    for (size_t i = 0; i < r->n; i++) {
        const CompetencyEstimate *e = &r->comps[i];
        buf_adds(&b, i ? ",\n  {\"id\": " : "\n  {\"id\": ");
        printable_json(&b, c->competencies[i].id);
        buf_adds(&b, ", \"stage\": ");
        printable_json(&b, stage_id(c, e->stage));
        buf_printf(&b, ", \"mastery\": %.4f, \"confidence\": ", e->mastery);
        printable_json(&b, mastery_confidence_name(e->confidence));
        buf_printf(&b, ", \"evidence\": %.3f, \"answers\": %d, \"correct\": %d, "
                       "\"exercises\": %d, \"ratings\": %d, \"last_evidence\": %lld, "
                       "\"next\": ",
                   e->effective, e->answers, e->correct, e->exercises, e->ratings,
                   (long long)e->last_at);
        if (e->next_stage < 0) {
            buf_adds(&b, "null}");
            continue;
        }
        buf_adds(&b, "{\"stage\": ");
        printable_json(&b, stage_id(c, e->next_stage));
        buf_printf(&b, ", \"answers_needed\": %d, \"hard_needed\": %d, \"at_difficulty\": %d, "
                       "\"exercises_needed\": %d}}",
                   e->answers_needed, e->hard_needed, e->hard_level, e->exercises_needed);
    }
    buf_adds(&b, "\n], \"history\": [");
    for (size_t i = 0; i < a->log.nsessions; i++) {
        const SessionRec *s = &a->log.sessions[i];
        buf_printf(&b, "%s\n  {\"id\": %d, \"kind\": \"%s\", \"chapter\": %d, "
                       "\"finished\": %lld, \"items\": %d, \"correct\": %d, \"overall\": ",
                   i ? "," : "", s->id, assess_session_kind_name(s->kind), s->chapter,
                   (long long)s->finished, s->items, s->correct);
        printable_json(&b, s->overall);
        buf_adds(&b, ", \"stages\": {");
        size_t shown = 0;
        for (size_t j = 0; j < s->nstages; j++) {
            if (!s->stages[j].stage)
                continue;
            buf_adds(&b, shown++ ? ", " : "");
            printable_json(&b, s->stages[j].competency);
            buf_adds(&b, ": ");
            printable_json(&b, s->stages[j].stage);
        }
        buf_adds(&b, "}}");
    }
    buf_adds(&b, "\n]}\n");
    fputs(buf_str(&b), stdout);
    buf_fini(&b);
}

static void print_move_up(const AssessContent *c, const CompetencyEstimate *e)
{
    if (e->next_stage < 0) {
        puts("      at the top of the ladder; keep the evidence fresh");
        return;
    }
    if (e->stage < 0) {
        puts("      no evidence yet: take `pydive assess` to be placed");
        return;
    }
    printf("      to reach %s:", c->stages[e->next_stage].name);
    const char *sep = " ";
    if (e->answers_needed > 0) {
        printf("%sabout %d more right answer%s in a row", sep, e->answers_needed,
               e->answers_needed == 1 ? "" : "s");
        sep = "; ";
    }
    if (e->hard_needed > 0) {
        printf("%s%d more item%s right at difficulty %d or harder", sep, e->hard_needed,
               e->hard_needed == 1 ? "" : "s", e->hard_level);
        sep = "; ";
    }
    if (e->exercises_needed > 0) {
        printf("%s%d exercise%s solved without hints", sep, e->exercises_needed,
               e->exercises_needed == 1 ? "" : "s");
        sep = "; ";
    }
    puts(strcmp(sep, " ") == 0 ? " keep answering; the rules are met" : "");
}

static void print_text(const AssessCli *a, const StageReport *r)
{
    const AssessContent *c = &a->content;
    printf("Skill stages for %s (Dreyfus ladder; how they are worked out: docs/ASSESSMENTS.md)"
           "\n\n", a->profile);
    for (size_t i = 0; i < r->n; i++) {
        const CompetencyEstimate *e = &r->comps[i];
        char how[160];
        mastery_describe(e, how, sizeof how);
        if (e->stage >= 0)
            printf("  %-42s %-18s mastery %.2f, %s\n", c->competencies[i].title,
                   c->stages[e->stage].name, e->mastery, how);
        else
            printf("  %-42s not assessed\n", c->competencies[i].title);
        print_move_up(c, e);
    }
    if (r->overall >= 0)
        printf("\nOverall: %s (the middle of your assessed stages)\n",
               c->stages[r->overall].name);
    else
        printf("\nOverall: not enough evidence yet (%d of %zu competencies assessed; %d "
               "needed)\n", r->assessed, r->n, c->model.overall_min_assessed);
    if (a->log.nsessions > 0) {
        const SessionRec *s = &a->log.sessions[a->log.nsessions - 1];
        char date[32];
        assess_cli_date(assess_day(s->finished, 0), date, sizeof date);
        printf("History: %zu assessment%s; the last on %s (%s%s%.0d, %d of %d right)\n",
               a->log.nsessions, a->log.nsessions == 1 ? "" : "s", date,
               assess_session_kind_name(s->kind), s->chapter ? " " : "", s->chapter,
               s->correct, s->items);
    }
    size_t due = due_today(a);
    if (due > 0)
        printf("Review: %zu item%s due today: pydive review\n", due, due == 1 ? "" : "s");
}

int cmd_stage(int argc, char **argv)
{
    bool json = cli_take_flag(&argc, argv, "--json");
    AssessCli a;
    int rc = assess_cli_open(&a, &argc, argv, false);
    if (rc == 0)
        rc = assess_cli_no_more_args(argc, argv);
    if (rc != 0) {
        assess_cli_close(&a);
        return rc;
    }
    StageReport r;
    mastery_report(&a.content, &a.log, a.now, &r);
    if (json)
        print_json(&a, &r);
    else
        print_text(&a, &r);
    stage_report_fini(&r);
    assess_cli_close(&a);
    return 0;
}

static void print_roadmap(const AssessCli *a, const Track *t)
{
    const AssessContent *c = &a->content;
    StageReport r;
    mastery_report(c, &a->log, a->now, &r);
    RoadmapEntry *e = xcalloc(t->nweights ? t->nweights : 1, sizeof *e);
    size_t n = roadmap_build(c, t, &r, e);
    printf("Roadmap for %s (track %s)\n%s\n\n", t->title, t->id, t->description);
    for (size_t i = 0; i < n; i++) {
        const RoadmapEntry *x = &e[i];
        printf("%zu. %s: now %s, target %s", i + 1, c->competencies[x->competency].title,
               x->current >= 0 ? c->stages[x->current].name : "not assessed (counted as novice)",
               c->stages[x->target].name);
        if (x->gap == 0) {
            puts(" (reached)");
            continue;
        }
        printf("; priority %g = gap %d x weight %g\n", x->priority, x->gap, x->weight);
        for (size_t k = 0; k < x->nactions; k++) {
            const Action *act = x->actions[k];
            /* "ch01#three-layers" as the command that shows it */
            char ref[128] = "";
            int ch = 0, used = 0;
            if (act->ref && sscanf(act->ref, "ch%2d%n", &ch, &used) == 1)
                snprintf(ref, sizeof ref, "pydive render chapter:%d%s%s, ", ch,
                         act->ref[used] == '#' ? ":" : "",
                         act->ref[used] == '#' ? act->ref + used + 1 : "");
            printf("   - [%s] %s (%s%d min): %s\n", act->kind, act->title, ref, act->minutes,
                   act->steps);
        }
    }
    free(e);
    stage_report_fini(&r);
}

int cmd_roadmap(int argc, char **argv)
{
    const char *track = NULL;
    if (cli_take_option(&argc, argv, "--track", &track) < 0)
        return 2;
    AssessCli a;
    int rc = assess_cli_open(&a, &argc, argv, track != NULL);
    if (rc == 0)
        rc = assess_cli_no_more_args(argc, argv);
    if (rc != 0) {
        assess_cli_close(&a);
        return rc;
    }
    const Track *t = assess_track(&a.content, track ? track : a.log.track ? a.log.track : "");
    if (track && !t) {
        fprintf(stderr, "pydive: no track '%s'; the tracks are:", track);
        for (size_t i = 0; i < a.content.ntracks; i++)
            fprintf(stderr, " %s", a.content.tracks[i].id);
        fputc('\n', stderr);
        assess_cli_close(&a);
        return 2;
    }
    if (track && !a.store.read_only) {
        assess_log_set_track(&a.log, t->id);
        rc = assess_cli_save(&a) ? 0 : 1;
    }
    if (!t) {
        t = &a.content.tracks[0];
        printf("No track chosen yet; showing %s. Pick one with --track:", t->id);
        for (size_t i = 0; i < a.content.ntracks; i++)
            printf(" %s", a.content.tracks[i].id);
        puts("\n");
    }
    print_roadmap(&a, t);
    assess_cli_close(&a);
    return rc;
}
