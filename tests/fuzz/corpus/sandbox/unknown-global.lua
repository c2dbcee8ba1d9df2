-- A typo in a global name is an error, not a silent nil.
local n = tonumbr("3")
return n
