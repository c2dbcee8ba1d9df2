-- A table that grows until memory runs out, inside pcall: the script would
-- carry on with status OK, so the refused allocation must count.
local ok, err = pcall(function()
    local t = {}
    for i = 1, 1e9 do
        t[i] = i
    end
end)
return "survived: " .. tostring(ok)
