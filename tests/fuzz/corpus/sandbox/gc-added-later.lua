-- __gc added after setmetatable does not mark the object in Lua 5.4, so the
-- finalizer never runs and the run ends normally.
local mt = {}
local obj = setmetatable({}, mt)
mt.__gc = function() while true do end end
obj = nil
collectgarbage()
return "no finalizer ran"
