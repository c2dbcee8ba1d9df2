-- The coroutine hits the budget, resume hides it, and the chunk returns
-- normally: only the host's flags know.
local co = coroutine.create(function()
    while true do end
end)
local ok = coroutine.resume(co)
return "finished, resume said " .. tostring(ok)
