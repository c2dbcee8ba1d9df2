-- Predict, then observe: which area does the roadmap put first?
return {
    id = "first-on-the-roadmap",
    title = "First on the roadmap",
    goal = "Predict a priority and the area the roadmap ranks first for a training-infrastructure goal.",
    kind = "predict",
    model = "roadmap",
    difficulty = 2,
    competencies = { "ai-era-practice" },
    hints = {
        "For each weighted area, how many rungs lie between where you stand and the target?",
        "Priority is the gap times the weight; ties go to the higher weight: see "
            .. "ch07#ranking-what-to-learn.",
        "Garbage collection and concurrency both reach 6; concurrency weighs 3, not 2.",
    },
    solution = "garbage-collection gets 3 rungs x weight 2 = 6; concurrency-gil also gets "
        .. "2 x 3 = 6 and wins the tie on its higher weight, so it ranks first.",
    program = [[
# Your plan for the training-infra goal (weights and targets: assessments/tracks.yaml)
areas memory-architecture garbage-collection concurrency-gil bindings-capi async-services ecosystem-judgement ai-era-practice
goal training-infra
weight concurrency-gil 3 proficient
weight memory-architecture 3 proficient
weight garbage-collection 2 proficient
weight bindings-capi 1 competent
weight ai-era-practice 1 competent
# where you stand today (bindings-capi: not assessed yet)
level memory-architecture competent
level concurrency-gil advanced-beginner
level garbage-collection novice
level ai-era-practice advanced-beginner
rank
]],
    steps = {
        {
            at = 10,
            ask = "Once these levels are set, what priority will garbage-collection get?",
            type = "number",
            answer = 6,
            explain = "Novice (rank 0) to proficient (rank 3) is a gap of 3 rungs; 3 x weight 2 = 6.",
            model = function(run)
                for _, r in ipairs(run.ranking) do
                    if r.competency == "garbage-collection" then
                        return r.priority
                    end
                end
            end,
        },
        {
            at = 14,
            ask = "Which area does the roadmap rank first?",
            choices = { "memory-architecture", "garbage-collection", "concurrency-gil", "bindings-capi" },
            answer = 3,
            explain = "Concurrency: advanced beginner to proficient is 2 rungs x weight 3 = 6, the same "
                .. "as garbage collection, and the tie goes to the higher weight. Memory is weighted 3 "
                .. "too, but competent is one rung from its target: 3.",
            model = function(run)
                return run.top
            end,
        },
    },
}
