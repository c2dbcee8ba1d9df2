-- Fix it: make the flywheel take off from 5% of developers by changing one parameter.
-- The model is an illustration, not a forecast.
local defaults = { a = 0.5, b = 0.5, d = 0.1, g = 0.1, c = 0.05 }

return {
    id = "reach-half",
    title = "Reach half the developers",
    goal = "From U=0.05, reach U >= 0.5 by step 30 by changing exactly one parameter with a "
        .. "set line; no shocks, no other starting values.",
    kind = "fix",
    model = "flywheel",
    difficulty = 3,
    competencies = { "ecosystem-judgement" },
    hints = {
        "Which parameter makes libraries and tools pull users in harder, and which makes "
            .. "fewer users leave? Try one with `set NAME=VALUE` before the run.",
        "The equations and what each parameter means are in ch06#flywheel-model; near the "
            .. "critical mass the loop is slow (ch06#where-the-loop-could-slip).",
        "Raising g from 0.1 to 0.25 is enough: `set g=0.25` before `run 30 years`.",
    },
    solution = [[
users 0.05
set g=0.25
run 30 years
]],
    starter = [[
# Start from 5% of developers: in 30 steps the loop barely moves.
# Change ONE parameter with a line such as  set g=0.15  so that U >= 0.5 by step 30.
users 0.05
run 30 years
]],
    check = function(run)
        if run.exit ~= 0 then
            return false, "the program stopped with an error: " .. run.error
        end
        if run.t ~= 30 then
            return false, "run exactly 30 steps in all (the program ran " .. run.t .. ")"
        end
        if math.abs(run.series[1].users - 0.05) > 1e-12 or run.series[1].libraries ~= 0
            or run.series[1].tools ~= 0 then
            return false, "keep the start: U=0.05, no libraries, no tools"
        end
        for _, line in ipairs(run.stdout) do
            if line:match("^shock") or line:match("^libraries =") or line:match("^tools =")
                or (line:match("^users =") and line ~= "users = 0.05 at step 0") then
                return false, "change a parameter, not the stocks (found: " .. line .. ")"
            end
        end
        -- every set line of the run, not only the parameters as they ended: one set back
        -- to its default after it did its work still counts as changed
        local named, names = {}, {}
        for _, line in ipairs(run.stdout) do
            if line:match("^set ") then
                for name in line:gmatch("(%a+)=") do
                    if not named[name] then
                        named[name] = true
                        names[#names + 1] = name
                    end
                end
            end
        end
        if #names > 1 then
            table.sort(names)
            return false, "change exactly one parameter (the program sets "
                .. table.concat(names, " and ") .. ")"
        end
        local changed = {}
        for name, v in pairs(defaults) do
            if math.abs(run.params[name] - v) > 1e-12 then
                changed[#changed + 1] = name
            end
        end
        if #changed ~= 1 then
            return false, "change exactly one parameter (changed: " .. #changed .. ")"
        end
        if run.users < 0.5 then
            return false, string.format("U is %.3f at step 30; it must reach 0.5", run.users)
        end
        return true
    end,
}
