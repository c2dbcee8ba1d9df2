-- Sandbox: a whole plan with the course's numbers; change anything and watch the ranking.
return {
    id = "plan-playground",
    title = "Playground: your own roadmap",
    goal = "Try anything: change the goal, your levels or add answers, and watch the ranking and the stages.",
    kind = "sandbox",
    model = "roadmap",
    difficulty = 1,
    competencies = { "ai-era-practice" },
    program = [[
# A whole plan with the course's numbers (assessments/*.yaml). Tab switches the
# view between the ranking and the stages. Try: another goal (training-infra,
# extension-author), your own levels, or more `answer` lines.
areas memory-architecture garbage-collection concurrency-gil bindings-capi async-services ecosystem-judgement ai-era-practice
# every next step, in the order of assessments/actions.yaml
step reread-three-layers memory-architecture novice
step size-class-drill memory-architecture novice,advanced-beginner
step memory-stays-experiment memory-architecture advanced-beginner,competent
step fragmentation-project memory-architecture,garbage-collection competent,proficient
step reread-counting garbage-collection novice,advanced-beginner
step cycle-lab garbage-collection advanced-beginner,competent
step prefork-freeze garbage-collection,memory-architecture,concurrency-gil competent,proficient
step reread-gil concurrency-gil novice
step threads-vs-processes concurrency-gil novice,advanced-beginner
step run-free-threaded concurrency-gil advanced-beginner,competent
step cow-investigation concurrency-gil,memory-architecture competent,proficient
step reread-ownership bindings-capi novice,advanced-beginner
step ctypes-vs-cffi bindings-capi advanced-beginner,competent
step leak-hunt bindings-capi,garbage-collection competent,proficient
step ft-extension bindings-capi,concurrency-gil proficient
step reread-def-async async-services novice,advanced-beginner
step blocking-loop-demo async-services advanced-beginner,competent
step sse-stream async-services,ai-era-practice competent,proficient
step reread-signals ecosystem-judgement novice,advanced-beginner
step claim-audit ecosystem-judgement advanced-beginner,competent,proficient
step choice-memo ecosystem-judgement competent,proficient
step reread-verification ai-era-practice novice,advanced-beginner
step verify-generated ai-era-practice,garbage-collection advanced-beginner,competent
step review-checklist ai-era-practice,async-services,bindings-capi competent,proficient
# the mastery model and the stage rules (assessments/model.yaml)
bkt 0.2 0.1 0.1
guess single 0.25
guess multiple 0.1
guess numeric 0.05
guess ordering 0.05
guess predict 0.1
rule advanced-beginner 0.4 1 1 0
rule competent 0.7 2 2 0
rule proficient 0.9 2 3 0
rule expert 0.95 3 3 1
overall 3
# the goal (assessments/tracks.yaml)
goal llm-api-service
weight async-services 3 proficient
weight concurrency-gil 2 competent
weight ai-era-practice 2 proficient
weight memory-architecture 1 competent
weight garbage-collection 1 competent
weight ecosystem-judgement 1 competent
# you: put your own stages here, or let answers place you
level memory-architecture competent
level garbage-collection advanced-beginner
answer concurrency-gil right 1
answer concurrency-gil right 2
answer async-services wrong 2
rank
stage
]],
}
