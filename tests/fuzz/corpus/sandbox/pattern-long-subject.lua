-- A subject longer than the pattern functions accept.
local subject = string.rep("a", 1 << 20)
return subject:match("b")
