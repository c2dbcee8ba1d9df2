-- coroutine.wrap re-raises inside a pcall; then more looping.
local f = coroutine.wrap(function()
    while true do end
end)
pcall(f)
while true do end
