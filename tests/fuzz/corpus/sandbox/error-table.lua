-- An error object that is a table.
local function fail()
    error({ code = 42 })
end
fail()
