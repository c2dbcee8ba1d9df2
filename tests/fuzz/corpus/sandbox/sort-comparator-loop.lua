-- An endless comparator: Lua code called from table.sort's C loop.
local t = { 3, 1, 2 }
table.sort(t, function(a, b)
    while true do end
end)
