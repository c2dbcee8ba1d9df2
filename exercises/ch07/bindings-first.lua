-- Fix it: change the least so a chosen area rises to the top of the roadmap.
local GOAL = "extension-author"
-- the goal's weights and targets, as in assessments/tracks.yaml (the plan must keep them)
local WEIGHTS = {
    ["bindings-capi"] = { 3, "expert" },
    ["garbage-collection"] = { 2, "proficient" },
    ["concurrency-gil"] = { 2, "proficient" },
    ["memory-architecture"] = { 2, "competent" },
    ["ai-era-practice"] = { 1, "competent" },
}
-- where the learner stands in the starter
local START = {
    ["bindings-capi"] = "proficient",
    ["garbage-collection"] = "competent",
    ["concurrency-gil"] = "novice",
    ["memory-architecture"] = "advanced-beginner",
    ["ai-era-practice"] = "novice",
}
local RANK = {
    ["not-assessed"] = -1, novice = 0, ["advanced-beginner"] = 1, competent = 2,
    proficient = 3, expert = 4,
}

local PLAN = [[
# Your plan for the extension-author goal (weights and targets: assessments/tracks.yaml).
# Study moves a stage up, never down. Raise ONE area's level so that
# bindings-capi comes first on the roadmap; keep the goal and its weights.
areas memory-architecture garbage-collection concurrency-gil bindings-capi async-services ecosystem-judgement ai-era-practice
goal extension-author
weight bindings-capi 3 expert
weight garbage-collection 2 proficient
weight concurrency-gil 2 proficient
weight memory-architecture 2 competent
weight ai-era-practice 1 competent
level bindings-capi proficient
level garbage-collection competent
level concurrency-gil %s
level memory-architecture advanced-beginner
level ai-era-practice novice
rank
]]

return {
    id = "bindings-first",
    title = "Put bindings first",
    goal = "Raise one area's stage, and only one, so that bindings-capi tops the extension-author roadmap.",
    kind = "fix",
    model = "roadmap",
    difficulty = 3,
    competencies = { "ai-era-practice" },
    hints = {
        "Run it: which area leads, and with what gap x weight? Bindings has 1 x 3 = 3 to beat.",
        "A higher stage shrinks the gap, and with it the priority: see ch07#ranking-what-to-learn.",
        "Concurrency leads with 3 x 2 = 6; it needs a gap of 1 (competent) to fall to 2.",
    },
    starter = PLAN:format("novice"),
    solution = PLAN:format("competent"),
    check = function(run)
        if run.exit ~= 0 then
            return false, "the plan stopped with an error: " .. run.error
        end
        if run.goal ~= GOAL then
            return false, "keep the goal " .. GOAL
        end
        for comp, w in pairs(WEIGHTS) do
            local got = run.weights[comp]
            if not got or got.weight ~= w[1] or got.target ~= w[2] then
                return false, ("keep the course's weight for %s: %g, target %s"):format(comp, w[1], w[2])
            end
        end
        local moved = {}
        for comp, was in pairs(START) do
            local now = run.stages[comp]
            if RANK[now] < RANK[was] then
                return false, ("%s went down from %s to %s: study only moves you up"):format(comp, was, now)
            elseif now ~= was then
                moved[#moved + 1] = comp
            end
        end
        if #moved > 1 then
            table.sort(moved)
            return false, "you raised " .. table.concat(moved, " and ") .. ": raise one area only"
        end
        if #moved == 0 then
            return false, "raise one area's stage: the plan still places every area where it started"
        end
        if run.top ~= "bindings-capi" then
            local r = run.ranking[1]
            return false, ("%s still leads with %d x %g = %g"):format(r.competency, r.gap, r.weight, r.priority)
        end
        return true
    end,
}
