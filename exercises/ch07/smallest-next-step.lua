-- Predict, then observe: the minimum executable next step for a stage.
return {
    id = "smallest-next-step",
    title = "The smallest next step",
    goal = "Predict which next step the roadmap offers first for garbage collection at two stages.",
    kind = "predict",
    model = "roadmap",
    difficulty = 2,
    competencies = { "ai-era-practice" },
    hints = {
        "Which of the step lines list your stage? The roadmap offers them in the order they are written.",
        "A step serves the stages it names, and the first one that fits is offered first: see "
            .. "ch07#steps-by-stage.",
        "At advanced beginner, the reread comes first; at competent, a project that serves memory "
            .. "and garbage collection together is listed first.",
    },
    solution = "Advanced beginner: reread-counting (it serves novice and advanced beginner and is "
        .. "the first that fits). Competent: fragmentation-project, listed before cycle-lab.",
    program = [[
# Next steps for garbage collection, in the order of assessments/actions.yaml
areas memory-architecture garbage-collection concurrency-gil bindings-capi async-services ecosystem-judgement ai-era-practice
step fragmentation-project garbage-collection competent,proficient
step reread-counting garbage-collection novice,advanced-beginner
step cycle-lab garbage-collection advanced-beginner,competent
step prefork-freeze garbage-collection competent,proficient
step leak-hunt garbage-collection competent,proficient
step verify-generated garbage-collection advanced-beginner,competent
# the extension-author goal (assessments/tracks.yaml)
goal extension-author
weight bindings-capi 3 expert
weight garbage-collection 2 proficient
weight concurrency-gil 2 proficient
weight memory-architecture 2 competent
weight ai-era-practice 1 competent
level garbage-collection advanced-beginner
rank
# after chapter 2's check you stand one rung higher
level garbage-collection competent
rank
]],
    steps = {
        {
            at = 17,
            ask = "At advanced beginner, which next step does the roadmap offer first for garbage-collection?",
            choices = { "reread-counting", "cycle-lab", "verify-generated", "prefork-freeze" },
            answer = 1,
            explain = "reread-counting serves novice and advanced beginner, and it is the first line "
                .. "that fits; cycle-lab and verify-generated come after it.",
            model = function(run)
                for _, r in ipairs(run.ranking) do
                    if r.competency == "garbage-collection" then
                        return r.step
                    end
                end
            end,
        },
        {
            at = 19,
            ask = "Once you are competent, which step comes first?",
            choices = { "cycle-lab", "fragmentation-project", "prefork-freeze", "leak-hunt" },
            answer = 2,
            explain = "fragmentation-project, a memory project that serves garbage collection too, "
                .. "is listed first and names competent. The steps go up with the stages: from a "
                .. "reread to a project on your own service.",
            model = function(run)
                for _, r in ipairs(run.ranking) do
                    if r.competency == "garbage-collection" then
                        return r.step
                    end
                end
            end,
        },
    },
}
