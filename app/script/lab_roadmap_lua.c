/*
 * lab_roadmap_lua: what chapter 7's exercises read from the roadmap lab.
 *
 *   run.goal      the current goal's id ("" before a `goal` line ran)
 *   run.ranking   the roadmap now, best first: {competency, current, target,
 *                 gap, weight, priority, step}; current and target are stage
 *                 ids ("not-assessed" for an area without evidence), step the
 *                 first next step that fits (nil when none was given)
 *   run.top       run.ranking[1].competency, or nil without weights
 *   run.stages    {area = stage id} for every area of the `areas` line
 *   run.mastery   {area = p(L)} for the areas placed by answers
 *   run.weights   {area = {weight =, target =}} of the current goal
 *   run.stage     the overall stage id, "not-enough-evidence", or nil before
 *                 an `overall` line ran
 *
 * Plain data computed when the table is built, so a `model` or `check`
 * function sees the plan as it stands at that pause.
 */
#include "script/labs.h"
#include "lab/roadmap/lab_roadmap.h"

/* A whole number as a Lua integer, so `gap == 2` and printing read as 2. */
static void push_ranking(lua_State *L, const void *st)
{
    PlanRow rows[PLAN_MAX_AREAS];
    size_t n = plan_ranking(st, rows);
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        const PlanRow *r = &rows[i];
        lua_newtable(L);
        labs_set_str(L, "competency", r->competency);
        labs_set_str(L, "current", plan_stage_id(r->current));
        labs_set_str(L, "target", plan_stage_id(r->target));
        labs_set_int(L, "gap", r->gap);
        labs_set_num(L, "weight", r->weight);
        labs_set_num(L, "priority", r->priority);
        if (r->step)
            labs_set_str(L, "step", r->step);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -2, "ranking");
    if (n > 0)
        labs_set_str(L, "top", rows[0].competency);
    lua_newtable(L);
    for (size_t i = 0; i < n; i++) {
        lua_newtable(L);
        labs_set_num(L, "weight", rows[i].weight);
        labs_set_str(L, "target", plan_stage_id(rows[i].target));
        lua_setfield(L, -2, rows[i].competency);
    }
    lua_setfield(L, -2, "weights");
}

static void roadmap_fill_run(lua_State *L, const Lab *lab)
{
    const void *st = lab->st;
    labs_set_str(L, "goal", plan_goal(st));
    push_ranking(L, st);
    lua_newtable(L);
    for (size_t i = 0; i < plan_nareas(st); i++)
        labs_set_str(L, plan_area(st, i), plan_stage_id(plan_area_stage(st, i)));
    lua_setfield(L, -2, "stages");
    lua_newtable(L);
    for (size_t i = 0; i < plan_nareas(st); i++) {
        double m;
        if (plan_area_mastery(st, i, &m))
            labs_set_num(L, plan_area(st, i), m);
    }
    lua_setfield(L, -2, "mastery");
    int overall, assessed, needed;
    if (plan_overall(st, &overall, &assessed, &needed))
        labs_set_str(L, "stage", overall >= 0 ? plan_stage_id(overall) : "not-enough-evidence");
}

const LabBinding lab_roadmap_binding = {
    .name = "roadmap",
    .fill_run = roadmap_fill_run,
    .open_lib = NULL,
};
