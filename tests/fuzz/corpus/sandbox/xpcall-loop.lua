-- xpcall with a handler that swallows everything, in an endless loop.
local function handler(e) return "swallowed" end
while true do
    xpcall(function() while true do end end, handler)
end
