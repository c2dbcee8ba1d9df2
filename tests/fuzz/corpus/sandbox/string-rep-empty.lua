-- An empty string repeated 2^62 times: the C loop copies nothing, forever,
-- unless string.rep short-cuts it.  Then the endless loop ends the run.
local s = string.rep("", 1 << 62)
assert(s == "")
while true do end
