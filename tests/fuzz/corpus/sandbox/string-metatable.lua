-- Reaching the shared string library through getmetatable('').
local lib = getmetatable("").__index
lib.upper = function() return "pwned" end
return ("x"):upper()
