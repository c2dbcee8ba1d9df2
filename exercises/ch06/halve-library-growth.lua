-- Predict, then observe: the flywheel model with library growth halved.
-- The model is an illustration, not a forecast (lessons/06-ai-ecosystem.yaml, flywheel-model).
local function first_step_above(run, level)
    for _, s in ipairs(run.series) do
        if s.users > level then
            return s.t
        end
    end
    return -1
end

return {
    id = "halve-library-growth",
    title = "Halve the library growth",
    goal = "Predict when the default flywheel takes off, then what halving library growth "
        .. "(a) does to it.",
    kind = "predict",
    model = "flywheel",
    difficulty = 3,
    competencies = { "ecosystem-judgement" },
    hints = {
        "Watch the series page (Tab for the loop diagram): U dips first while libraries and "
            .. "tools build up.",
        "Each link of the loop feeds the next; a weaker first link slows all of them: see "
            .. "ch06#flywheel-model and ch06#where-the-loop-could-slip.",
        "With the defaults U passes 0.9 at step 24. With a=0.25 libraries grow half as "
            .. "fast, tools follow them, so the pull on users comes later and weaker.",
    },
    solution = "With the defaults U first passes 0.9 at step 24. With a=0.25 the loop still "
        .. "takes off, but later: after 30 steps U is about 0.61, between 0.5 and 0.9.",
    program = [[
# Defaults: a=0.5 b=0.5 d=0.1 g=0.1 c=0.05, from U=0.2, L=0, T=0
run 30 years
# the same start again, with library growth halved
users 0.2
libraries 0
tools 0
set a=0.25
run 30 years
show
]],
    steps = {
        {
            -- before the run it is about: the table would show the answer
            at = 2,
            ask = "With the default parameters, at which step does U first pass 0.9?",
            type = "number",
            answer = 24,
            explain = "Step 24: the share dips for a few steps while libraries and tools "
                .. "accumulate, then climbs fast (ch06#flywheel-model).",
            model = function(run)
                return first_step_above(run, 0.9)
            end,
        },
        {
            at = 8,
            ask = "Same start, library growth halved (a=0.25). After 30 more steps, U is ...",
            choices = {
                "above 0.9, as with the defaults",
                "between 0.5 and 0.9: it takes off, later",
                "below 0.2: it never takes off",
            },
            answer = 2,
            explain = "It still takes off, but later: about 0.61 after 30 steps. Halving one "
                .. "link delays the whole loop without stopping it, in this model.",
            model = function(run)
                if run.users > 0.9 then
                    return 1
                elseif run.users >= 0.5 then
                    return 2
                end
                return 3
            end,
        },
    },
}
