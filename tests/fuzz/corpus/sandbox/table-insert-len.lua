-- A __len that claims 2^50 elements makes table.insert shift forever in C.
local t = setmetatable({}, { __len = function() return 1 << 50 end })
table.insert(t, 1, "x")
