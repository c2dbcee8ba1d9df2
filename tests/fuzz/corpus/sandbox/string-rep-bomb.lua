-- One allocation of a gigabyte.
local s = string.rep("x", 1e9)
return #s
