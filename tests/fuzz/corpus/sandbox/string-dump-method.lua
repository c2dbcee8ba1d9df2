-- string.dump reached through the string metatable, not the global.
local bytes = (""):dump()
return bytes
