-- Catastrophic backtracking inside one C call, where no hook can fire.
local subject = string.rep("a", 400)
return string.find(subject, ".-.-.-b")
