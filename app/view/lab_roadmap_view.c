/*
 * lab_roadmap_view: chapter 7's lab on screen.
 *
 *   ranking  one bar per weighted area, best first: the bar is the priority,
 *            drawn as `gap` blocks of `weight` cells each (alternating
 *            shades), so gap x weight can be read off the bar; the top entry
 *            carries the pointer and its next step;
 *   stages   every area on the five-rung ladder: rungs held, the gap to the
 *            goal's target, p(L) where answers placed it, and the overall
 *            stage.
 * Stateless: drawn from the lab as it is now (lab/roadmap/lab_roadmap.h).
 */
#include <stdio.h>
#include <string.h>

#include "lab/roadmap/lab_roadmap.h"
#include "view/glyphs.h"
#include "view/labs.h"
#include "view/views.h"

static const char *const page_names[] = {"ranking", "stages"};
static const char *const rung_short[SKILL_NSTAGES] = {"N", "AB", "C", "P", "E"};

#define LABEL_W 21

/* Priority as gap blocks of weight x scale cells, alternating shades. */
static void draw_bar(Canvas *cv, int x, int y, const PlanRow *row, double scale, bool top)
{
    int end_prev = 0;
    for (int k = 0; k < row->gap; k++) {
        int end = (int)((k + 1) * row->weight * scale + 0.5);
        Glyph g = k % 2 ? GLYPH_SHADE_DARK : GLYPH_BAR_FULL;
        for (int c = end_prev; c < end; c++)
            canvas_put(cv, x + c, y, glyph(cv->ascii, g), top ? ROLE_WARNING : ROLE_PENDING);
        end_prev = end;
    }
}

static void draw_ranking(const Lab *lab, Canvas *cv, Rect r)
{
    const void *st = lab->st;
    PlanRow rows[PLAN_MAX_AREAS];
    size_t n = plan_ranking(st, rows);
    if (n == 0) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Roadmap: no goal with weights yet.", ROLE_HEADING);
        canvas_text_fit(cv, r.x, r.y + 1, r.w,
                        "`goal ID` and `weight AREA W TARGET` lines add bars here.", ROLE_SUBTLE);
        return;
    }
    char head[160];
    snprintf(head, sizeof head, "Roadmap for %s: priority = gap x weight", plan_goal(st));
    canvas_text_fit(cv, r.x, r.y, r.w, head, ROLE_HEADING);
    /* the next step column, when there is room for it */
    int next_w = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].step && (int)strlen(rows[i].step) + 7 > next_w)
            next_w = (int)strlen(rows[i].step) + 7;
    const int lead = 4, nums_w = 7, value_w = 5;
    int bw = r.w - lead - LABEL_W - nums_w - value_w - next_w;
    bool next_cut = false;
    if (bw < 10 && next_w) {
        bw += next_w, next_w = 0;
        next_cut = true;
    }
    double maxp = 0;
    for (size_t i = 0; i < n; i++)
        if (rows[i].priority > maxp)
            maxp = rows[i].priority;
    double scale = maxp > 0 && bw > 0 ? bw / maxp : 0;
    int room = r.h - 2 - next_cut; /* heading and the footnotes */
    size_t shown = n < (size_t)(room > 0 ? room : 0) ? n : (size_t)(room > 0 ? room : 0);
    for (size_t i = 0; i < shown; i++) {
        const PlanRow *row = &rows[i];
        int y = r.y + 1 + (int)i, x = r.x;
        bool top = i == 0 && row->priority > 0;
        char num[8], nums[16], value[16];
        if (top)
            canvas_put(cv, x, y, glyph(cv->ascii, GLYPH_POINTER), ROLE_STRONG);
        snprintf(num, sizeof num, "%zu", i + 1);
        canvas_text(cv, x + 1, y, 3, num, top ? ROLE_STRONG : ROLE_SUBTLE);
        x += lead;
        canvas_text_fit(cv, x, y, LABEL_W - 1, row->competency, top ? ROLE_STRONG : ROLE_NORMAL);
        x += LABEL_W;
        snprintf(nums, sizeof nums, "%dx%g", row->gap, row->weight);
        canvas_text_fit(cv, x, y, nums_w - 1, nums, ROLE_SUBTLE);
        x += nums_w;
        if (row->gap == 0)
            canvas_text_fit(cv, x, y, bw, "at target", ROLE_DONE);
        else if (bw > 0)
            draw_bar(cv, x, y, row, scale, top);
        x += bw > 0 ? bw : 0;
        snprintf(value, sizeof value, "%4g", row->priority);
        canvas_text(cv, x, y, value_w, value, top ? ROLE_STRONG : ROLE_NORMAL);
        x += value_w;
        if (next_w && row->gap > 0) {
            char next[PLAN_ID_MAX + 16];
            snprintf(next, sizeof next, " next: %s", row->step ? row->step : "-");
            canvas_text_fit(cv, x, y, next_w, next, top ? ROLE_STRONG : ROLE_SUBTLE);
        }
    }
    int foot = r.y + 1 + (int)shown;
    if (foot < r.y + r.h) {
        char note[96];
        if (shown < n)
            snprintf(note, sizeof note, "+%zu more areas not shown", n - shown);
        else
            snprintf(note, sizeof note, "one block per rung of gap, weight cells wide");
        canvas_text_fit(cv, r.x, foot++, r.w, note, ROLE_SUBTLE);
    }
    if (next_cut && foot < r.y + r.h)
        canvas_text_fit(cv, r.x, foot, r.w, "next steps: too narrow here (z: wider view)",
                        ROLE_SUBTLE);
}

static void draw_stages(const Lab *lab, Canvas *cv, Rect r)
{
    const void *st = lab->st;
    size_t n = plan_nareas(st);
    if (n == 0) {
        canvas_text_fit(cv, r.x, r.y, r.w, "Stages: the `areas` line has not run yet.",
                        ROLE_HEADING);
        return;
    }
    PlanRow rows[PLAN_MAX_AREAS];
    size_t nr = plan_ranking(st, rows);
    canvas_text_fit(cv, r.x, r.y, r.w, "Stages: held, gap to the goal's target, p(L)",
                    ROLE_HEADING);
    int x0 = r.x + LABEL_W;
    for (int s = 0; s < SKILL_NSTAGES; s++)
        canvas_text(cv, x0 + 3 * s, r.y + 1, 3, rung_short[s], ROLE_SUBTLE);
    int room = r.h - 3; /* heading, rung names, overall */
    size_t shown = n < (size_t)(room > 0 ? room : 0) ? n : (size_t)(room > 0 ? room : 0);
    for (size_t i = 0; i < shown; i++) {
        int y = r.y + 2 + (int)i, cur = plan_area_stage(st, i), target = -1;
        for (size_t k = 0; k < nr; k++)
            if ((size_t)rows[k].area == i)
                target = rows[k].target;
        canvas_text_fit(cv, r.x, y, LABEL_W - 1, plan_area(st, i), ROLE_NORMAL);
        for (int s = 0; s < SKILL_NSTAGES; s++) {
            Glyph g = s <= cur ? GLYPH_BAR_FULL : s <= target ? GLYPH_SHADE_LIGHT : GLYPH_EMPTY;
            Role role = s <= cur ? ROLE_DONE : s <= target ? ROLE_WARNING : ROLE_SUBTLE;
            for (int c = 0; c < 2; c++)
                canvas_put(cv, x0 + 3 * s + c, y, glyph(cv->ascii, g), role);
        }
        char what[96];
        double m;
        int len = snprintf(what, sizeof what, "%s", plan_stage_id(cur));
        if (plan_area_mastery(st, i, &m) && len > 0 && (size_t)len < sizeof what)
            snprintf(what + len, sizeof what - (size_t)len, ", p(L) %.2f", m);
        int tx = x0 + 3 * SKILL_NSTAGES + 1;
        canvas_text_fit(cv, tx, y, r.x + r.w - tx, what, ROLE_SUBTLE);
    }
    int y = r.y + 2 + (int)shown;
    if (shown < n && y < r.y + r.h) {
        char more[64];
        snprintf(more, sizeof more, "+%zu more areas not shown", n - shown);
        canvas_text_fit(cv, r.x, y - 1, r.w, more, ROLE_SUBTLE);
    }
    int overall, assessed, needed;
    if (y < r.y + r.h && plan_overall(st, &overall, &assessed, &needed)) {
        char line[128];
        if (overall >= 0)
            snprintf(line, sizeof line, "overall: %s (lower median of %d assessed)",
                     plan_stage_id(overall), assessed);
        else
            snprintf(line, sizeof line, "overall: not enough evidence (%d of %d assessed)",
                     assessed, needed);
        canvas_text_fit(cv, r.x, y, r.w, line, ROLE_STRONG);
    }
}

static void roadmap_draw(const Lab *lab, const LabViewOptions *o, Canvas *cv, Rect r)
{
    if (r.w < 8 || r.h < 1)
        return;
    if (o->page % 2 == 0)
        draw_ranking(lab, cv, r);
    else
        draw_stages(lab, cv, r);
}

const LabView lab_roadmap_view = {
    .name = "roadmap",
    .npages = 2,
    .page_names = page_names,
    .draw = roadmap_draw,
};
