-- Sandbox: the flywheel model to play with (an illustration, not a forecast).
return {
    id = "flywheel-playground",
    title = "Playground: the flywheel model",
    goal = "Change parameters, starting values and shocks, and watch which shapes the loop "
        .. "makes: slow start, tipping point, head start.",
    kind = "sandbox",
    model = "flywheel",
    difficulty = 1,
    competencies = { "ecosystem-judgement" },
    program = [[
# The flywheel model of chapter 6: an illustration, not a forecast.
# Directives: set a=.. b=.. d=.. g=.. c=..   users X   libraries X   tools X
#             run N years   shock libraries -50%   show   data ID "LABEL" VALUE
show
run 20 years
shock libraries -50%
run 20 years
show
]],
}
