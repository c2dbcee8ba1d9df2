-- Predict, then observe: one piece of evidence moves the roadmap.
return {
    id = "one-more-answer",
    title = "One more answer",
    goal = "Predict how a single right answer changes a stage, a priority and the roadmap's first entry.",
    kind = "predict",
    model = "roadmap",
    difficulty = 3,
    competencies = { "ai-era-practice" },
    hints = {
        "After one wrong answer, p(L) for concurrency is 0.129. Where does one right answer take it, "
            .. "and what does advanced beginner ask for?",
        "Advanced beginner needs p(L) of at least 0.4 and one item right; the gap then shrinks by a "
            .. "rung: see ch07#how-pydive-estimates and ch07#ranking-what-to-learn.",
        "p(L) rises to 0.413, so concurrency becomes advanced beginner: gap 1 x weight 2.",
    },
    solution = "Before: concurrency-gil leads with 2 x 2 = 4. The right answer lifts p(L) from "
        .. "0.129 to 0.413, over the 0.4 of advanced beginner, so its priority drops to 1 x 2 = 2 "
        .. "and async-services (1 x 3 = 3) moves to the top.",
    program = [[
# Your plan for the llm-api-service goal (weights and targets: assessments/tracks.yaml)
areas memory-architecture garbage-collection concurrency-gil bindings-capi async-services ecosystem-judgement ai-era-practice
goal llm-api-service
weight async-services 3 proficient
weight concurrency-gil 2 competent
weight ai-era-practice 2 proficient
weight memory-architecture 1 competent
weight garbage-collection 1 competent
weight ecosystem-judgement 1 competent
# the mastery model and the stage rules (assessments/model.yaml)
bkt 0.2 0.1 0.1
guess single 0.25
rule advanced-beginner 0.4 1 1 0
rule competent 0.7 2 2 0
rule proficient 0.9 2 3 0
rule expert 0.95 3 3 1
# where you stand: five areas placed, concurrency from one wrong answer
level async-services competent
level ai-era-practice competent
level memory-architecture competent
level garbage-collection competent
level ecosystem-judgement competent
answer concurrency-gil wrong 2
rank
# one more answer: a single-choice item of difficulty 2, answered right
answer concurrency-gil right 2
rank
]],
    steps = {
        {
            at = 24,
            ask = "Which area does the roadmap rank first now?",
            choices = { "async-services", "concurrency-gil", "ai-era-practice" },
            answer = 2,
            explain = "Concurrency is novice after a wrong answer: 2 rungs to competent x weight 2 = 4. "
                .. "Async services is one rung short: 1 x 3 = 3.",
            model = function(run)
                return run.top
            end,
        },
        {
            at = 26,
            ask = "After this one right answer, what priority will concurrency-gil have?",
            type = "number",
            answer = 2,
            explain = "p(L) goes from 0.129 to 0.413, past the 0.4 of advanced beginner, with one item "
                .. "right: one rung up, so the gap is 1 and the priority 1 x 2 = 2.",
            model = function(run)
                for _, r in ipairs(run.ranking) do
                    if r.competency == "concurrency-gil" then
                        return r.priority
                    end
                end
            end,
        },
        {
            at = 27,
            ask = "Which area does the roadmap rank first after it?",
            choices = { "async-services", "concurrency-gil", "ai-era-practice" },
            answer = 1,
            explain = "Async services keeps 1 x 3 = 3 and now leads; concurrency and AI-era practice "
                .. "tie at 2. One answer moved a rung, and the rung moved the roadmap.",
            model = function(run)
                return run.top
            end,
        },
    },
}
