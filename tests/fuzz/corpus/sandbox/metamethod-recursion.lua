-- An __index that indexes itself: recursion through C, bounded by Lua's
-- C-stack limit, not by memory.
local t = setmetatable({}, { __index = function(self, k) return self[k] end })
return t.anything
